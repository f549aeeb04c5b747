"""Plausible wrong versions of ls_discriminator_loss and ls_generator_loss."""

from mutants import edit

TARGET = "cs231n/gan.py::ls_discriminator_loss"
G_TARGET = "cs231n/gan.py::ls_generator_loss"

D_LOSS = "loss = 0.5 * tf.reduce_mean(tf.square(scores_real - 1)) + 0.5 * tf.reduce_mean(tf.square(scores_fake))"

MUTANTS = [
    edit(
        "no_half",
        "Forgets the factors 1/2.",
        (D_LOSS, "loss = tf.reduce_mean(tf.square(scores_real - 1)) + tf.reduce_mean(tf.square(scores_fake))"),
    ),
    edit(
        "swapped_targets",
        "Pulls the real scores to 0 and the fake ones to 1.",
        (
            D_LOSS,
            "loss = 0.5 * tf.reduce_mean(tf.square(scores_real)) + 0.5 * tf.reduce_mean(tf.square(scores_fake - 1))",
        ),
    ),
    edit(
        "generator_target_zero",
        "Generator pulls its scores to 0 instead of 1.",
        (
            "loss = 0.5 * tf.reduce_mean(tf.square(scores_fake - 1))",
            "loss = 0.5 * tf.reduce_mean(tf.square(scores_fake))",
        ),
        target=G_TARGET,
    ),
]
