"""Correct dc_generator written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/gan.py::dc_generator"

images_not_flattened = edit(
    "images_not_flattened",
    "Returns images of shape (N, 28, 28, 1): the course's architecture ends with the "
    "transposed convolution (its training loop reshaped to 784).",
    ("        tf.keras.layers.Reshape((784,)),\n", ""),
)


def functional_activation_layers(noise_dim=96):
    """The functional API, ReLU and tanh as separate layers after each layer without an
    activation, the reshapes with tf.reshape in Lambda layers."""
    import tensorflow as tf

    z = tf.keras.Input(shape=(noise_dim,))
    h = tf.keras.layers.BatchNormalization()(tf.keras.layers.ReLU()(tf.keras.layers.Dense(1024)(z)))
    h = tf.keras.layers.BatchNormalization()(tf.keras.layers.ReLU()(tf.keras.layers.Dense(7 * 7 * 128)(h)))
    h = tf.keras.layers.Lambda(lambda t: tf.reshape(t, (-1, 7, 7, 128)))(h)
    h = tf.keras.layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding='same')(h)
    h = tf.keras.layers.BatchNormalization()(tf.keras.layers.ReLU()(h))
    h = tf.keras.layers.Conv2DTranspose(1, (4, 4), strides=(2, 2), padding='same')(h)
    out = tf.keras.layers.Lambda(lambda t: tf.reshape(tf.tanh(t), (-1, 784)))(h)
    return tf.keras.Model(z, out)


EQUIVALENTS = [images_not_flattened, functional_activation_layers]
