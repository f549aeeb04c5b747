"""Correct discriminator_loss / generator_loss written differently from the reference."""

from equivalents import together

TARGET = "cs231n/gan.py::discriminator_loss"
G = "cs231n/gan.py::generator_loss"


def bce_d(logits_real, logits_fake):
    """Keras's BinaryCrossentropy(from_logits=True) (the course's students' most common form)."""
    import tensorflow as tf

    bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    return bce(tf.ones_like(logits_real), logits_real) + bce(tf.zeros_like(logits_fake), logits_fake)


def bce_g(logits_fake):
    """Keras's BinaryCrossentropy(from_logits=True) against ones."""
    import tensorflow as tf

    bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    return bce(tf.ones_like(logits_fake), logits_fake)


def stable_d(logits_real, logits_fake):
    """A hand-written stable cross-entropy: max(x, 0) - x * z + log(1 + exp(-|x|))."""
    import tensorflow as tf

    def ce(x, z):
        return tf.maximum(x, 0) - x * z + tf.math.log1p(tf.exp(-tf.abs(x)))

    return tf.reduce_mean(ce(logits_real, 1.0)) + tf.reduce_mean(ce(logits_fake, 0.0))


def softplus_g(logits_fake):
    """-log(sigmoid(x)) = softplus(-x), stable."""
    import tensorflow as tf

    return tf.reduce_mean(tf.nn.softplus(-logits_fake))


def one_batch_shape_d(logits_real, logits_fake):
    """Both label tensors from the fake batch (`tf.ones_like(logits_fake)` labels the real
    logits): right for the equal batches of shape (N, 1) the docstring gives."""
    import tensorflow as tf

    ones, zeros = tf.ones_like(logits_fake), tf.zeros_like(logits_fake)
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=ones, logits=logits_real)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=zeros, logits=logits_fake)
    return tf.reduce_mean(real) + tf.reduce_mean(fake)


keras_bce = together(
    "keras_bce", "tf.keras.losses.BinaryCrossentropy(from_logits=True) for both losses.", {TARGET: bce_d, G: bce_g}
)
hand_written_stable = together(
    "hand_written_stable",
    "A hand-written stable form: max(x,0) - xz + log1p(exp(-|x|)) and softplus(-x).",
    {TARGET: stable_d, G: softplus_g},
)

EQUIVALENTS = [keras_bce, hand_written_stable, one_batch_shape_d]
