"""Correct lstm_step_forward written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::lstm_step_forward"

GATES = """    i = sigmoid(a[:, 0:H])
    f = sigmoid(a[:, H:2 * H])
    o = sigmoid(a[:, 2 * H:3 * H])
    g = np.tanh(a[:, 3 * H:4 * H])
"""

split_and_plain_sigmoid = edit(
    "split_and_plain_sigmoid",
    "np.split into the four gates and the plain sigmoid 1 / (1 + exp(-a)).",
    (
        GATES,
        """    ai, af, ao, ag = np.split(a, 4, axis=1)
    i = 1 / (1 + np.exp(-ai))
    f = 1 / (1 + np.exp(-af))
    o = 1 / (1 + np.exp(-ao))
    g = np.tanh(ag)
""",
    ),
)

tanh_via_sigmoid = edit(
    "tanh_via_sigmoid",
    "Both tanh written as 2 * sigmoid(2a) - 1, and @ products (other rounding).",
    ("a = x.dot(Wx) + prev_h.dot(Wh) + b", "a = x @ Wx + prev_h @ Wh + b"),
    ("g = np.tanh(a[:, 3 * H:4 * H])", "g = 2 * sigmoid(2 * a[:, 3 * H:]) - 1"),
    ("tanh_c = np.tanh(next_c)", "tanh_c = 2 * sigmoid(2 * next_c) - 1"),
)

EQUIVALENTS = [split_and_plain_sigmoid, tanh_via_sigmoid]
