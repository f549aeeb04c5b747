"""Every hidden test can fail: for each question, plausible wrong implementations lose
points on that question, and only on the questions they should (config.affected_by)."""
from __future__ import annotations

import importlib

import pytest

from autograder.config import load_config
from autograder.grade.judging.grader import grade_submission
from conftest import make_submission

CONFIG = load_config()


def _mutants():
    for qid in CONFIG.questions:
        mod = importlib.import_module(f"mutants.{qid}")
        for fn in mod.MUTANTS:
            yield pytest.param(qid, mod.TARGET, fn, id=f"{qid}-{fn.__name__}")


def test_every_question_has_three_mutants():
    for qid in CONFIG.questions:
        mod = importlib.import_module(f"mutants.{qid}")
        assert len(mod.MUTANTS) >= 3, qid
        assert all(fn.__doc__ for fn in mod.MUTANTS), f"{qid}: say what each mutant gets wrong"


@pytest.mark.parametrize("qid, target, mutant", list(_mutants()))
def test_mutant_loses_points_only_where_it_should(qid, target, mutant, tmp_path):
    question = CONFIG.questions[qid]
    affected = CONFIG.affected_by(qid)
    part = question.part
    # Grade the question and those the mutant must NOT break (the affected ones may pass or
    # fail: grading them proves nothing); training is slow: overfit questions only for their own.
    only = {q for q in CONFIG.parts[part].questions
            if q == qid or (q not in affected and not q.endswith("_overfit"))}
    target = getattr(mutant, "target", None) or target
    sub = make_submission(tmp_path / "sub", {target: mutant.source(target) if hasattr(mutant, "changes") else mutant})
    result = grade_submission(sub, CONFIG, parts=[part], only=only)
    assert not result.questions[qid].passed, f"{mutant.__name__} was not caught by the tests of {qid}"
    if question.points:
        assert result.questions[qid].score < question.points
    wrongly_failed = sorted(q for q, r in result.questions.items() if q not in affected and not r.passed)
    assert not wrongly_failed, f"{mutant.__name__} also failed {wrongly_failed}"
