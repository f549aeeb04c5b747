"""Correct sample_noise written differently from the reference."""

TARGET = "cs231n/gan.py::sample_noise"


def scaled_unit_uniform(batch_size, dim):
    """2 * U[0, 1) - 1 with a tuple shape."""
    import tensorflow as tf

    return 2 * tf.random.uniform((batch_size, dim)) - 1


def positional_bounds(batch_size, dim):
    """tf.random.uniform with positional minval, maxval (the course's students' form)."""
    import tensorflow as tf

    return tf.random.uniform([batch_size, dim], -1, 1)


EQUIVALENTS = [scaled_unit_uniform, positional_bounds]
