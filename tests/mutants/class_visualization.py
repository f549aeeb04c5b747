"""Plausible wrong versions of class_visualization_update_step."""

from mutants import edit

TARGET = "cs231n/net_visualization.py::class_visualization_update_step"

MUTANTS = [
    edit(
        "no_l2_term", "Forgets the L2 penalty: ascends the class score alone.", (" - l2_reg * tf.reduce_sum(X * X)", "")
    ),
    edit(
        "squared_norm",
        "Divides the step by the squared norm of the gradient (neither the course's step nor the normalised one).",
        ("X = X + learning_rate * g", "X = X + learning_rate * g / tf.norm(g) ** 2"),
    ),
    edit(
        "half_penalty",
        "Uses tf.nn.l2_loss (sum of squares / 2): half the penalty the objective asks for.",
        ("tf.reduce_sum(X * X)", "tf.nn.l2_loss(X)"),
    ),
    edit(
        "norm_not_squared",
        "Penalises the L2 norm, not its square (tf.norm(X)): the ascent on the score is right, "
        "so it keeps the l2_reg = 0 case and loses those with the penalty.",
        ("tf.reduce_sum(X * X)", "tf.norm(X)"),
    ),
    edit(
        "penalty_sign",
        "Adds the L2 penalty to the score instead of subtracting it.",
        ("[0, target_y] - l2_reg", "[0, target_y] + l2_reg"),
    ),
    edit(
        "gradient_descent",
        "Steps down the objective instead of up.",
        ("X = X + learning_rate", "X = X - learning_rate"),
    ),
    edit(
        "returns_the_step",
        "Returns the step learning_rate * g instead of the updated image.",
        ("X = X + learning_rate * g", "X = learning_rate * g"),
    ),
]
