"""Plausible wrong versions of discriminator_loss and generator_loss."""

from mutants import edit

TARGET = "cs231n/gan.py::discriminator_loss"
G_TARGET = "cs231n/gan.py::generator_loss"

D_LOSS = "loss = tf.reduce_mean(loss_real) + tf.reduce_mean(loss_fake)"

MUTANTS = [
    edit(
        "log_of_sigmoid",
        "Writes the cross-entropy as -log(sigmoid(real)) - log(1 - sigmoid(fake)): log(0) = -inf for large logits.",
        (
            D_LOSS,
            "loss = -tf.reduce_mean(tf.math.log(tf.sigmoid(logits_real))) "
            "- tf.reduce_mean(tf.math.log(1 - tf.sigmoid(logits_fake)))",
        ),
    ),
    edit(
        "sum_not_mean",
        "Sums over the minibatch instead of averaging.",
        (D_LOSS, "loss = tf.reduce_sum(loss_real) + tf.reduce_sum(loss_fake)"),
    ),
    edit(
        "saturating_generator_loss",
        "Generator minimises log(1 - D(G(z))) (the saturating loss): -cross-entropy against label 0.",
        ("loss = tf.reduce_mean(", "loss = -tf.reduce_mean("),
        ("labels=tf.ones_like(logits_fake)", "labels=tf.zeros_like(logits_fake)"),
        target=G_TARGET,
    ),
]
