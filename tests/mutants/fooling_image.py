"""Plausible wrong versions of make_fooling_image."""

from mutants import edit

TARGET = "cs231n/net_visualization.py::make_fooling_image"

STEP = "learning_rate * g / tf.norm(g)"

MUTANTS = [
    edit("returns_input", "Returns the input image unchanged.", ("X_fooling = X_var.numpy()", "X_fooling = X")),
    edit(
        "squared_norm",
        "Normalises the step by the squared norm of the gradient instead of the norm.",
        (STEP, "learning_rate * g / tf.norm(g) ** 2"),
    ),
    edit(
        "gradient_descent",
        "Steps down the target score (descent) instead of up.",
        ("X_var.assign_add(", "X_var.assign_sub("),
    ),
    edit(
        "never_stops",
        "Keeps stepping for all max_iter iterations instead of stopping once the model is fooled.",
        ("            break\n", "            pass\n"),
    ),
    edit(
        "unnormalised_step", "Steps by learning_rate * g without normalising the gradient.", (STEP, "learning_rate * g")
    ),
]
