"""Correct compute_saliency_maps written differently from the reference."""

TARGET = "cs231n/net_visualization.py::compute_saliency_maps"


def gather_nd_on_a_variable(X, y, model):
    """The course's students' form: a tf.Variable watched by the tape, tf.gather_nd with
    (row, label) pairs, max over the last axis with tf.math; returns a numpy array."""
    import numpy as np
    import tensorflow as tf

    X_var = tf.Variable(X)
    with tf.GradientTape() as tape:
        tape.watch(X_var)
        scores = model(X_var)
        idx = tf.stack([tf.range(X.shape[0]), tf.cast(y, tf.int32)], axis=1)
        correct = tf.gather_nd(scores, idx)
    dX = tape.gradient(correct, X_var)
    return np.max(np.abs(dX.numpy()), axis=-1)


def one_hot_mask_returns_tensor(X, y, model):
    """Picks the correct scores with a one-hot mask summed over classes, and returns the
    map as a tf.Tensor (not numpy)."""
    import tensorflow as tf

    X = tf.constant(X)
    with tf.GradientTape() as tape:
        tape.watch(X)
        scores = model(X, training=False)
        loss = tf.reduce_sum(scores * tf.one_hot(y, scores.shape[1], dtype=scores.dtype))
    g = tape.gradient(loss, X)
    return tf.reduce_max(tf.abs(g), axis=3)


EQUIVALENTS = [gather_nd_on_a_variable, one_hot_mask_returns_tensor]
