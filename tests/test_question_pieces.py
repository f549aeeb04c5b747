"""Every question id has all its pieces (the README's "Add a question" recipe), and the
student process's call takes exactly the inputs its cases make."""

from __future__ import annotations

import importlib
import inspect
import re
import pytest

from autograder.build.splice import function_text
from autograder.config import REPO_ROOT, load_config
from autograder.fixture_store import read_fixture
from autograder.question_api import question_hooks
from autograder.student_process.calls import CALLS

CONFIG = load_config()
TEMPLATE = REPO_ROOT / "student_template"
SOLUTIONS = REPO_ROOT / "solutions"


def listed(folder: str, qid: str, name: str) -> list:
    """``tests/<folder>/<qid>.py``'s list ``name`` (MUTANTS, EQUIVALENTS), or [] without one."""
    try:
        return list(getattr(importlib.import_module(f"{folder}.{qid}"), name, []))
    except ModuleNotFoundError as exc:
        if exc.name != f"{folder}.{qid}":
            raise
        return []


def call_parameters(qid: str) -> tuple[set | None, set]:
    """(every input name, or None if it takes ``**arrays``; the required ones) of the call
    ``CALLS[qid](pkg, **inputs)``."""
    params = list(inspect.signature(CALLS[qid]).parameters.values())[1:]  # the first is the package
    named = [p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    every = None if any(p.kind == p.VAR_KEYWORD for p in params) else {p.name for p in named}
    return every, {p.name for p in named if p.default is p.empty}


def missing_pieces(q) -> list:
    """What question ``q`` lacks, as readable sentences (empty when complete)."""
    problems = []
    try:
        question_hooks(q.id)
    except Exception as exc:  # noqa: BLE001 - reported as a missing piece
        problems.append(f"hidden test autograder/hidden_tests/{q.id}.py: {exc}")
    texts = {}
    for root, what in ((SOLUTIONS, "reference"), (TEMPLATE, "stub")):
        path = root / q.file
        try:
            text = function_text(path.read_text(), q.qualname)
        except (OSError, ValueError, KeyError) as exc:
            problems.append(f"{what}: no {q.qualname} in {path.relative_to(REPO_ROOT)} ({exc})")
            continue
        texts[what] = text
    if (
        len(texts) == 2
        and texts["stub"] != texts["reference"]
        and not re.search(rf"TODO \([^)]*\b{q.id}\b", texts["stub"])
    ):
        problems.append(
            f"stub: {q.qualname} in student_template/{q.file} is neither the reference's "
            f"(given code) nor a stub with `TODO ({q.id})`"
        )
    if q.id not in CALLS:
        problems.append(f"call: no CALLS[{q.id!r}] in autograder/student_process/calls/")
    if not (REPO_ROOT / "autograder" / "fixtures" / f"{q.id}.h5").exists():
        problems.append(f"fixture: no autograder/fixtures/{q.id}.h5 (run a3 build)")
    if "public" in q.cases.values() and not (TEMPLATE / "tests" / f"{q.id}.py").exists():
        problems.append(f"public test: no student_template/tests/{q.id}.py (run a3 build)")
    for folder, name in (("mutants", "MUTANTS"), ("equivalents", "EQUIVALENTS")):
        if not listed(folder, q.id, name):
            problems.append(f"{folder}: tests/{folder}/{q.id}.py with a non-empty {name}")
    return problems


@pytest.mark.parametrize("qid", list(CONFIG.questions))
def test_every_question_has_all_its_pieces(qid):
    assert missing_pieces(CONFIG.questions[qid]) == []


def input_mismatches(qid: str) -> list:
    """The cases whose inputs the call of ``qid`` does not take exactly, as sentences."""
    names, required = call_parameters(qid)
    out = []
    for case, (inputs, _) in read_fixture(qid).items():
        if not required <= set(inputs) <= (set(inputs) if names is None else names):
            out.append(
                f"case {case} makes {sorted(inputs)}; CALLS[{qid!r}] takes "
                f"{'**arrays' if names is None else sorted(names)} ({sorted(required)} required)"
            )
    return out


@pytest.mark.parametrize("qid", list(CONFIG.questions))
def test_the_call_takes_the_inputs_its_cases_make(qid):
    assert set(read_fixture(qid)) == set(CONFIG.questions[qid].cases), "the fixture's cases are the config's"
    assert input_mismatches(qid) == []


def test_a_call_with_other_parameters_is_named(monkeypatch):
    monkeypatch.setitem(CALLS, "rnn_step_forward", lambda pkg, x, prev_h, Wx, Wh, bias: {})
    assert (
        "CALLS['rnn_step_forward'] takes ['Wh', 'Wx', 'bias', 'prev_h', 'x']" in input_mismatches("rnn_step_forward")[0]
    )
    monkeypatch.setitem(CALLS, "rnn_step_forward", lambda pkg, x, prev_h, Wx, Wh, **arrays: {})
    assert input_mismatches("rnn_step_forward") == []


def test_a_missing_piece_is_named(monkeypatch):
    """The check can fail: a question whose call, stub TODO and mutants are missing."""
    q = CONFIG.questions["rnn_step_forward"]
    monkeypatch.delitem(CALLS, "rnn_step_forward")
    renamed = type(q)(**{**q.__dict__, "id": "rnn_step_fwd"})
    problems = "\n".join(missing_pieces(renamed))
    for piece in ("hidden test", "stub:", "call:", "fixture:", "public test:", "mutants:", "equivalents:"):
        assert piece in problems
