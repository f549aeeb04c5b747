"""Plausible wrong versions of dc_generator(noise_dim)."""

from mutants import edit

TARGET = "cs231n/gan.py::dc_generator"

MUTANTS = [
    edit(
        "wrong_reshape",
        "Reshapes the 7*7*128 features to (14, 14, 32) and then upsamples once with stride 1: "
        "the shapes still end at 28x28, but not the reference's network.",
        ("tf.keras.layers.Reshape((7, 7, 128)),", "tf.keras.layers.Reshape((14, 14, 32)),"),
        ("Conv2DTranspose(64, 4, strides=2,", "Conv2DTranspose(64, 4, strides=1,"),
    ),
    edit(
        "no_batchnorm_between_deconvs",
        "Forgets the batch normalization between the transposed convolutions.",
        (
            "activation='relu'),\n        tf.keras.layers.BatchNormalization(),\n        tf.keras.layers.Conv2DTranspose(1",
            "activation='relu'),\n        tf.keras.layers.Conv2DTranspose(1",
        ),
    ),
    edit(
        "sigmoid_output",
        "A sigmoid output instead of tanh.",
        ("padding='same', activation='tanh')", "padding='same', activation='sigmoid')"),
    ),
]
