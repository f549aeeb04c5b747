"""Plausible wrong versions of rnn_backward (back-propagation through time)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::rnn_backward"

MUTANTS = [
    edit(
        "no_carry_from_next_step",
        "Ignores the gradient flowing from step t+1: only dh[:, t] goes into step t.",
        ("dh[:, t, :] + dprev_h", "dh[:, t, :]"),
    ),
    edit(
        "dh0_forgotten",
        "Returns a zero dh0 instead of the gradient flowing out of the first step.",
        ("dh0 = dprev_h", "dh0 = np.zeros((N, H))"),
    ),
    edit(
        "weights_overwritten",
        "Overwrites dWx, dWh, db at each step instead of accumulating them over time.",
        ("dWx += dWx_t", "dWx = dWx_t"),
        ("dWh += dWh_t", "dWh = dWh_t"),
        ("db += db_t", "db = db_t"),
    ),
    edit(
        "forward_order",
        "Loops over time forwards (t = 0 .. T-1) instead of backwards.",
        ("reversed(range(T))", "range(T)"),
    ),
]
