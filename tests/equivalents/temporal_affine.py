"""Correct temporal_affine_backward (given code) written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::temporal_affine_backward"

einsum = edit(
    "einsum",
    "np.einsum for dx and dw instead of reshapes and dot.",
    (
        "    dx = dout.reshape(N * T, M).dot(w.T).reshape(N, T, D)\n"
        "    dw = dout.reshape(N * T, M).T.dot(x.reshape(N * T, D)).T\n",
        "    dx = np.einsum('ntm,dm->ntd', dout, w, optimize=True)\n"
        "    dw = np.einsum('ntd,ntm->dm', x, dout, optimize=True)\n",
    ),
)

EQUIVALENTS = [einsum]
