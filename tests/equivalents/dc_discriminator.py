"""Correct dc_discriminator written differently from the reference."""

TARGET = "cs231n/gan.py::dc_discriminator"


def course_sequential_with_activation_args():
    """The course's students' form: InputLayer and Reshape, the LeakyReLU passed as each
    layer's activation (tf.nn.leaky_relu with alpha 0.01), MaxPool2D of (2, 2)."""
    import tensorflow as tf

    def lrelu(x):
        return tf.nn.leaky_relu(x, alpha=0.01)

    return tf.keras.models.Sequential(
        [
            tf.keras.layers.InputLayer(shape=(784,)),
            tf.keras.layers.Reshape((28, 28, 1)),
            tf.keras.layers.Conv2D(32, (5, 5), activation=lrelu),
            tf.keras.layers.MaxPool2D((2, 2)),
            tf.keras.layers.Conv2D(64, (5, 5), activation=lrelu),
            tf.keras.layers.MaxPool2D((2, 2)),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(1024, activation=lrelu),
            tf.keras.layers.Dense(1),
        ]
    )


def functional_tf_nn_pooling():
    """The functional API; pooling with tf.nn.max_pool2d and the reshape with tf.reshape in
    Lambda layers, LeakyReLU layers."""
    import tensorflow as tf

    x = tf.keras.Input(shape=(784,))
    h = tf.keras.layers.Lambda(lambda t: tf.reshape(t, (-1, 28, 28, 1)))(x)
    for filters in (32, 64):
        h = tf.keras.layers.Conv2D(filters, 5, padding='valid')(h)
        h = tf.keras.layers.LeakyReLU(negative_slope=0.01)(h)
        h = tf.keras.layers.Lambda(lambda t: tf.nn.max_pool2d(t, 2, 2, 'VALID'))(h)
    h = tf.keras.layers.Flatten()(h)
    h = tf.keras.layers.LeakyReLU(negative_slope=0.01)(tf.keras.layers.Dense(1024)(h))
    return tf.keras.Model(x, tf.keras.layers.Dense(1)(h))


EQUIVALENTS = [course_sequential_with_activation_args, functional_tf_nn_pooling]
