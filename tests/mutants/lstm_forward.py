"""Plausible wrong versions of lstm_forward (initial cell state zero; cache = list of
step caches as the reference backward expects)."""

TARGET = "cs231n/rnn_layers.py::lstm_forward"


def initial_cell_is_h0(x, h0, Wx, Wh, b):
    """Starts the cell state from h0 instead of zeros."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_h, prev_c = h0, h0.copy()
    for t in range(T):
        prev_h, prev_c, step_cache = lstm_step_forward(x[:, t, :], prev_h, prev_c, Wx, Wh, b)
        h[:, t, :] = prev_h
        cache.append(step_cache)
    return h, cache


def cell_state_not_carried(x, h0, Wx, Wh, b):
    """Passes a zero cell state to every step instead of carrying next_c forward."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_h = h0
    for t in range(T):
        prev_h, _, step_cache = lstm_step_forward(x[:, t, :], prev_h, np.zeros_like(h0), Wx, Wh, b)
        h[:, t, :] = prev_h
        cache.append(step_cache)
    return h, cache


def returns_cell_states(x, h0, Wx, Wh, b):
    """Stores the cell states next_c in h instead of the hidden states next_h."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_h, prev_c = h0, np.zeros_like(h0)
    for t in range(T):
        prev_h, prev_c, step_cache = lstm_step_forward(x[:, t, :], prev_h, prev_c, Wx, Wh, b)
        h[:, t, :] = prev_c
        cache.append(step_cache)
    return h, cache


def h0_every_step(x, h0, Wx, Wh, b):
    """Feeds h0 as the hidden state to every step (the cell state is carried)."""
    import numpy as np
    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H))
    cache = []
    prev_c = np.zeros_like(h0)
    for t in range(T):
        next_h, prev_c, step_cache = lstm_step_forward(x[:, t, :], h0, prev_c, Wx, Wh, b)
        h[:, t, :] = next_h
        cache.append(step_cache)
    return h, cache


MUTANTS = [initial_cell_is_h0, cell_state_not_carried, returns_cell_states, h0_every_step]
