"""Correct lstm_forward written differently from the reference."""

from equivalents import solution

TARGET = "cs231n/rnn_layers.py::lstm_forward"

list_then_stack = solution(
    "list_then_stack",
    "A course student's form: lists from h0, np.stack(hs[1:], axis=1).",
    """\
    c, hs, cache = np.zeros_like(h0), [h0], []
    for t in range(x.shape[1]):
        h, c, cache_t = lstm_step_forward(x[:, t], hs[-1], c, Wx, Wh, b)
        hs.append(h)
        cache.append(cache_t)
    h = np.stack(hs[1:], axis=1)
""",
)

time_major_loop = solution(
    "time_major_loop",
    "Loops over x.transpose(1, 0, 2) into a time-major np.empty array, transposed back.",
    """\
    hs = np.empty((x.shape[1],) + h0.shape)
    cache = []
    prev_h, prev_c = h0, 0 * h0
    for t, x_t in enumerate(x.transpose(1, 0, 2)):
        prev_h, prev_c, step_cache = lstm_step_forward(x_t, prev_h, prev_c, Wx, Wh, b)
        hs[t] = prev_h
        cache.append(step_cache)
    h = hs.transpose(1, 0, 2)
""",
)

EQUIVALENTS = [list_then_stack, time_major_loop]
