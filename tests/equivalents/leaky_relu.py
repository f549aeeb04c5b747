"""Correct leaky_relu written differently from the reference."""

TARGET = "cs231n/gan.py::leaky_relu"


def tf_nn_leaky_relu(x, alpha=0.01):
    """TensorFlow's own op, tf.nn.leaky_relu."""
    import tensorflow as tf

    return tf.nn.leaky_relu(x, alpha=alpha)


def where_and_multiply(x, alpha=0.01):
    """tf.where on the sign; the negative part as alpha * x."""
    import tensorflow as tf

    return tf.where(x > 0, x, alpha * x)


def relu_sum(x, alpha=0.01):
    """The course's students' arithmetic: relu(x) - alpha * relu(-x)."""
    import tensorflow as tf

    return tf.nn.relu(x) - alpha * tf.nn.relu(-x)


EQUIVALENTS = [tf_nn_leaky_relu, where_and_multiply, relu_sum]
