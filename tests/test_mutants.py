"""Every hidden test can fail: for each question, plausible wrong implementations lose
points on that question, and only on the questions they should (config.affected_by).

Mutants of unrelated questions are packed into one submission (as tests/test_equivalents.py
packs the equivalents), and each submission is graded once: a few dozen gradings instead of
one per mutant. Two mutants share a submission only when they replace different functions and
neither question is affected by the other's (so neither can hide, or be blamed for, the
other's failure); every question that no mutant of the submission may affect must still get
full marks."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

from autograder.config import load_config
from autograder.grade.judging.grader import grade_submission
from conftest import make_submission

CONFIG = load_config()


@dataclass
class Planted:
    """One mutant as planted in a submission: its question, the mutant, the function it
    replaces ("cs231n/<file>.py::<qualname>") with that function's new source, and the
    questions it may cost (config.affected_by: itself included)."""

    qid: str
    mutant: object
    target: str
    source: str
    affected: set


def _planted() -> list:
    """Every mutant of tests/mutants/, in config order."""
    out = []
    for qid in CONFIG.questions:
        mod = importlib.import_module(f"mutants.{qid}")
        for fn in mod.MUTANTS:
            target = getattr(fn, "target", None) or mod.TARGET
            out.append(
                Planted(qid, fn, target, fn.source(target) if hasattr(fn, "changes") else fn, CONFIG.affected_by(qid))
            )
    return out


def _fits(p: Planted, bucket: list) -> bool:
    return all(p.target != o.target and p.qid not in o.affected and o.qid not in p.affected for o in bucket)


def _buckets(planted: list) -> list:
    """[[Planted, ...], ...]: each inner list is one submission (first fit, in order)."""
    buckets = []
    for p in planted:
        for bucket in buckets:
            if _fits(p, bucket):
                bucket.append(p)
                break
        else:
            buckets.append([p])
    return buckets


PLANTED = _planted()
BUCKETS = _buckets(PLANTED)


def test_every_question_has_three_mutants():
    for qid in CONFIG.questions:
        mod = importlib.import_module(f"mutants.{qid}")
        assert len(mod.MUTANTS) >= 3, qid
        assert all(fn.__doc__ for fn in mod.MUTANTS), f"{qid}: say what each mutant gets wrong"


def test_packing_plants_every_mutant_once_and_apart():
    planted = [id(p.mutant) for bucket in BUCKETS for p in bucket]
    assert sorted(planted) == sorted(id(p.mutant) for p in PLANTED)
    for bucket in BUCKETS:
        for i, p in enumerate(bucket):
            assert _fits(p, bucket[:i] + bucket[i + 1 :]), f"{p.qid}/{p.mutant.__name__} shares a submission badly"
    assert len(BUCKETS) < len(PLANTED) / 2, "packing saves nothing"


def _names(bucket) -> str:
    return ", ".join(f"{p.qid}/{p.mutant.__name__}" for p in bucket)


@pytest.mark.parametrize("bucket", BUCKETS, ids=[f"submission{i}-{len(b)}mutants" for i, b in enumerate(BUCKETS)])
def test_mutants_lose_points_only_where_they_should(bucket, tmp_path):
    affected = set().union(*(p.affected for p in bucket))
    mutated = {p.qid for p in bucket}
    parts = [pid for pid in CONFIG.parts if any(CONFIG.questions[q].part == pid for q in mutated)]
    # Grade each mutant's question and those no mutant here may break (an affected question may
    # pass or fail: grading it proves nothing); training is slow: overfit questions only for
    # their own mutants.
    only = {
        q
        for pid in parts
        for q in CONFIG.parts[pid].questions
        if q in mutated or (q not in affected and not q.endswith("_overfit"))
    }
    sub = make_submission(tmp_path / "sub", {p.target: p.source for p in bucket})
    result = grade_submission(sub, CONFIG, parts=parts, only=only)
    uncaught = [
        f"{p.qid}/{p.mutant.__name__}"
        for p in bucket
        if result.questions[p.qid].passed
        or (CONFIG.questions[p.qid].points and result.questions[p.qid].score >= CONFIG.questions[p.qid].points)
    ]
    assert not uncaught, f"not caught by the tests of their questions: {uncaught}"
    wrongly_failed = sorted(q for q, r in result.questions.items() if q not in affected and not r.passed)
    assert not wrongly_failed, f"{wrongly_failed} failed, which none of these mutants may affect: {_names(bucket)}"
