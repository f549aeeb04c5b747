"""Plausible wrong versions of rnn_forward (the RNN over a whole sequence)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::rnn_forward"

STEP = "        prev_h, step_cache = rnn_step_forward(x[:, t, :], prev_h, Wx, Wh, b)\n"

MUTANTS = [
    edit(
        "h0_every_step",
        "Feeds h0 to every step instead of the previous step's hidden state.",
        ("x[:, t, :], prev_h,", "x[:, t, :], h0,"),
    ),
    edit("ignores_h0", "Starts from a zero hidden state instead of h0.", ("prev_h = h0", "prev_h = np.zeros_like(h0)")),
    edit(
        "stores_previous_state",
        "Stores the hidden state *before* the step (h[:, 0] = h0, last state lost).",
        (STEP + "        h[:, t, :] = prev_h\n", "        h[:, t, :] = prev_h\n" + STEP),
    ),
    edit(
        "wrong_time_slice",
        "Reshapes x to (T, N, D) instead of slicing x[:, t, :] (mixes sequences and time).",
        ("x[:, t, :]", "x.reshape(T, N, D)[t]"),
    ),
]
