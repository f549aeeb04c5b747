"""Plausible wrong versions of word_embedding_backward (cache = (x, W_shape)): repeated
words must add up."""

TARGET = "cs231n/rnn_layers.py::word_embedding_backward"


def fancy_index_add(dout, cache):
    """dW[x] += dout: fancy-index assignment keeps only the last occurrence of a word."""
    import numpy as np
    x, W_shape = cache
    dW = np.zeros(W_shape)
    dW[x] += dout
    return dW


def per_timestep_fancy_add(dout, cache):
    """Loops over time with dW[x[:, t]] += dout[:, t]: repeats within a time step are lost."""
    import numpy as np
    x, W_shape = cache
    dW = np.zeros(W_shape)
    for t in range(x.shape[1]):
        dW[x[:, t]] += dout[:, t]
    return dW


def assigns_instead_of_adds(dout, cache):
    """Loops over every word but assigns dW[x[n, t]] = dout[n, t] instead of adding."""
    import numpy as np
    x, W_shape = cache
    dW = np.zeros(W_shape)
    N, T = x.shape
    for n in range(N):
        for t in range(T):
            dW[x[n, t]] = dout[n, t]
    return dW


def per_caption_fancy_add(dout, cache):
    """Loops over captions with dW[x[n]] += dout[n]: repeats inside one caption are lost."""
    import numpy as np
    x, W_shape = cache
    dW = np.zeros(W_shape)
    for n in range(x.shape[0]):
        dW[x[n]] += dout[n]
    return dW


MUTANTS = [fancy_index_add, per_timestep_fancy_add, assigns_instead_of_adds, per_caption_fancy_add]
