"""Hidden test of training with cell_type='rnn' (the id keeps the course's "overfit"): a
short, seeded run of the student's CaptioningSolver on the student's CaptioningRNN, with
Adam and with plain SGD, compared step by step with the reference's run
(autograder/hidden_tests/_training.py says why both, and why float64)."""

from autograder.hidden_tests._training import check_trajectory, trajectory_inputs

# the student functions a run calls: a failed run names those that fail their own question
USES = (
    "rnn_loss",
    "rnn_forward",
    "rnn_backward",
    "rnn_step_forward",
    "rnn_step_backward",
    "word_embedding_forward",
    "word_embedding_backward",
    "temporal_affine",
    "temporal_softmax_loss",
)

CASES = {"trajectory": lambda rng: trajectory_inputs(rng, "rnn")}


def check(case, got, expected, inputs, question):
    return check_trajectory(got, expected, inputs, question)
