"""Generative adversarial networks in TensorFlow 2 (Keras layers, ``tf.GradientTape``).

Images are MNIST digits flattened to vectors of 784 pixels. The data loader
(``cs231n.mnist_data``) gives pixels in [0, 1]; the networks see them in [-1, 1]
(``preprocess_img``), and a generator's output is in [-1, 1] (tanh).

You fill in: ``leaky_relu``, ``sample_noise``, ``discriminator``, ``generator``,
``discriminator_loss``, ``generator_loss``, ``get_solvers``, ``train_step``,
``ls_discriminator_loss``, ``ls_generator_loss``, ``dc_discriminator``, ``dc_generator``
and, for extra credit, ``wgangp_loss``. ``run_a_gan`` (the training loop) is given.
"""
import numpy as np
import tensorflow as tf

NOISE_DIM = 96


def preprocess_img(x):
    """Pixels in [0, 1] -> [-1, 1] (what the discriminator sees)."""
    return 2 * x - 1.0


def deprocess_img(x):
    """[-1, 1] -> pixels in [0, 1] (for display)."""
    return (x + 1.0) / 2.0


def leaky_relu(x, alpha=0.01):
    """Compute the leaky ReLU activation function.

    Inputs:
    - x: TensorFlow Tensor with arbitrary shape
    - alpha: leak parameter for leaky ReLU

    Returns:
    TensorFlow Tensor with the same shape as x: x where x > 0, alpha * x elsewhere.
    """
    # TODO (leaky_relu): write your code here, in place of the raise below.
    raise NotImplementedError("leaky_relu is not implemented yet (fill in the TODO in cs231n/gan.py)")


def sample_noise(batch_size, dim):
    """Generate random uniform noise from -1 to 1.

    Inputs:
    - batch_size: integer giving the batch size of noise to generate
    - dim: integer giving the dimension of the noise to generate

    Returns:
    TensorFlow Tensor of shape (batch_size, dim), float32, uniform in [-1, 1], different
    on each call.
    """
    # TODO (sample_noise): write your code here, in place of the raise below.
    raise NotImplementedError("sample_noise is not implemented yet (fill in the TODO in cs231n/gan.py)")


