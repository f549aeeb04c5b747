"""Plausible wrong versions of lstm_backward (back-propagation through time; step cache =
(x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c))."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::lstm_backward"

MUTANTS = [
    edit(
        "cell_gradient_not_carried",
        "Passes dnext_c = 0 to every step instead of the dprev_c of the step after it.",
        ("dh[:, t, :] + dprev_h, dprev_c,", "dh[:, t, :] + dprev_h, np.zeros((N, H)),"),
    ),
    edit(
        "hidden_gradient_not_accumulated",
        "Passes only dh[:, t] as dnext_h, dropping the gradient from step t+1.",
        ("dh[:, t, :] + dprev_h,", "dh[:, t, :],"),
    ),
    edit(
        "dh0_is_first_upstream",
        "Returns dh[:, 0] as dh0 instead of the gradient flowing out of the first step.",
        ("dh0 = dprev_h", "dh0 = dh[:, 0, :]"),
    ),
    edit(
        "upstream_into_cell_too",
        "Adds the upstream dh[:, t] to the cell gradient as well as to the hidden gradient.",
        ("dprev_h, dprev_c, cache[t]", "dprev_h, dh[:, t, :] + dprev_c, cache[t]"),
    ),
]
