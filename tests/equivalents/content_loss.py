"""Correct content_loss written differently from the reference."""

TARGET = "cs231n/style_transfer.py::content_loss"


def squared_difference(content_weight, content_current, content_original):
    """tf.math.squared_difference summed, the weight multiplied last."""
    import tensorflow as tf

    return tf.reduce_sum(tf.math.squared_difference(content_current, content_original)) * content_weight


def norm_squared(content_weight, content_current, content_original):
    """The course's students' form: the squared Frobenius norm tf.norm(F - P) ** 2 (a
    square root and a square: other float32 rounding)."""
    import tensorflow as tf

    return content_weight * tf.norm(content_current - content_original) ** 2


EQUIVALENTS = [squared_difference, norm_squared]
