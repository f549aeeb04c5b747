"""Correct rnn_step_backward written differently from the reference."""

# ruff: noqa: F821  (names of the submission's module)
import numpy as np

from equivalents import together

TARGET = "cs231n/rnn_layers.py::rnn_step_backward"
FORWARD = "cs231n/rnn_layers.py::rnn_step_forward"
BACKWARD = "cs231n/rnn_layers.py::rnn_backward"


def _course_forward(x, prev_h, Wx, Wh, b):
    """A course student's step: ``@`` products, the cache ordered (next_h, x, prev_h, Wx, Wh)."""
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    cache = (next_h, x, prev_h, Wx, Wh)
    return next_h, cache


def _course_backward(dnext_h, cache):
    """The matching backward: ``np.square`` for tanh's derivative, ``@`` products."""
    next_h, x, prev_h, Wx, Wh = cache
    dz = dnext_h * (1 - np.square(next_h))
    dx = dz @ Wx.T
    dprev_h = dz @ Wh.T
    dWx = x.T @ dz
    dWh = prev_h.T @ dz
    db = dz.sum(axis=0)
    return dx, dprev_h, dWx, dWh, db


def _course_rnn_backward(dh, cache):
    """rnn_backward reading the shapes from that cache layout (Wx is its entry 3)."""
    (N, T, H), (D, _) = dh.shape, cache[0][3].shape
    dx = np.empty((N, T, D))
    dh0 = np.zeros((N, H))
    dWx, dWh, db = np.zeros((D, H)), np.zeros((H, H)), np.zeros(H)
    for t in range(T - 1, -1, -1):
        dx[:, t], dh0, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dh0, cache[t])
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
    return dx, dh0, dWx, dWh, db


course_cache_order = together(
    "course_cache_order",
    "A course student's cache layout, np.square and @ (the step forward and backward, "
    "and rnn_backward reading that layout, replaced together).",
    {FORWARD: _course_forward, TARGET: _course_backward, BACKWARD: _course_rnn_backward},
)


def _preactivation_forward(x, prev_h, Wx, Wh, b):
    """Keeps the pre-activation in the cache instead of tanh's output."""
    a = x.dot(Wx) + prev_h.dot(Wh) + b
    next_h = np.tanh(a)
    cache = (x, prev_h, Wx, Wh, a)
    return next_h, cache


def _preactivation_backward(dnext_h, cache):
    """tanh'(a) = 1 / cosh(a)**2 from the cached pre-activation (other rounding)."""
    x, prev_h, Wx, Wh, a = cache
    da = dnext_h / np.cosh(a) ** 2
    dx = np.einsum('nh,dh->nd', da, Wx, optimize=True)
    dprev_h = np.einsum('nh,kh->nk', da, Wh, optimize=True)
    dWx = np.einsum('nd,nh->dh', x, da, optimize=True)
    dWh = np.einsum('nk,nh->kh', prev_h, da, optimize=True)
    db = np.einsum('nh->h', da)
    return dx, dprev_h, dWx, dWh, db


derivative_from_preactivation = together(
    "derivative_from_preactivation",
    "tanh' as 1/cosh(a)^2 of the cached pre-activation, einsum products.",
    {FORWARD: _preactivation_forward, TARGET: _preactivation_backward},
)

EQUIVALENTS = [course_cache_order, derivative_from_preactivation]
