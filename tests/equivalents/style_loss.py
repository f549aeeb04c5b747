"""Correct style_loss written differently from the reference."""

TARGET = "cs231n/style_transfer.py::style_loss"


def zip_and_python_sum(feats, style_layers, style_targets, style_weights):
    """A Python sum over zip(...) of the layers, targets and weights, starting from 0."""
    import tensorflow as tf

    loss = 0
    for layer, target, weight in zip(style_layers, style_targets, style_weights):
        loss += weight * tf.reduce_sum((gram_matrix(feats[layer]) - target) ** 2)
    return loss


def add_n_of_norms(feats, style_layers, style_targets, style_weights):
    """tf.add_n of a list comprehension, each term a squared tf.norm."""
    import tensorflow as tf

    terms = [
        style_weights[i] * tf.norm(gram_matrix(feats[l]) - style_targets[i]) ** 2 for i, l in enumerate(style_layers)
    ]
    return tf.add_n(terms)


def one_element_tensor(feats, style_layers, style_targets, style_weights):
    """Accumulates into tf.zeros(1): the loss comes back as a tensor of shape (1,) holding
    the right value, which the course's check (rel_error on .numpy()) accepted."""
    import tensorflow as tf

    loss = tf.zeros(1)
    for i, layer in enumerate(style_layers):
        loss += style_weights[i] * tf.reduce_sum(tf.square(gram_matrix(feats[layer]) - style_targets[i]))
    return loss


EQUIVALENTS = [zip_and_python_sum, add_n_of_norms, one_element_tensor]
