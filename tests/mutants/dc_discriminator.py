"""Plausible wrong versions of dc_discriminator()."""

from mutants import edit

TARGET = "cs231n/gan.py::dc_discriminator"

MUTANTS = [
    edit(
        "same_padding",
        "Uses 'same' padding: 7x7x64 after the pools, so the FC layer is larger.",
        ("Conv2D(32, 5, strides=1, padding='valid')", "Conv2D(32, 5, strides=1, padding='same')"),
        ("Conv2D(64, 5, strides=1, padding='valid')", "Conv2D(64, 5, strides=1, padding='same')"),
    ),
    edit(
        "relu",
        "ReLU instead of LeakyReLU(0.01) after the convolutions.",
        (
            "Conv2D(32, 5, strides=1, padding='valid'),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),",
            "Conv2D(32, 5, strides=1, padding='valid'),\n        tf.keras.layers.ReLU(),",
        ),
        (
            "Conv2D(64, 5, strides=1, padding='valid'),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),",
            "Conv2D(64, 5, strides=1, padding='valid'),\n        tf.keras.layers.ReLU(),",
        ),
    ),
    edit(
        "average_pooling",
        "Average pooling instead of max pooling (same sizes, other values).",
        (
            "        tf.keras.layers.MaxPool2D(pool_size=2, strides=2),\n        tf.keras.layers.Conv2D(64",
            "        tf.keras.layers.AveragePooling2D(pool_size=2, strides=2),\n        tf.keras.layers.Conv2D(64",
        ),
    ),
]
