"""Plausible wrong versions of get_solvers."""

from mutants import edit

TARGET = "cs231n/gan.py::get_solvers"

D = "D_solver = tf.keras.optimizers.Adam(learning_rate=learning_rate, beta_1=beta1)"
G = "G_solver = tf.keras.optimizers.Adam(learning_rate=learning_rate, beta_1=beta1)"

MUTANTS = [
    edit(
        "default_beta1",
        "Forgets beta1: Adam's default beta_1 is 0.9.",
        (D, "D_solver = tf.keras.optimizers.Adam(learning_rate=learning_rate)"),
        (G, "G_solver = tf.keras.optimizers.Adam(learning_rate=learning_rate)"),
    ),
    edit("one_shared_solver", "Returns the same optimizer for both networks.", (G, "G_solver = D_solver")),
    edit(
        "hard_coded",
        "Ignores the arguments: always learning rate 1e-3 and beta1 0.5.",
        (D, "D_solver = tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.5)"),
        (G, "G_solver = tf.keras.optimizers.Adam(learning_rate=1e-3, beta_1=0.5)"),
    ),
]
