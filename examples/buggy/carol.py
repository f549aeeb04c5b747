"""Carol's model file does not parse (a missing parenthesis), and her rnn_backward never
ends (the loop counter is not decremented): the grader stops it at the time limit and
grades everything else."""


def rnn_backward(dh, cache):
    N, T, H = dh.shape
    D = cache[0][0].shape[1]
    dx = np.zeros((N, T, D))
    dprev = np.zeros((N, H))
    dWx, dWh, db = 0, 0, 0
    t = T - 1
    while t >= 0:
        dx[:, t], dprev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t] + dprev, cache[t])
        dWx, dWh, db = dWx + dWx_t, dWh + dWh_t, db + db_t
    return dx, dprev, dWx, dWh, db


REPLACE = {"cs231n/rnn_layers.py::rnn_backward": rnn_backward}
BREAK = {"cs231n/classifiers/rnn.py": ("self.params['W_proj'] /= np.sqrt(input_dim)",
                                       "self.params['W_proj'] /= np.sqrt(input_dim")}
