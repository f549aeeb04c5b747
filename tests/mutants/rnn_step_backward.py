"""Plausible wrong versions of rnn_step_backward (cache = (x, prev_h, Wx, Wh, next_h))."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::rnn_step_backward"

MUTANTS = [
    edit(
        "missing_tanh_derivative",
        "Forgets the tanh derivative: back-propagates dnext_h straight into the affine part.",
        ("da = dnext_h * (1 - next_h ** 2)", "da = dnext_h"),
    ),
    edit(
        "derivative_not_squared",
        "Uses 1 - tanh instead of 1 - tanh**2 as the local derivative.",
        ("(1 - next_h ** 2)", "(1 - next_h)"),
    ),
    edit(
        "dprev_h_untransposed",
        "dprev_h = da.dot(Wh) instead of da.dot(Wh.T) (square Wh hides the shape error).",
        ("da.dot(Wh.T)", "da.dot(Wh)"),
    ),
    edit("dWh_uses_next_h", "Computes dWh from next_h instead of prev_h.", ("prev_h.T.dot(da)", "next_h.T.dot(da)")),
    edit("db_mean", "Averages db over the minibatch instead of summing it.", ("da.sum(axis=0)", "da.mean(axis=0)")),
]
