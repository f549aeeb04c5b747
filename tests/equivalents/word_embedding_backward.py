"""Correct word_embedding_backward written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::word_embedding_backward"

ADD_AT = "    np.add.at(dW, x, dout)\n"

python_loop = edit(
    "python_loop",
    "A loop over the minibatch and time instead of np.add.at.",
    (
        ADD_AT,
        """    N, T = x.shape
    for n in range(N):
        for t in range(T):
            dW[x[n, t]] += dout[n, t]
""",
    ),
)

bincount = edit(
    "bincount",
    "np.bincount with weights, one embedding dimension at a time.",
    (
        ADD_AT,
        """    V, D = W_shape
    for d in range(D):
        dW[:, d] = np.bincount(x.ravel(), weights=dout[:, :, d].ravel(), minlength=V)
""",
    ),
)

EQUIVALENTS = [python_loop, bincount]
