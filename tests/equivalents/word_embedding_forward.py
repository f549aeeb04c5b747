"""Correct word_embedding_forward written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_forward"

take = edit("take", "np.take(W, x, axis=0) instead of W[x].", ("out = W[x]", "out = np.take(W, x, axis=0)"))

flat_then_reshape = edit(
    "flat_then_reshape",
    "Indexes with the flattened words and reshapes to (N, T, D).",
    ("out = W[x]", "out = W[x.reshape(-1)].reshape(x.shape[0], x.shape[1], W.shape[1])"),
)

EQUIVALENTS = [take, flat_then_reshape]
