"""Correct rnn_step_forward written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::rnn_step_forward"

REF = "next_h = np.tanh(x.dot(Wx) + prev_h.dot(Wh) + b)"

tanh_via_sigmoid = edit(
    "tanh_via_sigmoid",
    "tanh written as 2 * sigmoid(2a) - 1 (other rounding).",
    (REF, "a = x @ Wx + prev_h @ Wh + b\n    next_h = 2.0 / (1.0 + np.exp(-2.0 * a)) - 1.0"),
)

einsum_and_cache_of_inputs = edit(
    "einsum_and_cache_of_inputs",
    "np.einsum for the products, bias added first.",
    (
        REF,
        "next_h = np.tanh(b + np.einsum('nd,dh->nh', x, Wx, optimize=True) + np.einsum('nk,kh->nh', prev_h, Wh, optimize=True))",
    ),
)

EQUIVALENTS = [tanh_via_sigmoid, einsum_and_cache_of_inputs]
