"""Plausible wrong versions of rnn_step_forward (the tanh RNN step)."""

TARGET = "cs231n/rnn_layers.py::rnn_step_forward"


def no_tanh(x, prev_h, Wx, Wh, b):
    """Forgets the tanh nonlinearity: next_h is the raw affine activation."""
    import numpy as np
    next_h = x.dot(Wx) + prev_h.dot(Wh) + b
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def sigmoid_activation(x, prev_h, Wx, Wh, b):
    """Uses a sigmoid instead of tanh as the RNN activation."""
    import numpy as np
    next_h = 1.0 / (1.0 + np.exp(-(x.dot(Wx) + prev_h.dot(Wh) + b)))
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def no_bias(x, prev_h, Wx, Wh, b):
    """Forgets to add the bias b."""
    import numpy as np
    next_h = np.tanh(x.dot(Wx) + prev_h.dot(Wh))
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


def transposed_Wh(x, prev_h, Wx, Wh, b):
    """Multiplies the hidden state by Wh.T (square, so the shapes still fit)."""
    import numpy as np
    next_h = np.tanh(x.dot(Wx) + prev_h.dot(Wh.T) + b)
    cache = (x, prev_h, Wx, Wh, next_h)
    return next_h, cache


MUTANTS = [no_tanh, sigmoid_activation, no_bias, transposed_Wh]
