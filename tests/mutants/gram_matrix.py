"""Plausible wrong versions of gram_matrix."""

from mutants import edit

TARGET = "cs231n/style_transfer.py::gram_matrix"

NORM = "gram = gram / tf.cast(H * W * C, features.dtype)"

MUTANTS = [
    edit("no_normalisation", "Never divides by H * W * C.", ("    if normalize:\n        " + NORM + "\n", "")),
    edit(
        "normalised_by_HW",
        "Divides by the number of positions H * W, not by H * W * C.",
        (NORM, "gram = gram / tf.cast(H * W, features.dtype)"),
    ),
    edit(
        "always_normalised",
        "Normalises even when normalize=False.",
        ("    if normalize:\n        " + NORM, "    " + NORM),
    ),
    edit(
        "positions_gram",
        "Multiplies F by its transpose the wrong way round: (H*W, H*W) instead of (C, C).",
        ("tf.matmul(F, F, transpose_a=True)", "tf.matmul(F, F, transpose_b=True)"),
    ),
]
