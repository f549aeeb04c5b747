"""Plausible wrong versions of leaky_relu."""

from mutants import edit

TARGET = "cs231n/gan.py::leaky_relu"

RETURN = "return tf.maximum(x, alpha * x)"

MUTANTS = [
    edit("relu", "Plain ReLU: the negative side is 0 instead of alpha * x.", (RETURN, "return tf.nn.relu(x)")),
    edit(
        "tf_default_alpha",
        "Calls tf.nn.leaky_relu without passing alpha (its default slope is 0.2).",
        (RETURN, "return tf.nn.leaky_relu(x)"),
    ),
    edit(
        "hard_coded_alpha",
        "Ignores the alpha argument and always uses 0.01.",
        (RETURN, "return tf.maximum(x, 0.01 * x)"),
    ),
]
