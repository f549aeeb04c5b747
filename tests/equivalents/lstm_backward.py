"""Correct lstm_backward written differently from the reference."""

from equivalents import solution

TARGET = "cs231n/rnn_layers.py::lstm_backward"

course_loop = solution(
    "course_loop",
    "A course student's form: range(T-1, -1, -1), dh0 and dc0 carried, shapes from the cache.",
    """\
    (N, T, H), (D, H4) = dh.shape, cache[0][3].shape
    dx = np.empty((N, T, D))
    dh0 = np.zeros((N, H))
    dc0 = np.zeros((N, H))
    dWx = np.zeros((D, H4))
    dWh = np.zeros((H, H4))
    db = np.zeros(H4)
    for t in range(T-1, -1, -1):
        dx_t, dh0, dc0, dWx_t, dWh_t, db_t = lstm_step_backward(dh0 + dh[:, t], dc0, cache[t])
        dx[:, t] = dx_t
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
""",
)

summed_at_the_end = solution(
    "summed_at_the_end",
    "Keeps every step's weight gradients and sums them at the end (another order of additions).",
    """\
    T = dh.shape[1]
    dxs, dWxs, dWhs, dbs = [None] * T, [], [], []
    dprev_h = np.zeros_like(dh[:, 0])
    dprev_c = np.zeros_like(dh[:, 0])
    for t in range(T - 1, -1, -1):
        dxs[t], dprev_h, dprev_c, dWx_t, dWh_t, db_t = lstm_step_backward(dh[:, t] + dprev_h, dprev_c, cache[t])
        dWxs.append(dWx_t)
        dWhs.append(dWh_t)
        dbs.append(db_t)
    dx = np.stack(dxs, axis=1)
    dWx, dWh, db = sum(dWxs), sum(dWhs), sum(dbs)
    dh0 = dprev_h
""",
)

EQUIVALENTS = [course_loop, summed_at_the_end]
