"""Correct generator written differently from the reference."""

TARGET = "cs231n/gan.py::generator"


def activation_layers(noise_dim=96):
    """Dense layers without activations, followed by ReLU and tanh layers (the course's
    students' form)."""
    import tensorflow as tf

    return tf.keras.models.Sequential(
        [
            tf.keras.layers.InputLayer(shape=(noise_dim,)),
            tf.keras.layers.Dense(1024),
            tf.keras.layers.ReLU(),
            tf.keras.layers.Dense(1024),
            tf.keras.layers.ReLU(),
            tf.keras.layers.Dense(784),
            tf.keras.layers.Activation(tf.nn.tanh),
        ]
    )


def functional_tf_nn(noise_dim=96):
    """The functional API with tf.nn.relu and tf.tanh as activations."""
    import tensorflow as tf

    z = tf.keras.Input(shape=(noise_dim,))
    h = tf.keras.layers.Dense(1024, activation=tf.nn.relu)(z)
    h = tf.keras.layers.Dense(1024, activation=tf.nn.relu)(h)
    return tf.keras.Model(z, tf.keras.layers.Dense(784, activation=tf.tanh)(h))


EQUIVALENTS = [activation_layers, functional_tf_nn]
