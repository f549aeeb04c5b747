"""Correct word_embedding_backward written differently from the reference."""
from equivalents import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_backward"

ADD_AT = "    np.add.at(dW, x, dout)\n"

python_loop = edit(
    "python_loop", "A loop over the minibatch and time instead of np.add.at.",
    (ADD_AT, """    N, T = x.shape
    for n in range(N):
        for t in range(T):
            dW[x[n, t]] += dout[n, t]
"""))

one_hot_product = edit(
    "one_hot_product", "One-hot matrix transposed times dout (other order of additions).",
    (ADD_AT, """    V, D = W_shape
    one_hot = np.eye(V)[x.reshape(-1)]
    dW = one_hot.T @ dout.reshape(-1, D)
"""))

EQUIVALENTS = [python_loop, one_hot_product]
