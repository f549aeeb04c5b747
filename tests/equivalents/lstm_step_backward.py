"""Correct lstm_step_backward written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::lstm_step_backward"

CONCAT = """    da = np.concatenate((di * i * (1 - i),
                         df * f * (1 - f),
                         do * o * (1 - o),
                         dg * (1 - g ** 2)), axis=1)
"""

filled_slices = edit(
    "filled_slices",
    "Fills the slices of an np.empty da, factors in another order (other rounding).",
    (
        CONCAT,
        """    H = i.shape[1]
    da = np.empty((i.shape[0], 4 * H))
    da[:, :H] = i * (1 - i) * di
    da[:, H:2 * H] = f * (1 - f) * df
    da[:, 2 * H:3 * H] = o * (1 - o) * do
    da[:, 3 * H:] = (1 - g * g) * dg
""",
    ),
)

hstack_and_einsum = edit(
    "hstack_and_einsum",
    "np.hstack for da, tanh' as 1 - tanh_c * tanh_c, einsum for the weight gradients.",
    ("dc = dnext_c + dnext_h * o * (1 - tanh_c ** 2)", "dc = dnext_c + dnext_h * o * (1 - tanh_c * tanh_c)"),
    ("da = np.concatenate((", "da = np.hstack(("),
    ("dg * (1 - g ** 2)), axis=1)", "dg * (1 - g ** 2)))"),
    ("dWx = x.T.dot(da)", "dWx = np.einsum('nd,nk->dk', x, da, optimize=True)"),
    ("dWh = prev_h.T.dot(da)", "dWh = np.einsum('nh,nk->hk', prev_h, da, optimize=True)"),
)

EQUIVALENTS = [filled_slices, hstack_and_einsum]
