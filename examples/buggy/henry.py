"""Henry's GAN losses (Part 5) take the log of a sigmoid, as the formulas read: right for
moderate logits (the public case passes), but inf or NaN once the discriminator is confident
(logits of magnitude 50 and more: the hidden case)."""


def discriminator_loss(logits_real, logits_fake):
    d_real = tf.sigmoid(logits_real)
    d_fake = tf.sigmoid(logits_fake)
    return -tf.reduce_mean(tf.math.log(d_real)) - tf.reduce_mean(tf.math.log(1 - d_fake))


def generator_loss(logits_fake):
    return -tf.reduce_mean(tf.math.log(tf.sigmoid(logits_fake)))


REPLACE = {"cs231n/gan.py::discriminator_loss": discriminator_loss,
           "cs231n/gan.py::generator_loss": generator_loss}
