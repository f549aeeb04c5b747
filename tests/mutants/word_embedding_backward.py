"""Plausible wrong versions of word_embedding_backward (cache = (x, W_shape)): repeated
words must add up."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_backward"

ADD_AT = "np.add.at(dW, x, dout)"

MUTANTS = [
    edit(
        "fancy_index_add",
        "dW[x] += dout: fancy-index assignment keeps only the last occurrence of a word.",
        (ADD_AT, "dW[x] += dout"),
    ),
    edit(
        "per_timestep_fancy_add",
        "Loops over time with dW[x[:, t]] += dout[:, t]: repeats within a time step are lost.",
        (ADD_AT, "for t in range(x.shape[1]):\n        dW[x[:, t]] += dout[:, t]"),
    ),
    edit(
        "assigns_instead_of_adds",
        "Loops over every word but assigns dW[x[n, t]] = dout[n, t] instead of adding.",
        (
            ADD_AT,
            "N, T = x.shape\n    for n in range(N):\n        for t in range(T):\n            dW[x[n, t]] = dout[n, t]",
        ),
    ),
    edit(
        "per_caption_fancy_add",
        "Loops over captions with dW[x[n]] += dout[n]: repeats inside one caption are lost.",
        (ADD_AT, "for n in range(x.shape[0]):\n        dW[x[n]] += dout[n]"),
    ),
]
