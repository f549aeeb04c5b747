"""Compute the fixtures: every question's case inputs (from its hidden-test module and the
configured seed) and the reference's outputs on them, by running ``solutions/`` through the
same student process and calls that grade a submission; then judge the reference the way
the grader judges a submission, and write only the fixtures whose values changed.

Judging (in the build's own process, as grading does in the grader's): every case goes
through ``grade.grader.grade_question`` (status, the hidden test's ``check`` or the
comparison with the expected values, ``check_source`` on the reference's file), and the
cases a hidden test gives the course's published values for (``PUBLISHED``) are compared
with those too, so a wrong reference fails the build instead of becoming the fixture.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from autograder.build import BuildError
from autograder.fixture_store import make_inputs, read_fixture, write_fixture
from autograder.question_api import question_hooks
from autograder.student_tools.compare import compare_outputs
from autograder.student_tools.judging import case_question
from autograder.grade.judging.grader import grade_question
from autograder.grade.judging.reference import SOLUTIONS
from autograder.grade.running.student_process import StudentProcess

PUBLISHED_PRECISION = 5e-8    # the course printed 8 decimals: no published check is finer than this


def compute_fixtures(config, out_dir: Path, log=print) -> dict:
    """Run the reference on every case, judge it, and write ``out_dir/<id>.h5`` for every
    question whose inputs or expected values changed.
    Returns {question id: "new" | "changed" | "unchanged"} in config order.
    Raises BuildError naming the question, the case and the grader's message if the
    reference does not pass a case."""
    check_calls(config)
    status = {}
    with tempfile.TemporaryDirectory(prefix="a3-fixtures-") as tmp:
        for part in (p for p in config.parts.values() if p.questions):
            with StudentProcess(SOLUTIONS, Path(tmp) / part.id, seed=config.seeds["fixtures"],
                                limits=part.limits) as ref:
                for q in part.questions.values():
                    inputs = make_inputs(q, config.seeds["fixtures"])
                    runs = ref.run(q.id, inputs, max(q.time_limit, 60) * 5)
                    keep = question_hooks(q.id).expected
                    cases = {c: (inputs[c], runs[c].outputs if keep and runs[c].status == "ok" else None)
                             for c in q.cases}
                    judge_reference(q, cases, runs)
                    status[q.id] = store_fixture(Path(out_dir) / f"{q.id}.h5", cases)
                    log(f"  fixtures: {q.id} ({len(q.cases)} cases, {status[q.id]})")
    return status


def check_calls(config) -> None:
    """Every question of ``config`` has its call (``CALLS[<id>]`` in
    autograder/student_process/calls/, what gives the student's function a case's inputs);
    raises BuildError naming the ones missing and where to add them."""
    from autograder.student_process.calls import CALLS

    missing = [q for q in config.questions.values() if q.id not in CALLS]
    if missing:
        raise BuildError(
            "no call for "
            + ", ".join(f"{q.id} ({q.function})" for q in missing)
            + ": add CALLS['<id>'] to the part's module in autograder/student_process/calls/ "
            "(a function of the student package and a case's inputs that calls the function and "
            "returns its outputs as named arrays; see the other entries of CALLS there)"
        )


def judge_reference(question, cases: dict, runs: dict) -> None:
    """Judge the reference's runs of ``question`` as the grader judges a submission's:
    ``cases`` {case: (inputs, expected or None)} (the fixture about to be written), ``runs``
    {case: CaseOutcome}. Raises BuildError "the reference fails <id> case <case> (<visibility>):
    <messages>" on the first case that does not pass."""
    source_path = SOLUTIONS / question.file
    source = source_path.read_text(encoding="utf-8") if source_path.is_file() else None
    result = grade_question(question, cases, runs, source)
    for case in result.cases:
        if not case.passed:
            raise BuildError(f"the reference fails {question.id} case {case.case} ({case.visibility}): "
                             + "; ".join(case.messages))
    published = question_hooks(question.id).published
    for case, values in published.items():
        if case not in question.cases:
            raise BuildError(f"{question.id}: PUBLISHED names case {case}, which the config does not list")
        threshold = max(case_question(question, case).threshold, PUBLISHED_PRECISION)
        expected = {name: np.asarray(value) for name, value in values.items()}
        bad = [c.message for c in compare_outputs(runs[case].outputs, expected, threshold) if not c.passed]
        if bad:
            raise BuildError(f"the reference fails {question.id} case {case} ({question.cases[case]}), "
                             f"against the course's published values: " + "; ".join(bad)
                             + f" (PUBLISHED in autograder/hidden_tests/{question.id}.py; if you changed this "
                             f"case's inputs on purpose, remove its published values there)")


def store_fixture(path: Path, cases: dict) -> str:
    """Write {case: (inputs, expected or None)} to ``path`` unless the file already holds the
    same cases with the same values (see fixture_differences): then the file is left as it
    is, same bytes and same time. Returns "new", "changed" or "unchanged"."""
    path = Path(path)
    if path.exists():
        try:
            old = read_fixture(path.stem, path.parent)
        except (OSError, KeyError, ValueError):
            old = None                      # unreadable: rewrite it
        if old is not None and not fixture_differences(path.stem, cases, old):
            return "unchanged"
        write_fixture(path, cases)
        return "changed"
    write_fixture(path, cases)
    return "new"


def expected_tolerance(qid: str, value) -> tuple:
    """(rtol, atol) for comparing a rebuilt expected value with the committed one: a hidden
    test's ``FIXTURE_TOLERANCE`` if it sets one (results of an optimisation in float32),
    float32 precision for float32 arrays (TensorFlow's kernels sum in a CPU-dependent
    order), else 1e-10."""
    try:
        tol = question_hooks(qid).fixture_tolerance
    except ImportError:
        tol = None
    if tol is not None:
        return tol
    return (1e-5, 1e-7) if value.dtype == np.float32 else (1e-10, 1e-12)


def _same(x, y, rtol: float, atol: float) -> bool:
    if x is None or y is None or x.shape != y.shape or x.dtype.kind != y.dtype.kind:
        return False
    return np.array_equal(x, y) if x.dtype.kind in "biuUSO" else np.allclose(x, y, rtol=rtol, atol=atol)


def fixture_differences(qid: str, new: dict, old: dict) -> list:
    """What differs between two fixtures of ``qid`` ({case: (inputs, expected or None)}):
    ["<case>: missing" | "<case>: no longer made by the build" | "<case>/<kind>/<name>"].
    Inputs must be equal (floats to 1e-10); expected values to expected_tolerance."""
    problems = [f"{case}: no longer made by the build" for case in old if case not in new]
    for case, (inputs, expected) in new.items():
        if case not in old:
            problems.append(f"{case}: missing")
            continue
        for kind, a, b in (("inputs", inputs, old[case][0]), ("expected", expected or {}, old[case][1] or {})):
            for name in sorted(set(a) | set(b)):
                x = None if a.get(name) is None else np.asarray(a[name])
                y = None if b.get(name) is None else np.asarray(b[name])
                rtol, atol = expected_tolerance(qid, x) if kind == "expected" and x is not None else (1e-10, 1e-12)
                if not _same(x, y, rtol, atol):
                    problems.append(f"{case}/{kind}/{name}")
    return problems
