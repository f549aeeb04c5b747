"""Correct gram_matrix written differently from the reference."""

TARGET = "cs231n/style_transfer.py::gram_matrix"


def static_shape_transpose(features, normalize=True):
    """The course's students' form: H, W, C from the static shape (Python ints),
    tf.transpose(F) @ F, divided by a Python int."""
    import tensorflow as tf

    _, H, W, C = features.shape
    F = tf.reshape(features, (-1, C))
    gram = tf.matmul(tf.transpose(F), F)
    if normalize:
        gram /= H * W * C
    return gram


def einsum_float32(features, normalize=True):
    """tf.einsum over the image axes with no reshape; the normaliser applied to the
    features (each factor divided by sqrt(H*W*C)) before the product."""
    import tensorflow as tf

    shape = tf.shape(features)
    n = tf.cast(shape[1] * shape[2] * shape[3], features.dtype)
    F = features / tf.sqrt(n) if normalize else features
    return tf.einsum('nhwc,nhwd->cd', F, F)


EQUIVALENTS = [static_shape_transpose, einsum_float32]
