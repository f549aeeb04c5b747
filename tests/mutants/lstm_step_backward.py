"""Plausible wrong versions of lstm_step_backward (cache = (x, prev_h, prev_c, Wx, Wh,
i, f, o, g, tanh_c) from the reference forward)."""

TARGET = "cs231n/rnn_layers.py::lstm_step_backward"


def missing_tanh_c_derivative(dnext_h, dnext_c, cache):
    """Forgets the tanh of next_c in next_h's derivative: dc = dnext_c + dnext_h * o."""
    import numpy as np
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_c + dnext_h * o
    da = np.concatenate((dc * g * i * (1 - i), dc * prev_c * f * (1 - f),
                         do * o * (1 - o), dc * i * (1 - g ** 2)), axis=1)
    return da.dot(Wx.T), da.dot(Wh.T), dc * f, x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def ignores_dnext_c(dnext_h, dnext_c, cache):
    """Ignores the upstream cell gradient dnext_c (only dnext_h flows into the cell)."""
    import numpy as np
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_h * o * (1 - tanh_c ** 2)
    da = np.concatenate((dc * g * i * (1 - i), dc * prev_c * f * (1 - f),
                         do * o * (1 - o), dc * i * (1 - g ** 2)), axis=1)
    return da.dot(Wx.T), da.dot(Wh.T), dc * f, x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def dprev_c_without_forget_gate(dnext_h, dnext_c, cache):
    """Returns dprev_c = dc, forgetting to multiply by the forget gate f."""
    import numpy as np
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_c + dnext_h * o * (1 - tanh_c ** 2)
    da = np.concatenate((dc * g * i * (1 - i), dc * prev_c * f * (1 - f),
                         do * o * (1 - o), dc * i * (1 - g ** 2)), axis=1)
    return da.dot(Wx.T), da.dot(Wh.T), dc, x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def gradient_order_ifgo(dnext_h, dnext_c, cache):
    """Concatenates the gate gradients in the order i, f, g, o (forward uses i, f, o, g)."""
    import numpy as np
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_c + dnext_h * o * (1 - tanh_c ** 2)
    da = np.concatenate((dc * g * i * (1 - i), dc * prev_c * f * (1 - f),
                         dc * i * (1 - g ** 2), do * o * (1 - o)), axis=1)
    return da.dot(Wx.T), da.dot(Wh.T), dc * f, x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


def sigmoid_derivative_for_g(dnext_h, dnext_c, cache):
    """Uses the sigmoid derivative g * (1 - g) for the tanh block input g."""
    import numpy as np
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_c + dnext_h * o * (1 - tanh_c ** 2)
    da = np.concatenate((dc * g * i * (1 - i), dc * prev_c * f * (1 - f),
                         do * o * (1 - o), dc * i * g * (1 - g)), axis=1)
    return da.dot(Wx.T), da.dot(Wh.T), dc * f, x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)


MUTANTS = [missing_tanh_c_derivative, ignores_dnext_c, dprev_c_without_forget_gate, gradient_order_ifgo,
           sigmoid_derivative_for_g]
