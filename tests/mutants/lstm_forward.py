"""Plausible wrong versions of lstm_forward (initial cell state zero; cache = list of
step caches as the reference backward expects)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::lstm_forward"

MUTANTS = [
    edit(
        "initial_cell_is_h0",
        "Starts the cell state from h0 instead of zeros.",
        ("prev_c = np.zeros_like(h0)", "prev_c = h0.copy()"),
    ),
    edit(
        "cell_state_not_carried",
        "Passes a zero cell state to every step instead of carrying next_c forward.",
        ("prev_h, prev_c, Wx, Wh, b)", "prev_h, np.zeros_like(h0), Wx, Wh, b)"),
    ),
    edit(
        "returns_cell_states",
        "Stores the cell states next_c in h instead of the hidden states next_h.",
        ("h[:, t, :] = prev_h", "h[:, t, :] = prev_c"),
    ),
    edit(
        "h0_every_step",
        "Feeds h0 as the hidden state to every step (the cell state is carried).",
        ("x[:, t, :], prev_h, prev_c", "x[:, t, :], h0, prev_c"),
    ),
]
