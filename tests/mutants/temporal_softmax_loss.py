"""Plausible wrong versions of temporal_softmax_loss (given code): masking and scaling."""

from mutants import edit

TARGET = "cs231n/rnn_layers.py::temporal_softmax_loss"

MASK_DX = "    dx_flat *= mask_flat[:, None]\n"

MUTANTS = [
    edit(
        "ignores_mask",
        "Ignores the mask: <NULL> targets count in the loss and the gradient.",
        ("mask_flat * np.log", "np.log"),
        (MASK_DX, ""),
    ),
    edit("mask_only_in_loss", "Masks the loss but forgets to mask the gradient dx.", (MASK_DX, "")),
    edit(
        "averages_over_time",
        "Averages over time steps too (divides by N*T instead of N).",
        (") / N\n", ") / (N * T)\n"),
        ("dx_flat /= N\n", "dx_flat /= N * T\n"),
    ),
    edit(
        "dx_not_averaged", "Divides the loss by N but forgets to divide the gradient by N.", ("    dx_flat /= N\n", "")
    ),
    edit(
        "averages_over_unmasked",
        "Divides by the number of unmasked targets instead of the minibatch size N.",
        ("    probs = np.exp", "    count = max(int(mask_flat.sum()), 1)\n    probs = np.exp"),
        (") / N\n", ") / count\n"),
        ("dx_flat /= N\n", "dx_flat /= count\n"),
    ),
    edit(
        "no_max_subtraction",
        "Exponentiates the raw scores without subtracting the row max (overflows for large scores).",
        ("np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))", "np.exp(x_flat)"),
    ),
]
