"""Plausible wrong versions of word_embedding_forward (cache = (x, W.shape) is what the
reference backward expects)."""

TARGET = "cs231n/rnn_layers.py::word_embedding_forward"


def one_based_indices(x, W):
    """Treats word indices as 1-based: looks up W[x - 1]."""
    import numpy as np
    return W[x - 1], (x, W.shape)


def integer_output(x, W):
    """Allocates the output like x (integer dtype), so the word vectors are truncated."""
    import numpy as np
    N, T = x.shape
    out = np.zeros((N, T, W.shape[1]), dtype=x.dtype)
    for n in range(N):
        for t in range(T):
            out[n, t] = W[x[n, t]]
    return out, (x, W.shape)


def time_major_reshape(x, W):
    """Looks up W[x.T] and reshapes (T, N, D) to (N, T, D) instead of transposing."""
    import numpy as np
    N, T = x.shape
    return W[x.T].reshape(N, T, W.shape[1]), (x, W.shape)


MUTANTS = [one_based_indices, integer_output, time_major_reshape]
