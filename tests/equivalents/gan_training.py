"""Correct train_step written differently from the reference."""

TARGET = "cs231n/gan.py::train_step"


def course_loop_body(D, G, D_solver, G_solver, real_images, noise, discriminator_loss, generator_loss):
    """The course's run_a_gan body: gradients taken and applied inside each tape's block,
    the fake images reshaped to (N, 784) before D, the networks called without training=."""
    import tensorflow as tf

    batch_size = real_images.shape[0]
    with tf.GradientTape() as tape:
        logits_real = D(preprocess_img(real_images))
        fake_images = G(noise)
        logits_fake = D(tf.reshape(fake_images, [batch_size, 784]))
        d_total_error = discriminator_loss(logits_real, logits_fake)
        d_gradients = tape.gradient(d_total_error, D.trainable_variables)
        D_solver.apply_gradients(zip(d_gradients, D.trainable_variables))
    with tf.GradientTape() as tape:
        fake_images = G(noise)
        gen_logits_fake = D(tf.reshape(fake_images, [batch_size, 784]))
        g_error = generator_loss(gen_logits_fake)
        g_gradients = tape.gradient(g_error, G.trainable_variables)
        G_solver.apply_gradients(zip(g_gradients, G.trainable_variables))
    return d_total_error, g_error


def fakes_before_the_tape(D, G, D_solver, G_solver, real_images, noise, discriminator_loss, generator_loss):
    """The D step's fake images made before its tape (D's gradient does not go through G),
    the real images preprocessed by hand (2x - 1), gradients paired in lists."""
    import tensorflow as tf

    fake = G(noise, training=True)
    with tf.GradientTape() as d_tape:
        d_loss = discriminator_loss(D(2.0 * real_images - 1.0, training=True), D(fake, training=True))
    D_solver.apply_gradients(list(zip(d_tape.gradient(d_loss, D.trainable_variables), D.trainable_variables)))
    with tf.GradientTape() as g_tape:
        g_loss = generator_loss(D(G(noise, training=True), training=True))
    G_solver.apply_gradients(list(zip(g_tape.gradient(g_loss, G.trainable_variables), G.trainable_variables)))
    return d_loss, g_loss


EQUIVALENTS = [course_loop_body, fakes_before_the_tape]
