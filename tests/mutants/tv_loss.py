"""Plausible wrong versions of tv_loss, including a correct but looped one."""

from mutants import edit

TARGET = "cs231n/style_transfer.py::tv_loss"

DOWN = "down = tf.reduce_sum(tf.square(img[:, 1:, :, :] - img[:, :-1, :, :]))"
RIGHT = "right = tf.reduce_sum(tf.square(img[:, :, 1:, :] - img[:, :, :-1, :]))"


def looped(img, tv_weight):
    """Right value, but a Python loop over the rows: not vectorized."""
    import tensorflow as tf

    H = img.shape[1]
    down = 0.0
    for i in range(H - 1):
        down += tf.reduce_sum(tf.square(img[:, i + 1, :, :] - img[:, i, :, :]))
    right = tf.reduce_sum(tf.square(img[:, :, 1:, :] - img[:, :, :-1, :]))
    return tv_weight * (down + right)


def comprehension(img, tv_weight):
    """Right value, with a generator expression over the two directions (still a loop)."""
    import tensorflow as tf

    diffs = [img[:, 1:, :, :] - img[:, :-1, :, :], img[:, :, 1:, :] - img[:, :, :-1, :]]
    return tv_weight * sum(tf.reduce_sum(tf.square(d)) for d in diffs)


MUTANTS = [
    edit(
        "each_pair_twice",
        "Counts each pair of neighbours twice (both directions of the difference).",
        ("loss = tv_weight * (down + right)", "loss = tv_weight * 2 * (down + right)"),
    ),
    edit(
        "only_vertical",
        "Forgets the horizontal neighbours.",
        ("loss = tv_weight * (down + right)", "loss = tv_weight * down"),
    ),
    edit(
        "wraps_around",
        "Uses tf.roll, so the last row and column are compared with the first.",
        (DOWN, "down = tf.reduce_sum(tf.square(tf.roll(img, 1, axis=1) - img))"),
        (RIGHT, "right = tf.reduce_sum(tf.square(tf.roll(img, 1, axis=2) - img))"),
    ),
    looped,
    comprehension,
]
