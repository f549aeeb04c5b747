"""Plausible wrong versions of rnn_step_forward (the tanh RNN step)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::rnn_step_forward"

ACTIVATION = "np.tanh(x.dot(Wx) + prev_h.dot(Wh) + b)"

MUTANTS = [
    edit(
        "no_tanh",
        "Forgets the tanh nonlinearity: next_h is the raw affine activation.",
        (ACTIVATION, "x.dot(Wx) + prev_h.dot(Wh) + b"),
    ),
    edit(
        "sigmoid_activation",
        "Uses a sigmoid instead of tanh as the RNN activation.",
        (ACTIVATION, "1.0 / (1.0 + np.exp(-(x.dot(Wx) + prev_h.dot(Wh) + b)))"),
    ),
    edit("no_bias", "Forgets to add the bias b.", (" + b)", ")")),
    edit(
        "transposed_Wh",
        "Multiplies the hidden state by Wh.T (square, so the shapes still fit).",
        ("prev_h.dot(Wh)", "prev_h.dot(Wh.T)"),
    ),
]
