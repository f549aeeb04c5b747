"""Plausible wrong versions of generator(noise_dim)."""

from mutants import edit

TARGET = "cs231n/gan.py::generator"

MUTANTS = [
    edit(
        "sigmoid_output",
        "A sigmoid output: images in [0, 1] instead of tanh's [-1, 1].",
        ("Dense(784, activation='tanh')", "Dense(784, activation='sigmoid')"),
    ),
    edit(
        "leaky_hidden",
        "LeakyReLU instead of ReLU in the hidden layers (copied from the discriminator).",
        (
            "        tf.keras.layers.Dense(1024, activation='relu'),\n        tf.keras.layers.Dense(1024, activation='relu'),\n",
            "        tf.keras.layers.Dense(1024),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),\n"
            "        tf.keras.layers.Dense(1024),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),\n",
        ),
    ),
    edit(
        "fixed_noise_dim",
        "Ignores noise_dim: builds the input for the default NOISE_DIM (96).",
        ("tf.keras.Input(shape=(noise_dim,))", "tf.keras.Input(shape=(NOISE_DIM,))"),
    ),
]
