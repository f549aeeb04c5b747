"""Plausible wrong versions of temporal_softmax_loss (given code): masking and scaling."""

TARGET = "cs231n/rnn_layers.py::temporal_softmax_loss"


def ignores_mask(x, y, mask, verbose=False):
    """Ignores the mask: <NULL> targets count in the loss and the gradient."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat = x.reshape(N * T, V), y.reshape(N * T)
    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(N * T), y_flat])) / N
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat /= N
    return loss, dx_flat.reshape(N, T, V)


def mask_only_in_loss(x, y, mask, verbose=False):
    """Masks the loss but forgets to mask the gradient dx."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat /= N
    return loss, dx_flat.reshape(N, T, V)


def averages_over_time(x, y, mask, verbose=False):
    """Averages over time steps too (divides by N*T instead of N)."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / (N * T)
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat /= N * T
    dx_flat *= mask_flat[:, None]
    return loss, dx_flat.reshape(N, T, V)


def dx_not_averaged(x, y, mask, verbose=False):
    """Divides the loss by N but forgets to divide the gradient by N."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat *= mask_flat[:, None]
    return loss, dx_flat.reshape(N, T, V)


def averages_over_unmasked(x, y, mask, verbose=False):
    """Divides by the number of unmasked targets instead of the minibatch size N."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    count = max(int(mask_flat.sum()), 1)
    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / count
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat /= count
    dx_flat *= mask_flat[:, None]
    return loss, dx_flat.reshape(N, T, V)



def no_max_subtraction(x, y, mask, verbose=False):
    """Exponentiates the raw scores without subtracting the row max (overflows for large scores)."""
    import numpy as np
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = np.exp(x_flat)
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N
    dx_flat = probs.copy()
    dx_flat[np.arange(N * T), y_flat] -= 1
    dx_flat /= N
    dx_flat *= mask_flat[:, None]
    return loss, dx_flat.reshape(N, T, V)


MUTANTS = [ignores_mask, mask_only_in_loss, averages_over_time, dx_not_averaged, averages_over_unmasked,
           no_max_subtraction]
