"""Correct ls_discriminator_loss / ls_generator_loss written differently from the reference."""

from equivalents import together

TARGET = "cs231n/gan.py::ls_discriminator_loss"
G = "cs231n/gan.py::ls_generator_loss"


def power_d(scores_real, scores_fake):
    """The course's students' form: ** 2 and the halves inside."""
    import tensorflow as tf

    return tf.reduce_mean(0.5 * (scores_real - 1) ** 2) + tf.reduce_mean(0.5 * scores_fake**2)


def power_g(scores_fake):
    """** 2, the half inside the mean."""
    import tensorflow as tf

    return tf.reduce_mean(0.5 * (scores_fake - 1) ** 2)


def mse_d(scores_real, scores_fake):
    """Keras's MeanSquaredError against ones and zeros, halved."""
    import tensorflow as tf

    mse = tf.keras.losses.MeanSquaredError()
    return 0.5 * (mse(tf.ones_like(scores_real), scores_real) + mse(tf.zeros_like(scores_fake), scores_fake))


def squared_difference_g(scores_fake):
    """tf.math.squared_difference with 1, the mean halved."""
    import tensorflow as tf

    return tf.reduce_mean(tf.math.squared_difference(scores_fake, 1.0)) / 2


def ones_of_n_d(scores_real, scores_fake):
    """`scores_real - tf.ones(N)` (float32, shape (N,), broadcast against (N, 1)): right for
    the float32 scores the course's discriminator produced."""
    import tensorflow as tf

    N = scores_real.shape[0]
    return 0.5 * tf.reduce_mean((scores_real - tf.ones(N)) ** 2) + 0.5 * tf.reduce_mean(scores_fake**2)


def ones_of_n_g(scores_fake):
    """`scores_fake - tf.ones(N)`, float32."""
    import tensorflow as tf

    N = scores_fake.shape[0]
    return 0.5 * tf.reduce_mean(tf.square(scores_fake - tf.ones(N)))


power_forms = together("power_forms", "** 2 with the halves inside the means.", {TARGET: power_d, G: power_g})
keras_mse = together(
    "keras_mse",
    "tf.keras.losses.MeanSquaredError for D, tf.math.squared_difference for G.",
    {TARGET: mse_d, G: squared_difference_g},
)

float32_ones = together(
    "float32_ones",
    "Subtracts tf.ones(N) (float32): the course's discriminator gave float32 scores.",
    {TARGET: ones_of_n_d, G: ones_of_n_g},
)

EQUIVALENTS = [power_forms, keras_mse, float32_ones]
