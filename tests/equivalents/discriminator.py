"""Correct discriminator written differently from the reference."""

TARGET = "cs231n/gan.py::discriminator"


def functional_api():
    """The Keras functional API, LeakyReLU as tf.nn.leaky_relu inside each Dense."""
    import tensorflow as tf

    def act(x):
        return tf.nn.leaky_relu(x, alpha=0.01)

    inputs = tf.keras.Input(shape=(784,))
    h = tf.keras.layers.Dense(256, activation=act)(inputs)
    h = tf.keras.layers.Dense(256, activation=act)(h)
    return tf.keras.Model(inputs, tf.keras.layers.Dense(1)(h))


def sequential_add_input_shape():
    """The course's students' form: Sequential built with add(), the input size given to
    the first Dense, LeakyReLU layers with alpha=0.01."""
    import tensorflow as tf

    model = tf.keras.models.Sequential()
    model.add(tf.keras.layers.Dense(256, input_shape=(784,), use_bias=True))
    model.add(tf.keras.layers.LeakyReLU(0.01))
    model.add(tf.keras.layers.Dense(256))
    model.add(tf.keras.layers.LeakyReLU(0.01))
    model.add(tf.keras.layers.Dense(1))
    return model


EQUIVALENTS = [functional_api, sequential_add_input_shape]
