"""Plausible wrong versions of lstm_step_forward (gate order i, f, o, g; cache =
(x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c) as the reference backward expects)."""

TARGET = "cs231n/rnn_layers.py::lstm_step_forward"


def gate_order_ifgo(x, prev_h, prev_c, Wx, Wh, b):
    """Splits the activations in the order i, f, g, o (the PyTorch-style order) instead of i, f, o, g."""
    import numpy as np
    H = prev_h.shape[1]
    a = x.dot(Wx) + prev_h.dot(Wh) + b
    i = sigmoid(a[:, 0:H])
    f = sigmoid(a[:, H:2 * H])
    g = np.tanh(a[:, 2 * H:3 * H])
    o = sigmoid(a[:, 3 * H:4 * H])
    next_c = f * prev_c + i * g
    tanh_c = np.tanh(next_c)
    next_h = o * tanh_c
    return next_h, next_c, (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)


def sigmoid_block_input(x, prev_h, prev_c, Wx, Wh, b):
    """Applies a sigmoid to the block input g instead of tanh."""
    import numpy as np
    H = prev_h.shape[1]
    a = x.dot(Wx) + prev_h.dot(Wh) + b
    i, f, o, g = sigmoid(a[:, 0:H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
    next_c = f * prev_c + i * g
    tanh_c = np.tanh(next_c)
    next_h = o * tanh_c
    return next_h, next_c, (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)


def no_tanh_on_cell(x, prev_h, prev_c, Wx, Wh, b):
    """Computes next_h = o * next_c, forgetting the tanh of the cell state."""
    import numpy as np
    H = prev_h.shape[1]
    a = x.dot(Wx) + prev_h.dot(Wh) + b
    i, f, o = sigmoid(a[:, 0:H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H])
    g = np.tanh(a[:, 3 * H:])
    next_c = f * prev_c + i * g
    next_h = o * next_c
    return next_h, next_c, (x, prev_h, prev_c, Wx, Wh, i, f, o, g, np.tanh(next_c))


def input_gate_on_prev_cell(x, prev_h, prev_c, Wx, Wh, b):
    """Swaps the roles of the gates in the cell update: next_c = i * prev_c + f * g."""
    import numpy as np
    H = prev_h.shape[1]
    a = x.dot(Wx) + prev_h.dot(Wh) + b
    i, f, o = sigmoid(a[:, 0:H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H])
    g = np.tanh(a[:, 3 * H:])
    next_c = i * prev_c + f * g
    tanh_c = np.tanh(next_c)
    next_h = o * tanh_c
    return next_h, next_c, (x, prev_h, prev_c, Wx, Wh, i, f, o, g, tanh_c)


MUTANTS = [gate_order_ifgo, sigmoid_block_input, no_tanh_on_cell, input_gate_on_prev_cell]
