"""Plausible wrong versions of temporal_affine_backward (given code; cache = (x, w, b, out))."""

TARGET = "cs231n/rnn_layers.py::temporal_affine_backward"


def dw_transposed(dout, cache):
    """Forgets the final transpose of dw: returns dout^T x of shape (M, D)."""
    import numpy as np
    x, w, b, out = cache
    N, T, D = x.shape
    M = b.shape[0]
    dx = dout.reshape(N * T, M).dot(w.T).reshape(N, T, D)
    dw = dout.reshape(N * T, M).T.dot(x.reshape(N * T, D))
    db = dout.sum(axis=(0, 1))
    return dx, dw, db


def db_over_batch_only(dout, cache):
    """Sums db over the minibatch axis only, not over time."""
    import numpy as np
    x, w, b, out = cache
    N, T, D = x.shape
    M = b.shape[0]
    dx = dout.reshape(N * T, M).dot(w.T).reshape(N, T, D)
    dw = dout.reshape(N * T, M).T.dot(x.reshape(N * T, D)).T
    db = dout.sum(axis=0)
    return dx, dw, db


def dw_averaged(dout, cache):
    """Divides dw and db by N*T (averages over vectors) as if the loss were a mean."""
    import numpy as np
    x, w, b, out = cache
    N, T, D = x.shape
    M = b.shape[0]
    dx = dout.reshape(N * T, M).dot(w.T).reshape(N, T, D)
    dw = dout.reshape(N * T, M).T.dot(x.reshape(N * T, D)).T / (N * T)
    db = dout.sum(axis=(0, 1)) / (N * T)
    return dx, dw, db


def dx_through_output(dout, cache):
    """Scales dx by the layer's output, as if it had an activation."""
    import numpy as np
    x, w, b, out = cache
    N, T, D = x.shape
    M = b.shape[0]
    dx = (dout * out).reshape(N * T, M).dot(w.T).reshape(N, T, D)
    dw = dout.reshape(N * T, M).T.dot(x.reshape(N * T, D)).T
    db = dout.sum(axis=(0, 1))
    return dx, dw, db


MUTANTS = [dw_transposed, db_over_batch_only, dw_averaged, dx_through_output]
