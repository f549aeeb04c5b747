"""Plausible wrong versions of word_embedding_forward (cache = (x, W.shape) is what the
reference backward expects)."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_forward"

MUTANTS = [
    edit("one_based_indices", "Treats word indices as 1-based: looks up W[x - 1].", ("out = W[x]", "out = W[x - 1]")),
    edit(
        "integer_output",
        "Allocates the output like x (integer dtype), so the word vectors are truncated.",
        ("out = W[x]", "out = np.zeros(x.shape + (W.shape[1],), dtype=x.dtype)\n    out[...] = W[x]"),
    ),
    edit(
        "time_major_reshape",
        "Looks up W[x.T] and reshapes (T, N, D) to (N, T, D) instead of transposing.",
        ("out = W[x]", "N, T = x.shape\n    out = W[x.T].reshape(N, T, W.shape[1])"),
    ),
]
