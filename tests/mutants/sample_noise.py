"""Plausible wrong versions of sample_noise."""

from mutants import edit

TARGET = "cs231n/gan.py::sample_noise"

RETURN = "return tf.random.uniform([batch_size, dim], minval=-1, maxval=1)"

MUTANTS = [
    edit(
        "zero_to_one",
        "Uniform noise in [0, 1] (tf.random.uniform's default range).",
        (RETURN, "return tf.random.uniform([batch_size, dim])"),
    ),
    edit(
        "gaussian",
        "Standard normal noise instead of uniform in [-1, 1].",
        (RETURN, "return tf.random.normal([batch_size, dim])"),
    ),
    edit(
        "same_noise_every_call",
        "Sets a seed inside the function: every call returns the same noise.",
        (RETURN, "tf.random.set_seed(231)\n    " + RETURN),
    ),
]
