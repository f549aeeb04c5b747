"""Correct word_embedding_forward written differently from the reference."""
from equivalents import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_forward"

take = edit(
    "take", "np.take(W, x, axis=0) instead of W[x].",
    ("out = W[x]", "out = np.take(W, x, axis=0)"))

one_hot_product = edit(
    "one_hot_product", "One-hot rows times W (np.eye(V)[x] @ W).",
    ("out = W[x]", "out = np.eye(W.shape[0], dtype=W.dtype)[x] @ W"))

EQUIVALENTS = [take, one_hot_product]
