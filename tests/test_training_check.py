"""The training questions (rnn_overfit, lstm_overfit) run a few seeded steps of the student's
CaptioningSolver with Adam and with plain SGD against the reference's run, and say what
went wrong: a constant scale of the gradients (which Adam alone does not see), parameters
that never move, a missing gradient, a gradient that is right only on the first call."""

from __future__ import annotations

import pytest

from autograder.config import load_config
from autograder.grade.judging.grader import grade_submission
from conftest import make_submission
from mutants import rnn_overfit as mutants

CONFIG = load_config()


def _failure(tmp_path, mutant) -> str:
    sub = make_submission(tmp_path / "sub", {mutants.TARGET: mutant.source(mutants.TARGET)})
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_overfit"}).questions["rnn_overfit"]
    assert result.score == 0
    return " | ".join(m for case in result.cases for m in case.messages)


@pytest.mark.parametrize(
    "mutant, words",
    [
        (
            mutants.gradients_times_10,
            [
                "CaptioningSolver(update_rule='sgd'), 6 steps: after 1 step the loss is",
                "every gradient is 10 times the reference's: the gradients are scaled wrong",
            ],
        ),
        (mutants.gradients_halved, ["every gradient is 0.5 times the reference's"]),
        (mutants.gradient_ascent, ["every gradient is -1 times the reference's: the gradients have the wrong sign"]),
        (mutants.zero_gradients, ["no parameter moved", "every gradient is zero"]),
        (mutants.frozen_embeddings, ["W_embed did not move", "grads['W_embed'] is zero"]),
        (mutants.missing_b_proj_grad, ["returned no grads['b_proj']"]),
        (
            mutants.stale_embedding_gradient,
            ["after 2 steps the loss is", "every gradient matches the reference's, and the run parts later"],
        ),
        (mutants.zero_initial_state, ["W_proj, b_proj did not move", "grads['W_proj'], grads['b_proj'] are zero"]),
        (mutants.targets_are_inputs, ["at the initial parameters the loss is", "as rnn_loss shows"]),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_a_wrong_training_run_says_why(tmp_path, mutant, words):
    text = _failure(tmp_path, mutant)
    for w in words:
        assert w in text, text
