"""Correct rnn_backward written differently from the reference."""

from equivalents import solution

TARGET = "cs231n/rnn_layers.py::rnn_backward"

course_loop = solution(
    "course_loop",
    "A course student's form: range(T-1, -1, -1), dh0 carried, shapes from the cache, np.empty.",
    """\
    (N, T, H), (D, _) = dh.shape, cache[0][2].shape
    dx = np.empty((N, T, D))
    dh0 = np.zeros((N, H))
    dWx = np.zeros((D, H))
    dWh = np.zeros((H, H))
    db = np.zeros(H)
    for t in range(T-1, -1, -1):
        dx_t, dh0, dWx_t, dWh_t, db_t = rnn_step_backward(dh0 + dh[:, t], cache[t])
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
    dxs, dWxs, dWhs, dbs = [], [], [], []
    dprev_h = np.zeros_like(dh[:, 0, :])
    for t in range(T - 1, -1, -1):
        dx_t, dprev_h, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t, :] + dprev_h, cache[t])
        dxs.insert(0, dx_t)
        dWxs.append(dWx_t)
        dWhs.append(dWh_t)
        dbs.append(db_t)
    dx = np.stack(dxs, axis=1)
    dWx, dWh, db = np.sum(dWxs, axis=0), np.sum(dWhs, axis=0), np.sum(dbs, axis=0)
    dh0 = dprev_h
""",
)

EQUIVALENTS = [course_loop, summed_at_the_end]
