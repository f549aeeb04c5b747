"""Correct get_solvers written differently from the reference."""

TARGET = "cs231n/gan.py::get_solvers"


def positional_arguments(learning_rate=1e-3, beta1=0.5):
    """tf.keras.optimizers.Adam(learning_rate, beta1) positionally, both from a helper."""
    import tensorflow as tf

    def adam():
        return tf.keras.optimizers.Adam(learning_rate, beta1)

    return adam(), adam()


def tf_optimizers_explicit(learning_rate=1e-3, beta1=0.5):
    """tf.optimizers.Adam with every default spelled out (beta_2 0.999, epsilon 1e-7)."""
    import tensorflow as tf

    D_solver = tf.optimizers.Adam(learning_rate=learning_rate, beta_1=beta1, beta_2=0.999, epsilon=1e-7)
    G_solver = tf.optimizers.Adam(learning_rate=learning_rate, beta_1=beta1, beta_2=0.999, epsilon=1e-7)
    return D_solver, G_solver


EQUIVALENTS = [positional_arguments, tf_optimizers_explicit]
