"""Plausible wrong versions of rnn_step_backward (cache = (x, prev_h, Wx, Wh, next_h))."""

TARGET = "cs231n/rnn_layers.py::rnn_step_backward"


def missing_tanh_derivative(dnext_h, cache):
    """Forgets the tanh derivative: back-propagates dnext_h straight into the affine part."""
    import numpy as np
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h
    return da.dot(Wx.T), da.dot(Wh.T), x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def derivative_not_squared(dnext_h, cache):
    """Uses 1 - tanh instead of 1 - tanh**2 as the local derivative."""
    import numpy as np
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1 - next_h)
    return da.dot(Wx.T), da.dot(Wh.T), x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def dprev_h_untransposed(dnext_h, cache):
    """dprev_h = da.dot(Wh) instead of da.dot(Wh.T) (square Wh hides the shape error)."""
    import numpy as np
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1 - next_h ** 2)
    return da.dot(Wx.T), da.dot(Wh), x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def dWh_uses_next_h(dnext_h, cache):
    """Computes dWh from next_h instead of prev_h."""
    import numpy as np
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1 - next_h ** 2)
    return da.dot(Wx.T), da.dot(Wh.T), x.T.dot(da), next_h.T.dot(da), da.sum(axis=0)


def db_mean(dnext_h, cache):
    """Averages db over the minibatch instead of summing it."""
    import numpy as np
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1 - next_h ** 2)
    return da.dot(Wx.T), da.dot(Wh.T), x.T.dot(da), prev_h.T.dot(da), da.mean(axis=0)


MUTANTS = [missing_tanh_derivative, derivative_not_squared, dprev_h_untransposed, dWh_uses_next_h, db_mean]
