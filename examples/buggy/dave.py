"""Dave zipped his folder rather than its contents (accepted), returned dWx transposed
from rnn_step_backward (a wrong shape), and dropped the tanh derivative of the cell state
in lstm_step_backward."""


def rnn_step_backward(dnext_h, cache):
    x, prev_h, Wx, Wh, next_h = cache
    da = dnext_h * (1 - next_h ** 2)
    dx = da.dot(Wx.T)
    dprev_h = da.dot(Wh.T)
    dWx = da.T.dot(x)
    dWh = prev_h.T.dot(da)
    db = da.sum(axis=0)
    return dx, dprev_h, dWx, dWh, db


def lstm_step_backward(dnext_h, dnext_c, cache):
    x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c = cache
    do = dnext_h * tanh_c
    dc = dnext_c + dnext_h * o
    di, df, dg = dc * g, dc * prev_c, dc * i
    dprev_c = dc * f
    da = np.hstack([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g ** 2)])
    dx, dprev_h = da.dot(Wx.T), da.dot(Wh.T)
    dWx, dWh, db = x.T.dot(da), prev_h.T.dot(da), da.sum(axis=0)
    return dx, dprev_h, dprev_c, dWx, dWh, db


REPLACE = {"cs231n/rnn_layers.py::rnn_step_backward": rnn_step_backward,
           "cs231n/rnn_layers.py::lstm_step_backward": lstm_step_backward}
ZIP = "wrapped"
