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
# requirements:
#   - numpy==2.4.6
#   - h5py==3.14.0
#   - matplotlib==3.11.2
#   - pillow==13.0.0
#   - tensorflow-cpu==2.21.0

# %% [markdown]
# # Network Visualization (TensorFlow)
# In this notebook we explore the use of *image gradients* for generating new
# images. When training a model, we define a loss function which measures our
# current unhappiness with the model's performance; we then use backpropagation to
# compute the gradient of the loss with respect to the model parameters, and
# perform gradient descent on the model parameters to minimize the loss.
#
# Here we will do something slightly different. We will start from a
# convolutional neural network model which has been pretrained to perform image
# classification, and use backpropagation to compute gradients with respect to the
# *image* instead: the model stays fixed, and we change the image. We will use
# this to make **saliency maps**, **fooling images** and **class visualizations**.
#
# All the code you write goes into `cs231n/net_visualization.py` (TensorFlow 2,
# eager execution, `tf.GradientTape`). After each part, the cell
# `grader.check("<question>")` runs the public cases of that question on your
# code, with the same SqueezeNet and the same checks as the grader; the final
# grade also uses hidden cases.

# %%
# Setup: the cs231n package next to this notebook is where you write your code.
import time, os
import numpy as np
import matplotlib.pyplot as plt
import tensorflow as tf

from cs231n.netvis_utils import (load_squeezenet, load_model_info, load_heldout,
                                preprocess_image, deprocess_image)
from cs231n.net_visualization import (compute_saliency_maps, make_fooling_image,
                                      class_visualization_update_step,
                                      create_class_visualization)

# %matplotlib inline
plt.rcParams['figure.figsize'] = (10.0, 8.0)  # default size of plots
plt.rcParams['image.interpolation'] = 'nearest'
plt.rcParams['image.cmap'] = 'gray'

# reload the cs231n modules automatically when you edit them
# %load_ext autoreload
# %autoreload 2

# %% [markdown]
# # Pretrained model and data
# The classifier is a [SqueezeNet 1.1](https://arxiv.org/abs/1602.07360) (fire
# modules, with batch normalisation in the squeeze layers so that it trains from
# scratch), given in `cs231n/classifiers/squeezenet.py`. It was trained by
# `assignment/scripts/train_squeezenet.py` on 64x64 pictures of five shapes
# (circle, square, triangle, star, cross) drawn in random colours, sizes,
# rotations and places over a cluttered background (a colour gradient, thin
# lines, noise). Because the pictures are generated, we know exactly where the
# object is: `masks` marks its pixels.
#
# `preprocess_image` turns uint8 pictures into the model's input (scaled to
# [0, 1], minus the training mean, divided by the standard deviation, per
# channel); `deprocess_image` goes back. The model returns unnormalised class
# scores; call it as `model(X)`.

# %% tags=["otter_ignore"]
model = load_squeezenet()
info = load_model_info()
class_names = info['class_names']
heldout = load_heldout()
X_raw, y, masks = heldout['images'], heldout['labels'], heldout['masks']
X = preprocess_image(X_raw)
pred = np.asarray(model(X)).argmax(axis=1)
print('classes:', class_names)
print('held-out pictures:', X.shape, '- model accuracy on them: %.1f%%' % (100 * np.mean(pred == y)))
print('accuracy recorded by the training script on %d held-out pictures: %.1f%%'
      % (info['num_heldout'], 100 * info['heldout_accuracy']))

# %% tags=["otter_ignore"]
plt.figure(figsize=(15, 3.5))
for i in range(10):
    plt.subplot(2, 5, i + 1)
    plt.imshow(X_raw[i])
    plt.title('%s (model: %s)' % (class_names[y[i]], class_names[pred[i]]), fontsize=9)
    plt.axis('off')
plt.gcf().tight_layout()


# %% [raw]
# # BEGIN QUESTION
# name: saliency_maps

# %% [markdown]
# # Saliency Maps
# Using this pretrained model, we will compute class saliency maps as described in
# Section 3.1 of [1].
#
# A **saliency map** tells us the degree to which each pixel in the image affects
# the classification score for that image. To compute it, we compute the gradient
# of the unnormalized score corresponding to the correct class (which is a scalar)
# with respect to the pixels of the image. If the image has shape `(H, W, 3)` then
# this gradient will also have shape `(H, W, 3)`; for each pixel in the image, this
# gradient tells us the amount by which the classification score will change if
# the pixel changes by a small amount. To compute the saliency map, we take the
# absolute value of this gradient, then take the maximum value over the 3 input
# channels; the final saliency map thus has shape `(H, W)` and all entries are
# nonnegative.
#
# Open `cs231n/net_visualization.py` and implement `compute_saliency_maps`. Use a
# `tf.GradientTape` that watches the image tensor; `tf.gather` (with
# `batch_dims=1`) or a one-hot mask picks each image's correct-class score.
#
# [1] Karen Simonyan, Andrea Vedaldi, and Andrew Zisserman. "Deep Inside
# Convolutional Networks: Visualising Image Classification Models and Saliency
# Maps", ICLR Workshop 2014.

