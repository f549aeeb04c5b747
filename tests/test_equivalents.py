"""Correct work gets full marks: for each graded question, implementations that differ from
the reference in form or arithmetic (tests/equivalents/<id>.py) score every point.

The equivalents of all questions are packed into as few submissions as possible (one
function is replaced once per submission), and each submission is graded whole: a few
gradings instead of one per equivalent."""

from __future__ import annotations

import importlib

import pytest

from autograder.config import load_config
from autograder.grade.judging.grader import grade_submission
from conftest import make_submission
from equivalents import replacements_of

CONFIG = load_config()


def _modules() -> dict:
    """{question id: its module in tests/equivalents}, for the ids that have one."""
    out = {}
    for qid in CONFIG.questions:
        try:
            out[qid] = importlib.import_module(f"equivalents.{qid}")
        except ModuleNotFoundError as exc:
            if exc.name != f"equivalents.{qid}":
                raise
    return out


def _buckets() -> list:
    """[[(question ids, equivalent, {target: source})...], ...]: each inner list is one
    submission; no target is replaced twice in one submission."""
    seen = {}  # id(equivalent) -> entry
    for qid, mod in _modules().items():
        for eq in mod.EQUIVALENTS:
            if id(eq) in seen:
                seen[id(eq)][0].append(qid)
            else:
                seen[id(eq)] = ([qid], eq, replacements_of(eq, mod.TARGET))
    buckets = []
    for entry in seen.values():
        for bucket in buckets:
            if not any(set(entry[2]) & set(other[2]) for other in bucket):
                bucket.append(entry)
                break
        else:
            buckets.append([entry])
    return buckets


def test_every_graded_question_has_two_equivalents():
    modules = _modules()
    missing = [qid for qid, q in CONFIG.questions.items() if q.points and qid not in modules]
    assert not missing, f"no tests/equivalents/<id>.py for {missing}"
    for qid, mod in modules.items():
        if CONFIG.questions[qid].points:
            assert len(mod.EQUIVALENTS) >= 2, qid
        assert all(eq.__doc__ for eq in mod.EQUIVALENTS), f"{qid}: say how each equivalent differs"


BUCKETS = _buckets()


@pytest.mark.parametrize("bucket", BUCKETS, ids=[f"submission{i}" for i in range(len(BUCKETS))])
def test_equivalents_get_full_marks(bucket, tmp_path):
    replacements = {t: src for _, _, reps in bucket for t, src in reps.items()}
    sub = make_submission(tmp_path / "sub", replacements)
    # every part with a question in a replaced file (other parts run none of this code)
    files = {t.split("::")[0] for t in replacements}
    parts = [p for p, part in CONFIG.parts.items() if any(q.file in files for q in part.questions.values())] or list(
        CONFIG.parts
    )
    result = grade_submission(sub, CONFIG, parts=parts)
    lost = {qid: r for qid, r in result.questions.items() if not r.passed or r.score < CONFIG.questions[qid].points}
    if lost:
        who = {t: eq.__name__ for _, eq, reps in bucket for t in reps}
        lines = [
            f"{qid}: {r.score}/{CONFIG.questions[qid].points} "
            f"({'; '.join(m for c in r.cases if not c.passed for m in c.messages)[:300]})"
            for qid, r in lost.items()
        ]
        pytest.fail(
            f"correct code lost points (equivalents in this submission: {sorted(who.values())}):\n" + "\n".join(lines)
        )


@pytest.mark.parametrize("bucket", BUCKETS, ids=[f"submission{i}" for i in range(len(BUCKETS))])
def test_equivalents_pass_the_public_tests(bucket, tmp_path):
    """What a student sees before the deadline agrees: correct code written differently passes
    the public test that `a3 check <id>` (and the notebook's grader.check) runs, for every
    question whose file it changes. Parts 1-2 run the graded public cases themselves; Parts 3-5
    have hand-written public tests, which this keeps honest (e.g. the course's signature of
    make_fooling_image, without a learning_rate argument)."""
    from autograder.student_tools import check
    from test_student_tools import student_copy

    replacements = {t: src for _, _, reps in bucket for t, src in reps.items()}
    sub = make_submission(tmp_path / "sub", replacements)
    folder = student_copy(tmp_path / "student", sub / "cs231n")
    files = {t.split("::")[0] for t in replacements}
    tested = set(check.available(folder))
    failed = {}
    for qid, q in CONFIG.questions.items():
        if q.file in files and qid in tested:
            test, nones = check.run_public_tests(qid, folder)
            if not test.passed_all:
                failed[qid] = [line for line in check.case_lines(qid, test, nones) if line.startswith("failed")]
    assert not failed, f"correct code fails a public test: {failed}"
