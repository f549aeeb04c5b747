"""Correct tv_loss written differently from the reference (vectorised, as the course asks)."""

TARGET = "cs231n/style_transfer.py::tv_loss"


def weight_inside_each_sum(img, tv_weight):
    """The course's students' form: both sums weighted separately, ** 2 for the square."""
    import tensorflow as tf

    h = tv_weight * tf.reduce_sum((img[:, 1:, :, :] - img[:, :-1, :, :]) ** 2)
    w = tv_weight * tf.reduce_sum((img[:, :, 1:, :] - img[:, :, :-1, :]) ** 2)
    return h + w


def l2_loss_of_differences(img, tv_weight):
    """tf.nn.l2_loss (half the sum of squares) doubled, the differences with tf.experimental
    numpy's diff."""
    import tensorflow as tf

    tnp = tf.experimental.numpy
    return tv_weight * 2.0 * (tf.nn.l2_loss(tnp.diff(img, axis=1)) + tf.nn.l2_loss(tnp.diff(img, axis=2)))


EQUIVALENTS = [weight_inside_each_sum, l2_loss_of_differences]
