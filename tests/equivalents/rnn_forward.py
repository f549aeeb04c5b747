"""Correct rnn_forward written differently from the reference."""
from equivalents import edit

TARGET = "cs231n/rnn_layers.py::rnn_forward"

LOOP = """    N, T, D = x.shape
    H = h0.shape[1]
    h = np.zeros((N, T, H), dtype=np.result_type(x, h0, Wx, Wh, b))
    cache = []
    prev_h = h0
    for t in range(T):
        prev_h, step_cache = rnn_step_forward(x[:, t, :], prev_h, Wx, Wh, b)
        h[:, t, :] = prev_h
        cache.append(step_cache)
"""

list_then_stack = edit(
    "list_then_stack", "A course student's form: a list of hidden states from h0, np.stack(h[1:], axis=1).",
    (LOOP, """    cache = []
    h = [h0]
    for t in range(x.shape[1]):
        next_h, cache_t = rnn_step_forward(x[:, t], h[t], Wx, Wh, b)
        h.append(next_h)
        cache.append(cache_t)
    h = np.stack(h[1:], axis=1)
"""))

time_major_loop = edit(
    "time_major_loop", "Loops over x.transpose(1, 0, 2) into an np.empty time-major array, transposed back.",
    (LOOP, """    hs = np.empty((x.shape[1], h0.shape[0], h0.shape[1]))
    cache = []
    prev_h = h0
    for t, x_t in enumerate(x.transpose(1, 0, 2)):
        prev_h, step_cache = rnn_step_forward(x_t, prev_h, Wx, Wh, b)
        hs[t] = prev_h
        cache.append(step_cache)
    h = hs.transpose(1, 0, 2)
"""))

EQUIVALENTS = [list_then_stack, time_major_loop]
