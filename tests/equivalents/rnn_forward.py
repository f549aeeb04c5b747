"""Correct rnn_forward written differently from the reference."""

from equivalents import solution

TARGET = "cs231n/rnn_layers.py::rnn_forward"

list_then_stack = solution(
    "list_then_stack",
    "A course student's form: a list of hidden states from h0, np.stack(h[1:], axis=1).",
    """\
    cache = []
    h = [h0]
    for t in range(x.shape[1]):
        next_h, cache_t = rnn_step_forward(x[:, t], h[t], Wx, Wh, b)
        h.append(next_h)
        cache.append(cache_t)
    h = np.stack(h[1:], axis=1)
""",
)

time_major_loop = solution(
    "time_major_loop",
    "Loops over x.transpose(1, 0, 2) into an np.empty time-major array, transposed back.",
    """\
    hs = np.empty((x.shape[1], h0.shape[0], h0.shape[1]))
    cache = []
    prev_h = h0
    for t, x_t in enumerate(x.transpose(1, 0, 2)):
        prev_h, step_cache = rnn_step_forward(x_t, prev_h, Wx, Wh, b)
        hs[t] = prev_h
        cache.append(step_cache)
    h = hs.transpose(1, 0, 2)
""",
)

EQUIVALENTS = [list_then_stack, time_major_loop]
