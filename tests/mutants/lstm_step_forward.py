"""Plausible wrong versions of lstm_step_forward (gate order i, f, o, g; cache =
(x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c) as the reference backward expects)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::lstm_step_forward"

MUTANTS = [
    edit(
        "gate_order_ifgo",
        "Splits the activations in the order i, f, g, o (the PyTorch-style order) instead of i, f, o, g.",
        (
            "o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:4 * H])",
            "g = np.tanh(a[:, 2 * H:3 * H])\n    o = sigmoid(a[:, 3 * H:4 * H])",
        ),
    ),
    edit(
        "sigmoid_block_input",
        "Applies a sigmoid to the block input g instead of tanh.",
        ("np.tanh(a[:, 3 * H:4 * H])", "sigmoid(a[:, 3 * H:4 * H])"),
    ),
    edit(
        "no_tanh_on_cell",
        "Computes next_h = o * next_c, forgetting the tanh of the cell state.",
        ("next_h = o * tanh_c", "next_h = o * next_c"),
    ),
    edit(
        "input_gate_on_prev_cell",
        "Swaps the roles of the gates in the cell update: next_c = i * prev_c + f * g.",
        ("    next_c = f * prev_c + i * g\n", "    next_c = i * prev_c + f * g\n"),
    ),
]
