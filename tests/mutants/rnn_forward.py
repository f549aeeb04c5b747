"""Plausible wrong versions of rnn_forward (the RNN over a whole sequence)."""

TARGET = "cs231n/rnn_layers.py::rnn_forward"


def h0_every_step(x, h0, Wx, Wh, b):
    """Feeds h0 to every step instead of the previous step's hidden state."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    for t in range(T):
        next_h, step_cache = rnn_step_forward(x[:, t, :], h0, Wx, Wh, b)
        h[:, t, :] = next_h
        cache.append(step_cache)
    return h, cache


def ignores_h0(x, h0, Wx, Wh, b):
    """Starts from a zero hidden state instead of h0."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_h = np.zeros_like(h0)
    for t in range(T):
        prev_h, step_cache = rnn_step_forward(x[:, t, :], prev_h, Wx, Wh, b)
        h[:, t, :] = prev_h
        cache.append(step_cache)
    return h, cache


def stores_previous_state(x, h0, Wx, Wh, b):
    """Stores the hidden state *before* the step (h[:, 0] = h0, last state lost)."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_h = h0
    for t in range(T):
        h[:, t, :] = prev_h
        prev_h, step_cache = rnn_step_forward(x[:, t, :], prev_h, Wx, Wh, b)
        cache.append(step_cache)
    return h, cache


def wrong_time_slice(x, h0, Wx, Wh, b):
    """Reshapes x to (T, N, D) instead of slicing x[:, t, :] (mixes sequences and time)."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    xs = x.reshape(T, N, D)
    h = np.zeros((N, T, H))
    cache = []
    prev_h = h0
    for t in range(T):
        prev_h, step_cache = rnn_step_forward(xs[t], prev_h, Wx, Wh, b)
        h[:, t, :] = prev_h
        cache.append(step_cache)
    return h, cache


MUTANTS = [h0_every_step, ignores_h0, stores_previous_state, wrong_time_slice]