def discriminator():
    """Compute discriminator score for a batch of input images.

    Architecture (a tf.keras.Sequential):
    - Fully connected layer with input size 784 and output size 256
    - LeakyReLU with alpha 0.01
    - Fully connected layer with output size 256
    - LeakyReLU with alpha 0.01
    - Fully connected layer with output size 1

    Returns:
    A Keras model that maps images of shape (N, 784) to logits of shape (N, 1)
    (267009 parameters).
    """
    # TODO (discriminator): write your code here, in place of the raise below.
    raise NotImplementedError("discriminator is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return model


def generator(noise_dim=NOISE_DIM):
    """Generate images from a random noise vector.

    Architecture (a tf.keras.Sequential):
    - Fully connected layer from noise_dim to 1024, ReLU
    - Fully connected layer with size 1024, ReLU
    - Fully connected layer with size 784, TanH (to restrict the output to [-1, 1])

    Inputs:
    - noise_dim: integer giving the dimension of the noise

    Returns:
    A Keras model that maps noise of shape (N, noise_dim) to images of shape (N, 784)
    (1858320 parameters for noise_dim 4).
    """
    # TODO (generator): write your code here, in place of the raise below.
    raise NotImplementedError("generator is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return model


def discriminator_loss(logits_real, logits_fake):
    """Compute the discriminator loss.

    The loss is the binary cross-entropy of the real images' logits against label 1 plus
    that of the fake images' logits against label 0, each averaged over its minibatch.
    Compute it from the logits in a numerically stable way (e.g. with
    tf.nn.sigmoid_cross_entropy_with_logits), never as the log of a sigmoid.

    Inputs:
    - logits_real: Tensor of shape (N, 1) giving scores for the real data.
    - logits_fake: Tensor of shape (N, 1) giving scores for the fake data.

    Returns:
    - loss: scalar Tensor containing the loss for the discriminator.
    """
    # TODO (gan_loss): write your code here, in place of the raise below.
    raise NotImplementedError("gan_loss: discriminator_loss is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return loss


def generator_loss(logits_fake):
    """Compute the generator loss: the binary cross-entropy of the fake images' logits
    against label 1 (the non-saturating loss, -log D(G(z))), averaged over the minibatch,
    computed stably from the logits.

    Inputs:
    - logits_fake: Tensor of shape (N, 1) giving scores for the fake data.

    Returns:
    - loss: scalar Tensor containing the (non-saturating) loss for the generator.
    """
    # TODO (gan_loss): write your code here, in place of the raise below.
    raise NotImplementedError("gan_loss: generator_loss is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return loss


def get_solvers(learning_rate=1e-3, beta1=0.5):
    """Create solvers for GAN training.

    Inputs:
    - learning_rate: learning rate to use for both solvers
    - beta1: beta1 parameter for both solvers (first moment decay)

    Returns:
    - D_solver: a tf.keras.optimizers.Adam instance for the discriminator
    - G_solver: another tf.keras.optimizers.Adam instance for the generator (two separate
      optimizers: each keeps moment estimates of its own network's variables)
    """
    # TODO (get_solvers): write your code here, in place of the raise below.
    raise NotImplementedError("get_solvers is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return D_solver, G_solver


def train_step(D, G, D_solver, G_solver, real_images, noise, discriminator_loss, generator_loss):
    """One training step of a GAN: first update the discriminator, then the generator.

    1. Discriminator step: inside a tf.GradientTape, compute the logits of the real
       images (preprocessed to [-1, 1] with preprocess_img) and of the fake images
       G(noise), and the discriminator loss; apply its gradient with respect to
       D.trainable_variables with D_solver.
    2. Generator step: inside a new tape, generate G(noise) again (the same noise), score
       it with the updated discriminator, compute the generator loss, and apply its
       gradient with respect to G.trainable_variables with G_solver.
    Call the networks with training=True (it matters for batch normalization).

    Inputs:
    - D, G: the discriminator and generator (Keras models)
    - D_solver, G_solver: their optimizers
    - real_images: Tensor of shape (N, 784), pixels in [0, 1]
    - noise: Tensor of shape (N, noise_dim), the generator's input for this step
    - discriminator_loss, generator_loss: the loss functions to use

    Returns a tuple of:
    - d_loss: scalar Tensor, the discriminator loss computed in step 1
    - g_loss: scalar Tensor, the generator loss computed in step 2
    """
    # TODO (gan_training): write your code here, in place of the raise below.
    raise NotImplementedError("gan_training: train_step is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return d_loss, g_loss


def ls_discriminator_loss(scores_real, scores_fake):
    """Compute the Least-Squares GAN loss for the discriminator:
    0.5 * mean((D(x) - 1)^2) + 0.5 * mean(D(G(z))^2).

    Inputs:
    - scores_real: Tensor of shape (N, 1) giving scores for the real data.
    - scores_fake: Tensor of shape (N, 1) giving scores for the fake data.

    Outputs:
    - loss: A Tensor containing the loss.
    """
    # TODO (ls_gan_loss): write your code here, in place of the raise below.
    raise NotImplementedError("ls_gan_loss: ls_discriminator_loss is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return loss


def ls_generator_loss(scores_fake):
    """Compute the Least-Squares GAN loss for the generator: 0.5 * mean((D(G(z)) - 1)^2).

    Inputs:
    - scores_fake: Tensor of shape (N, 1) giving scores for the fake data.

    Outputs:
    - loss: A Tensor containing the loss.
    """
    # TODO (ls_gan_loss): write your code here, in place of the raise below.
    raise NotImplementedError("ls_gan_loss: ls_generator_loss is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return loss


def dc_discriminator():
    """The discriminator of a deep convolutional GAN (a tf.keras.Sequential):

    - Reshape the input (N, 784) into images (N, 28, 28, 1)
    - Conv2D: 32 filters, 5x5, stride 1 ('valid' padding), LeakyReLU(alpha=0.01)
    - Max pool 2x2, stride 2
    - Conv2D: 64 filters, 5x5, stride 1 ('valid' padding), LeakyReLU(alpha=0.01)
    - Max pool 2x2, stride 2
    - Flatten
    - Fully connected with output size 4 x 4 x 64 = 1024, LeakyReLU(alpha=0.01)
    - Fully connected with output size 1

    Returns:
    A Keras model mapping (N, 784) images to (N, 1) logits (1102721 parameters).
    """
    # TODO (dc_discriminator): write your code here, in place of the raise below.
    raise NotImplementedError("dc_discriminator is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return model


def dc_generator(noise_dim=NOISE_DIM):
    """The generator of a deep convolutional GAN (a tf.keras.Sequential):

    - Fully connected with output size 1024, ReLU
    - BatchNorm
    - Fully connected with output size 7 x 7 x 128, ReLU
    - BatchNorm
    - Reshape into images (N, 7, 7, 128)
    - Conv2DTranspose: 64 filters of 4x4, stride 2, 'same' padding, ReLU -> (N, 14, 14, 64)
    - BatchNorm
    - Conv2DTranspose: 1 filter of 4x4, stride 2, 'same' padding, TanH -> (N, 28, 28, 1)
    - Reshape back into flattened images (N, 784)

    Inputs:
    - noise_dim: integer giving the dimension of the noise

    Returns:
    A Keras model mapping noise (N, noise_dim) to images (N, 784); images (N, 28, 28, 1)
    (without the last reshape) are accepted too, as in the course, whose training loop
    reshaped them (then reshape them in your train_step before the discriminator).
    """
    # TODO (dc_generator): write your code here, in place of the raise below.
    raise NotImplementedError("dc_generator is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return model


def wgangp_loss(logits_real, logits_fake, x, G_sample, D, lam=10.0):
    """Extra credit: the WGAN-GP losses (Gulrajani et al. 2017).

    - d_loss = mean(D(G(z))) - mean(D(x)) + lam * mean((||grad of D at x_hat||_2 - 1)^2),
      where x_hat = eps * x + (1 - eps) * G(z), eps ~ Uniform[0, 1] drawn once per example
    - g_loss = -mean(D(G(z)))

    Inputs:
    - logits_real: Tensor, shape (N, 1), the critic's output on the real data x
    - logits_fake: Tensor, shape (N, 1), the critic's output on the fake data G_sample
    - x: Tensor, shape (N, 784), the real data (as the critic sees it, in [-1, 1])
    - G_sample: Tensor, shape (N, 784), the generated images
    - D: the critic (a Keras model)
    - lam: weight of the gradient penalty

    Returns a tuple of:
    - d_loss: scalar Tensor, the critic's loss
    - g_loss: scalar Tensor, the generator's loss
    """
    # TODO (not graded): write your code here, in place of the raise below.
    raise NotImplementedError("wgangp_loss is not implemented yet (fill in the TODO in cs231n/gan.py)")
    return d_loss, g_loss


def _compiled_step(D, G, D_solver, G_solver, discriminator_loss, generator_loss):
    """train_step for these networks, solvers and losses, as a tf.function."""
    @tf.function
    def step(x, noise):
        return train_step(D, G, D_solver, G_solver, x, noise, discriminator_loss, generator_loss)
    return step


def run_a_gan(D, G, D_solver, G_solver, discriminator_loss, generator_loss, data, show_every=250,
              print_every=50, batch_size=128, num_epochs=10, noise_size=NOISE_DIM, show=None, seed=None,
              compiled=True):
    """Train a GAN (given code: it calls your train_step).

    Inputs:
    - D, G: Keras models for the discriminator and the generator
    - D_solver, G_solver: their optimizers (get_solvers)
    - discriminator_loss, generator_loss: the losses to use
    - data: a cs231n.mnist_data.MNIST batch iterator (pixels in [0, 1])
    - show_every: show a grid of samples every show_every iterations
    - print_every: print the losses every print_every iterations
    - batch_size, num_epochs: minibatch size and number of passes over the data
    - noise_size: dimension of the noise, the generator's input
    - show: callable(images in [0, 1] of shape (16, 784), title) that displays a grid of
      samples (the notebook passes one that plots), or None
    - seed: if given, tf.random.set_seed(seed) first (reproducible runs)
    - compiled: run train_step as a tf.function (a graph: two to three times faster on a
      CPU); if your train_step cannot be traced, the loop says so and runs it eagerly

    Returns:
    - samples: numpy array (16, 784), the final generator's samples, pixels in [0, 1]
    - history: dict with lists 'd_loss', 'g_loss' (one entry per iteration)
    """
    if seed is not None:
        tf.random.set_seed(seed)
    history = {'d_loss': [], 'g_loss': []}
    fixed_noise = sample_noise(16, noise_size)       # the same noise for every grid shown
    step = _compiled_step(D, G, D_solver, G_solver, discriminator_loss, generator_loss) if compiled else None
    iter_count = 0
    for epoch in range(num_epochs):
        for x, _ in data:
            if len(x) != batch_size:
                continue
            noise = sample_noise(batch_size, noise_size)
            if step is not None:
                try:
                    d_loss, g_loss = step(tf.constant(x), noise)
                except Exception as e:   # e.g. a train_step that calls .numpy(): run it eagerly
                    print('train_step cannot run as a tf.function (%s: %s); running it eagerly (slower)'
                          % (type(e).__name__, str(e).splitlines()[0][:200]))
                    step = None
            if step is None:
                d_loss, g_loss = train_step(D, G, D_solver, G_solver, x, noise, discriminator_loss, generator_loss)
            history['d_loss'].append(np.asarray(d_loss).item())   # a loss of shape (1,) too
            history['g_loss'].append(np.asarray(g_loss).item())
            if show is not None and iter_count % show_every == 0:
                show(deprocess_img(np.reshape(G(fixed_noise, training=False).numpy(), (-1, 784))),
                     'Epoch: %d, Iter: %d' % (epoch, iter_count))
            if iter_count % print_every == 0:
                print('Epoch: {}, Iter: {}, D: {:.4}, G: {:.4}'.format(epoch, iter_count,
                                                                       history['d_loss'][-1],
                                                                       history['g_loss'][-1]))
            iter_count += 1
    samples = deprocess_img(np.reshape(G(fixed_noise, training=False).numpy(), (-1, 784)))
    if show is not None:
        show(samples, 'Final images (after %d iterations)' % iter_count)
    return samples, history
