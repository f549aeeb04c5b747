"""Plausible wrong versions of content_loss."""

from mutants import edit

TARGET = "cs231n/style_transfer.py::content_loss"

SUM = "tf.reduce_sum(tf.square(content_current - content_original))"

MUTANTS = [
    edit(
        "mean_instead_of_sum",
        "Averages the squared differences instead of summing them.",
        (SUM, "tf.reduce_mean(tf.square(content_current - content_original))"),
    ),
    edit("no_weight", "Forgets to multiply by content_weight.", ("content_weight * " + SUM, SUM)),
    edit(
        "square_of_sum",
        "Squares the sum of the differences instead of summing the squares.",
        (SUM, "tf.square(tf.reduce_sum(content_current - content_original))"),
    ),
]