# %% [markdown]
# Once you have completed the implementation above, run the following to visualize some class saliency maps on held-out pictures (the model never saw them during training).

# %% tags=["otter_ignore"]
def show_saliency_maps(X, y, idx):
    Xs, ys = preprocess_image(X[idx]), y[idx]
    saliency = compute_saliency_maps(Xs, ys, model)
    N = len(idx)
    plt.figure(figsize=(12, 5))
    for i in range(N):
        plt.subplot(2, N, i + 1)
        plt.imshow(X[idx[i]])
        plt.axis('off')
        plt.title(class_names[ys[i]])
        plt.subplot(2, N, N + i + 1)
        plt.imshow(saliency[i], cmap=plt.cm.hot)
        plt.axis('off')
    plt.gcf().tight_layout()

# one picture of each class
idx = np.array([int(np.flatnonzero(y == c)[0]) for c in range(len(class_names))])
show_saliency_maps(X_raw, y, idx)


# %% [markdown]
# Since we know where each object is, we can measure how much of the saliency
# falls on it: the share of each map's total inside the object's mask grown by 2
# pixels (the gradient is largest on the object's edges, which include the
# background pixels right next to them).

# %% tags=["otter_ignore"]
def grow(mask, pixels):
    """The mask grown by `pixels` in every direction (square neighbourhood)."""
    out = mask.copy()
    for dy in range(-pixels, pixels + 1):
        for dx in range(-pixels, pixels + 1):
            out |= np.roll(np.roll(mask, dy, axis=-2), dx, axis=-1)
    return out

saliency = compute_saliency_maps(X, y, model)
region = grow(masks, 2)
on_object = (saliency * region).sum(axis=(1, 2)) / saliency.sum(axis=(1, 2))
print('share of the saliency on the object (its mask grown by 2 pixels), over %d held-out pictures:'
      % len(X))
print('  mean %.1f%%, median %.1f%%, lowest %.1f%%; that region covers %.1f%% of a picture on average'
      % (100 * on_object.mean(), 100 * np.median(on_object), 100 * on_object.min(), 100 * region.mean()))
top = saliency >= np.quantile(saliency.reshape(len(X), -1), 0.95, axis=1)[:, None, None]
print('  %.1f%% of the 5%% most salient pixels of a picture are in that region (mean)'
      % (100 * ((top & region).sum(axis=(1, 2)) / top.sum(axis=(1, 2))).mean()))


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: netvis_inline_question_1
# manual: true

# %% [markdown]
# ## Inline Question
#
# A friend of yours suggests that in order to find an image that maximizes the correct
# score, we can perform gradient ascent on the input image, but instead of the gradient
# we can actually use the saliency map in each step to update the image. Is this
# assertion true? Why or why not?

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** No. The saliency map is $\max_c |\partial s_y / \partial X_{h,w,c}|$: it
# has one channel instead of three and, being an absolute value, no sign, so it says how
# much a pixel matters but not in which direction to change it. Adding it to the image
# raises every pixel (brightening the image) whether that increases or decreases the
# score; gradient ascent needs the signed gradient $\partial s_y / \partial X$ itself.

# %% [raw]
# # END SOLUTION

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: fooling_image

# %% [markdown]
# # Fooling Images
# We can also use image gradients to generate "fooling images" as discussed in
# [2]. Given an image and a target class, we can perform gradient **ascent** over
# the image to maximize the target class, stopping when the network classifies
# the image as the target class. Implement `make_fooling_image` in
# `cs231n/net_visualization.py`: before each step, stop if the model already
# predicts `target_y`; otherwise take a normalised step
# $dX = \text{learning\_rate} \cdot g / \|g\|_2$ where $g$ is the gradient of
# the target score with respect to the image. Return a new array; do not modify
# `X`.
#
# [2] Szegedy et al., "Intriguing properties of neural networks", ICLR 2014.

# %% [markdown]
# Run the following to generate a fooling image. You should ideally see at first glance no major difference between the original and fooling images, and the network should now make an incorrect prediction on the fooling one. However you should see a bit of random noise if you look at the 10x magnified difference between the original and fooling images.

