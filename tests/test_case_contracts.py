"""Every case stays inside the documented contract of the function it calls: each case
maker's inputs (every case of every question, made as `a3 build` makes them) are checked
against the question's declared shapes, relations, dtypes and ranges
(autograder/hidden_tests/_contracts.py)."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.config import load_config
from autograder.fixture_store import make_inputs
from autograder.hidden_tests._contracts import CONTRACTS, violations

CONFIG = load_config()


def test_every_question_has_a_contract():
    assert set(CONTRACTS) == set(CONFIG.questions)


@pytest.mark.parametrize("qid", sorted(CONFIG.questions))
def test_cases_keep_the_contract(qid):
    broken = {
        case: v
        for case, inputs in make_inputs(CONFIG.questions[qid], CONFIG.seeds["fixtures"]).items()
        if (v := violations(qid, inputs))
    }
    assert not broken, f"{qid}: cases outside the contract: {broken}"


def test_the_check_sees_a_broken_case():
    """The old mixed_magnitudes case (12 real, 7 fake logits) and a caption index past the
    vocabulary are refused."""
    rng = np.random.RandomState(0)
    assert violations("gan_loss", {"logits_real": rng.randn(12, 1), "logits_fake": rng.randn(7, 1)})
    ok = {"x": np.array([[0, 4]]), "W": rng.randn(5, 3)}
    assert not violations("word_embedding_forward", ok)
    assert violations("word_embedding_forward", {**ok, "x": np.array([[0, 5]])})
    assert violations(
        "lstm_step_forward",
        {
            "x": rng.randn(2, 3),
            "prev_h": rng.randn(2, 4),
            "prev_c": rng.randn(2, 4),
            "Wx": rng.randn(3, 4),
            "Wh": rng.randn(4, 16),
            "b": rng.randn(16),
        },
    )
