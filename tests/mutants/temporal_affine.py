"""Plausible wrong versions of temporal_affine_forward/backward (given code; cache = (x, w, b, out))."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::temporal_affine_backward"

MUTANTS = [
    edit(
        "dw_transposed",
        "Forgets the final transpose of dw: returns dout^T x of shape (M, D).",
        ("x.reshape(N * T, D)).T", "x.reshape(N * T, D))"),
    ),
    edit(
        "db_over_batch_only",
        "Sums db over the minibatch axis only, not over time.",
        ("dout.sum(axis=(0, 1))", "dout.sum(axis=0)"),
    ),
    edit(
        "dw_averaged",
        "Divides dw and db by N*T (averages over vectors) as if the loss were a mean.",
        ("x.reshape(N * T, D)).T", "x.reshape(N * T, D)).T / (N * T)"),
        ("dout.sum(axis=(0, 1))", "dout.sum(axis=(0, 1)) / (N * T)"),
    ),
    edit(
        "dx_through_output",
        "Scales dx by the layer's output, as if it had an activation.",
        ("dx = dout.reshape", "dx = (dout * out).reshape"),
    ),
    edit(
        "forward_without_bias",
        "Forgets the bias in the forward pass.",
        (".reshape(N, T, M) + b", ".reshape(N, T, M)"),
        target="cs231n/rnn_layers.py::temporal_affine_forward",
    ),
]