# %% tags=["otter_ignore"]
idx = 0
target_y = (int(y[idx]) + 1) % len(class_names)
X_pic = X[idx:idx + 1]
X_fooling = make_fooling_image(X_pic, target_y, model)

scores = np.asarray(model(X_fooling))
assert scores[0].argmax() == target_y, 'The model is not fooled!'
print('%s picture, classified as %s after a mean absolute change of %.4f (preprocessed units)'
      % (class_names[y[idx]], class_names[target_y], np.abs(X_fooling - X_pic).mean()))

# %% tags=["otter_ignore"]
orig_img = deprocess_image(X_pic[0])
fool_img = deprocess_image(X_fooling[0])
plt.figure(figsize=(12, 3.5))
plt.subplot(1, 4, 1)
plt.imshow(orig_img)
plt.axis('off')
plt.title(class_names[y[idx]])
plt.subplot(1, 4, 2)
plt.imshow(fool_img)
plt.title(class_names[target_y])
plt.axis('off')
plt.subplot(1, 4, 3)
plt.title('Difference')
plt.imshow(deprocess_image((X_pic - X_fooling)[0], rescale=True))
plt.axis('off')
plt.subplot(1, 4, 4)
plt.title('Magnified difference (10x)')
plt.imshow(deprocess_image(10 * (X_pic - X_fooling)[0], rescale=True))
plt.axis('off')
plt.gcf().tight_layout()


# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: class_visualization

# %% [markdown]
# # Class visualization
# By starting with a random noise image and performing gradient ascent on a
# target class, we can generate an image that the network will recognize as the
# target class. This idea was first presented in [1]; [3] extended it by
# suggesting several regularization techniques that can improve the quality of
# the generated image.
#
# Concretely, let $I$ be an image and let $y$ be a target class. Let $s_y(I)$ be
# the score that a convolutional network assigns to the image $I$ for class $y$;
# note that these are raw unnormalized scores, not class probabilities. We wish to
# generate an image $I^*$ that achieves a high score for the class $y$ by solving
# the problem
#
# $$I^* = \arg\max_I \left(s_y(I) - R(I)\right)$$
#
# where $R$ is a (possibly implicit) regularizer. We solve this optimization
# problem using gradient ascent, computing gradients with respect to the generated
# image. We use (explicit) L2 regularization of the form
# $R(I) = \lambda \|I\|_2^2$ and implicit regularization as suggested by [3]
# by periodically blurring the generated image, jittering it and clipping its
# values.
#
# Implement `class_visualization_update_step` in `cs231n/net_visualization.py`:
# one gradient-ascent step
# $I \leftarrow I + \text{learning\_rate} \cdot g$ where $g$ is the
# gradient of $s_y(I) - \lambda \sum I^2$ with respect to the image (a step normalised
# as in the fooling image, $\text{learning\_rate} \cdot g / \|g\|_2$, is accepted
# too). The given `create_class_visualization` passes the image as a `tf.Tensor` and
# calls your step with jitter, clipping and blur.
#
# [3] Yosinski et al., "Understanding Neural Networks Through Deep Visualization",
# ICML 2015 Deep Learning Workshop.

# %% [markdown]
# Once you have completed the implementation, run the following cell to generate images of three classes, and watch them grow over the iterations.

# %% tags=["otter_ignore"]
snapshots = (0, 9, 24, 49, 99)
plt.figure(figsize=(12, 7.5))
for row, name in enumerate(['circle', 'star', 'cross']):
    target_y = class_names.index(name)
    t0 = time.time()
    X_viz, kept = create_class_visualization(target_y, model, num_iterations=100,
                                             snapshots=snapshots, seed=row)
    probs = tf.nn.softmax(model(X_viz))[0].numpy()
    print('%-7s %.1f s, probability of the class for the final image: %.3f'
          % (name, time.time() - t0, probs[target_y]))
    for col, t in enumerate(snapshots):
        plt.subplot(3, len(snapshots), row * len(snapshots) + col + 1)
        plt.imshow(deprocess_image(kept[t][0], rescale=True))
        plt.title('%s, iteration %d' % (name, t + 1), fontsize=9)
        plt.axis('off')
plt.gcf().tight_layout()


# %% [raw]
# # END QUESTION

# %% [markdown]
# ## Submitting
#
# Your code lives in `cs231n/net_visualization.py`; this notebook only calls it. Check a
# question with `grader.check("<question>")` above, or from a terminal with
# `a3 check <question>` (in this folder). When you are done, pack your work with
# `a3 submit` and upload the zip it writes. The grader runs hidden tests on your functions
# with the trained SqueezeNet (other pictures, other classes); your fooling images are
# checked with the grader's own copy of the model.
