"""Plausible wrong versions of discriminator()."""

from mutants import edit

TARGET = "cs231n/gan.py::discriminator"

LEAKY = "tf.keras.layers.LeakyReLU(negative_slope=0.01),\n"

MUTANTS = [
    edit(
        "relu",
        "ReLU activations instead of LeakyReLU(0.01).",
        (
            "        " + LEAKY + "        tf.keras.layers.Dense(256),\n        " + LEAKY,
            "        tf.keras.layers.ReLU(),\n        tf.keras.layers.Dense(256),\n        tf.keras.layers.ReLU(),\n",
        ),
    ),
    edit(
        "hidden_128",
        "Hidden layers of 128 units instead of 256.",
        (
            "Dense(256),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),\n        tf.keras.layers.Dense(256)",
            "Dense(128),\n        tf.keras.layers.LeakyReLU(negative_slope=0.01),\n        tf.keras.layers.Dense(128)",
        ),
    ),
    edit(
        "sigmoid_output",
        "Ends with a sigmoid: returns probabilities, not the logits the losses expect.",
        ("tf.keras.layers.Dense(1),", "tf.keras.layers.Dense(1, activation='sigmoid'),"),
    ),
]
