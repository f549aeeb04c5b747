"""Plausible wrong versions of lstm_step_backward (cache = (x, prev_h, prev_c, Wx, Wh,
i, f, o, g, tanh_c) from the reference forward)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::lstm_step_backward"

MUTANTS = [
    edit(
        "missing_tanh_c_derivative",
        "Forgets the tanh of next_c in next_h's derivative: dc = dnext_c + dnext_h * o.",
        ("dnext_h * o * (1 - tanh_c ** 2)", "dnext_h * o"),
    ),
    edit(
        "ignores_dnext_c",
        "Ignores the upstream cell gradient dnext_c (only dnext_h flows into the cell).",
        ("dc = dnext_c + dnext_h", "dc = dnext_h"),
    ),
    edit(
        "dprev_c_without_forget_gate",
        "Returns dprev_c = dc, forgetting to multiply by the forget gate f.",
        ("dprev_c = dc * f", "dprev_c = dc"),
    ),
    edit(
        "gradient_order_ifgo",
        "Concatenates the gate gradients in the order i, f, g, o (forward uses i, f, o, g).",
        (
            "do * o * (1 - o),\n                         dg * (1 - g ** 2))",
            "dg * (1 - g ** 2),\n                         do * o * (1 - o))",
        ),
    ),
    edit(
        "sigmoid_derivative_for_g",
        "Uses the sigmoid derivative g * (1 - g) for the tanh block input g.",
        ("dg * (1 - g ** 2)", "dg * g * (1 - g)"),
    ),
]
