"""Plausible wrong versions of train_step."""

from mutants import edit

TARGET = "cs231n/gan.py::train_step"

MUTANTS = [
    edit(
        "no_preprocessing",
        "Feeds the real images in [0, 1] to the discriminator (forgets preprocess_img).",
        ("logits_real = D(preprocess_img(real_images), training=True)", "logits_real = D(real_images, training=True)"),
    ),
    edit(
        "generator_not_trained",
        "Never applies the generator's gradients.",
        ("    G_solver.apply_gradients(zip(g_gradients, G.trainable_variables))\n", ""),
    ),
    edit(
        "generator_step_first",
        "Updates the generator before the discriminator.",
        (
            "    with tf.GradientTape() as tape:\n        logits_real",
            "    with tf.GradientTape() as tape:\n        g_loss = generator_loss(D(G(noise, training=True), training=True))\n"
            "    G_solver.apply_gradients(zip(tape.gradient(g_loss, G.trainable_variables), G.trainable_variables))\n"
            "    with tf.GradientTape() as tape:\n        logits_real",
        ),
        (
            "    with tf.GradientTape() as tape:\n        fake_images = G(noise, training=True)\n"
            "        logits_fake = D(fake_images, training=True)\n        g_loss = generator_loss(logits_fake)\n"
            "    g_gradients = tape.gradient(g_loss, G.trainable_variables)\n"
            "    G_solver.apply_gradients(zip(g_gradients, G.trainable_variables))\n",
            "",
        ),
    ),
]
