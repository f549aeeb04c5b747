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
# # Image Captioning with RNNs
# In this exercise you will implement a vanilla recurrent neural network and use
# it to train a model that writes captions for images. All the code you write goes
# into the `cs231n` package next to this notebook (`cs231n/rnn_layers.py` and
# `cs231n/classifiers/rnn.py`); the cells here run it and check it.
#
# After each part, the cell `grader.check("<question>")` runs the public tests of
# that question on your code. Passing them is a good sign, not a guarantee: the
# final grade also uses hidden tests with other inputs.

# %%
# Setup: the cs231n package next to this notebook is where you write your code.
import time, os, json
import numpy as np
import matplotlib.pyplot as plt

from cs231n.gradient_check import eval_numerical_gradient, eval_numerical_gradient_array
from cs231n.rnn_layers import *
from cs231n.captioning_solver import CaptioningSolver
from cs231n.classifiers.rnn import CaptioningRNN
from cs231n.coco_utils import load_coco_data, sample_coco_minibatch, decode_captions, get_image

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


# %% [markdown]
# ## The captioning data
#
# The original assignment used Microsoft COCO 2014 (80,000 training and 40,000 validation
# photos, 5 human captions each), with features from the fc7 layer of a VGG-16 network
# reduced to 512 dimensions by PCA. The data shipped with this assignment keeps exactly
# that layout (same file names, same keys, same caption encoding), but its images are
# small **rendered scenes**: one or two coloured shapes on a grey background, described
# by captions written from templates ("a big red circle to the left of a small blue
# square"). Their features come from the convolutional layers of a pretrained VGG-16,
# also reduced to 512 dimensions with PCA. The scenes are simple enough that a model
# trained on a CPU in a minute writes sensible captions; if you have the real COCO files,
# `load_coco_data(base_dir=...)` reads them too.
#
# `load_coco_data` returns a dictionary:
#
# - `train_captions`, `val_captions`: integer word ids, one caption per row. Every caption
#   starts with `<START>` and ends with `<END>`; shorter captions are padded with `<NULL>`.
#   Words outside the vocabulary would be `<UNK>`.
# - `train_image_idxs`, `val_image_idxs`: the image each caption describes (several
#   captions share an image).
# - `train_features`, `val_features`: one 512-d feature vector per image.
# - `idx_to_word`, `word_to_idx`: the vocabulary, in both directions.
# - `train_urls`, `val_urls`: an identifier per image (a URL for real COCO), and
#   `train_images`, `val_images`: the pictures themselves (only in the shipped data; use
#   `get_image(data, split, idx)`).
#
# `decode_captions` turns word ids back into strings, and `sample_coco_minibatch` draws a
# random minibatch of captions with their image features.

# %% tags=["otter_ignore"]
# Load the captioning data with the 512-d PCA features.
data = load_coco_data(pca_features=True)

# Print out all the keys and values from the data dictionary
for k, v in data.items():
    if type(v) == np.ndarray:
        print(k, type(v), v.shape, v.dtype)
    else:
        print(k, type(v), len(v))

# %% [markdown]
# ## Look at the data
# It is always a good idea to look at examples from the data set before working
# with it. Run the cell below a few times to see different scenes and captions.
# Note that `decode_captions` keeps the `<START>` and `<END>` tokens.

# %% tags=["otter_ignore"]
# Sample a minibatch and show the images and captions
batch_size = 3

captions, features, urls = sample_coco_minibatch(data, batch_size=batch_size)
for i, (caption, url) in enumerate(zip(captions, urls)):
    plt.imshow(get_image(data, 'train', url))
    plt.axis('off')
    caption_str = decode_captions(caption, data['idx_to_word'])
    plt.title(caption_str)
    plt.show()

# %% [markdown]
# # Recurrent Neural Networks
# As discussed in lecture, we will use recurrent neural network (RNN) language
# models for image captioning. The file `cs231n/rnn_layers.py` holds the layers a
# recurrent network needs, and the file `cs231n/classifiers/rnn.py` uses them to
# build a captioning model.
#
# We begin with a vanilla RNN in `cs231n/rnn_layers.py`: one step at a time, then
# a whole sequence, forward and backward.

# %% [raw]
# # BEGIN QUESTION
# name: rnn_step_forward

# %% [markdown]
# # Vanilla RNN: step forward
# Open `cs231n/rnn_layers.py` and implement `rnn_step_forward`: one timestep of a
# vanilla RNN with a tanh nonlinearity,
# $h_t = \tanh(x_t W_x + h_{t-1} W_h + b)$, for a whole minibatch at once.
# Keep in the cache whatever the backward pass will need.
#
# After that, run the cell below: you should see an error around `{{threshold:rnn_step_forward}}` or less.

# %%
N, D, H = 3, 10, 4

x = np.linspace(-0.4, 0.7, num=N*D).reshape(N, D)
prev_h = np.linspace(-0.2, 0.5, num=N*H).reshape(N, H)
Wx = np.linspace(-0.1, 0.9, num=D*H).reshape(D, H)
Wh = np.linspace(-0.3, 0.7, num=H*H).reshape(H, H)
b = np.linspace(-0.2, 0.4, num=H)

next_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
expected_next_h = np.asarray([
  [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
  [ 0.66854692,  0.79562378,  0.87755553,  0.92795967],
  [ 0.97934501,  0.99144213,  0.99646691,  0.99854353]])

print('next_h error: ', rel_error(expected_next_h, next_h))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: rnn_step_backward

# %% [markdown]
# # Vanilla RNN: step backward
# In `cs231n/rnn_layers.py` implement `rnn_step_backward`: given the gradient of
# the loss with respect to `next_h`, return the gradients with respect to the
# input, the previous hidden state, both weight matrices and the bias. (Hint: the
# derivative of tanh can be written with its output, $1 - \tanh^2$.)
#
# The cell below compares your gradients with numerical ones; the errors should be
# around `{{threshold:rnn_step_backward}}` or less.

# %%
from cs231n.rnn_layers import rnn_step_forward, rnn_step_backward
np.random.seed(231)
N, D, H = 4, 5, 6
x = np.random.randn(N, D)
h = np.random.randn(N, H)
Wx = np.random.randn(D, H)
Wh = np.random.randn(H, H)
b = np.random.randn(H)

out, cache = rnn_step_forward(x, h, Wx, Wh, b)

dnext_h = np.random.randn(*out.shape)

fx = lambda x: rnn_step_forward(x, h, Wx, Wh, b)[0]
fh = lambda prev_h: rnn_step_forward(x, h, Wx, Wh, b)[0]
fWx = lambda Wx: rnn_step_forward(x, h, Wx, Wh, b)[0]
fWh = lambda Wh: rnn_step_forward(x, h, Wx, Wh, b)[0]
fb = lambda b: rnn_step_forward(x, h, Wx, Wh, b)[0]

dx_num = eval_numerical_gradient_array(fx, x, dnext_h)
dprev_h_num = eval_numerical_gradient_array(fh, h, dnext_h)
dWx_num = eval_numerical_gradient_array(fWx, Wx, dnext_h)
dWh_num = eval_numerical_gradient_array(fWh, Wh, dnext_h)
db_num = eval_numerical_gradient_array(fb, b, dnext_h)

dx, dprev_h, dWx, dWh, db = rnn_step_backward(dnext_h, cache)

print('dx error: ', rel_error(dx_num, dx))
print('dprev_h error: ', rel_error(dprev_h_num, dprev_h))
print('dWx error: ', rel_error(dWx_num, dWx))
print('dWh error: ', rel_error(dWh_num, dWh))
print('db error: ', rel_error(db_num, db))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: rnn_forward

# %% [markdown]
# # Vanilla RNN: forward
# Now run the RNN over a whole sequence. In `cs231n/rnn_layers.py` implement
# `rnn_forward` by calling `rnn_step_forward` once per timestep, starting from the
# initial hidden state `h0`, and collecting the hidden states of all timesteps.
#
# You should see an error around `{{threshold:rnn_forward}}` or less.

# %%
N, T, D, H = 2, 3, 4, 5

x = np.linspace(-0.1, 0.3, num=N*T*D).reshape(N, T, D)
h0 = np.linspace(-0.3, 0.1, num=N*H).reshape(N, H)
Wx = np.linspace(-0.2, 0.4, num=D*H).reshape(D, H)
Wh = np.linspace(-0.4, 0.1, num=H*H).reshape(H, H)
b = np.linspace(-0.7, 0.1, num=H)

h, _ = rnn_forward(x, h0, Wx, Wh, b)
expected_h = np.asarray([
  [
    [-0.42070749, -0.27279261, -0.11074945,  0.05740409,  0.22236251],
    [-0.39525808, -0.22554661, -0.0409454,   0.14649412,  0.32397316],
    [-0.42305111, -0.24223728, -0.04287027,  0.15997045,  0.35014525],
  ],
  [
    [-0.55857474, -0.39065825, -0.19198182,  0.02378408,  0.23735671],
    [-0.27150199, -0.07088804,  0.13562939,  0.33099728,  0.50158768],
    [-0.51014825, -0.30524429, -0.06755202,  0.17806392,  0.40333043]]])
print('h error: ', rel_error(expected_h, h))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: rnn_backward

# %% [markdown]
# # Vanilla RNN: backward
# In `cs231n/rnn_layers.py` implement `rnn_backward`: backpropagation through time
# over the whole sequence, calling `rnn_step_backward` once per timestep, from the
# last to the first. The upstream gradient `dh` holds the gradients coming from the
# loss at each timestep; you add to it the gradient that flows back from the next
# timestep. The weights are shared by all timesteps, so their gradients add up.
#
# You should see errors around `{{threshold:rnn_backward}}` or less.

# %%
np.random.seed(231)

N, D, T, H = 2, 3, 10, 5

x = np.random.randn(N, T, D)
h0 = np.random.randn(N, H)
Wx = np.random.randn(D, H)
Wh = np.random.randn(H, H)
b = np.random.randn(H)

out, cache = rnn_forward(x, h0, Wx, Wh, b)

dout = np.random.randn(*out.shape)

dx, dh0, dWx, dWh, db = rnn_backward(dout, cache)

fx = lambda x: rnn_forward(x, h0, Wx, Wh, b)[0]
fh0 = lambda h0: rnn_forward(x, h0, Wx, Wh, b)[0]
fWx = lambda Wx: rnn_forward(x, h0, Wx, Wh, b)[0]
fWh = lambda Wh: rnn_forward(x, h0, Wx, Wh, b)[0]
fb = lambda b: rnn_forward(x, h0, Wx, Wh, b)[0]

dx_num = eval_numerical_gradient_array(fx, x, dout)
dh0_num = eval_numerical_gradient_array(fh0, h0, dout)
dWx_num = eval_numerical_gradient_array(fWx, Wx, dout)
dWh_num = eval_numerical_gradient_array(fWh, Wh, dout)
db_num = eval_numerical_gradient_array(fb, b, dout)

print('dx error: ', rel_error(dx_num, dx))
print('dh0 error: ', rel_error(dh0_num, dh0))
print('dWx error: ', rel_error(dWx_num, dWx))
print('dWh error: ', rel_error(dWh_num, dWh))
print('db error: ', rel_error(db_num, db))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: word_embedding_forward

# %% [markdown]
# # Word embedding: forward
# Deep learning systems represent words as vectors: each word of the vocabulary
# has its own learned vector. In `cs231n/rnn_layers.py` implement
# `word_embedding_forward`, which turns a minibatch of word indices of shape
# (N, T) into their vectors, of shape (N, T, D) (one line with numpy indexing).
#
# You should see an error around `{{threshold:word_embedding_forward}}` or less.

# %%
N, T, V, D = 2, 4, 5, 3

x = np.asarray([[0, 3, 1, 2], [2, 1, 0, 3]])
W = np.linspace(0, 1, num=V*D).reshape(V, D)

out, _ = word_embedding_forward(x, W)
expected_out = np.asarray([
 [[ 0.,          0.07142857,  0.14285714],
  [ 0.64285714,  0.71428571,  0.78571429],
  [ 0.21428571,  0.28571429,  0.35714286],
  [ 0.42857143,  0.5,         0.57142857]],
 [[ 0.42857143,  0.5,         0.57142857],
  [ 0.21428571,  0.28571429,  0.35714286],
  [ 0.,          0.07142857,  0.14285714],
  [ 0.64285714,  0.71428571,  0.78571429]]])

print('out error: ', rel_error(expected_out, out))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: word_embedding_backward

# %% [markdown]
# # Word embedding: backward
# Implement `word_embedding_backward` in `cs231n/rnn_layers.py`. Only the
# embedding matrix gets a gradient (word indices are integers). Careful: the same
# word can appear many times in a minibatch, and its gradients must add up
# (`np.add.at` does this; `dW[x] += dout` does not).
#
# You should see an error around `{{threshold:word_embedding_backward}}` or less.

# %%
np.random.seed(231)

N, T, V, D = 50, 3, 5, 6
x = np.random.randint(V, size=(N, T))
W = np.random.randn(V, D)

out, cache = word_embedding_forward(x, W)
dout = np.random.randn(*out.shape)
dW = word_embedding_backward(dout, cache)

f = lambda W: word_embedding_forward(x, W)[0]
dW_num = eval_numerical_gradient_array(f, W, dout)

print('dW error: ', rel_error(dW, dW_num))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: temporal_affine

# %% [markdown]
# # Temporal affine layer
# At every timestep an affine function turns the hidden state into scores over
# the vocabulary. This is the affine layer of the previous assignment, applied to
# all timesteps of a minibatch at once, so it is given to you
# (`temporal_affine_forward` and `temporal_affine_backward` in
# `cs231n/rnn_layers.py`). Run the gradient check below anyway; the errors should
# be around `1e-9` or less.

# %%
np.random.seed(231)

# Gradient check for temporal affine layer
N, T, D, M = 2, 3, 4, 5
x = np.random.randn(N, T, D)
w = np.random.randn(D, M)
b = np.random.randn(M)

out, cache = temporal_affine_forward(x, w, b)

dout = np.random.randn(*out.shape)

fx = lambda x: temporal_affine_forward(x, w, b)[0]
fw = lambda w: temporal_affine_forward(x, w, b)[0]
fb = lambda b: temporal_affine_forward(x, w, b)[0]

dx_num = eval_numerical_gradient_array(fx, x, dout)
dw_num = eval_numerical_gradient_array(fw, w, dout)
db_num = eval_numerical_gradient_array(fb, b, dout)

dx, dw, db = temporal_affine_backward(dout, cache)

print('dx error: ', rel_error(dx_num, dx))
print('dw error: ', rel_error(dw_num, dw))
print('db error: ', rel_error(db_num, db))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: temporal_softmax_loss

# %% [markdown]
# # Temporal softmax loss
# The model predicts a word at every timestep, and a softmax cross-entropy loss
# compares each prediction with the true next word. Captions have different
# lengths and are padded with `<NULL>`; those positions must not count, so the
# loss takes a boolean `mask` of the positions that do. The loss is summed over
# time and averaged over the minibatch. This too is given
# (`temporal_softmax_loss` in `cs231n/rnn_layers.py`): read it, since your model
# will use it with a mask. Run the checks below: the three losses should be close
# to 2.3, 23 and 2.3, and the gradient error around `{{threshold:temporal_softmax_loss}}` or less.

# %%
# Sanity check for temporal softmax loss
from cs231n.rnn_layers import temporal_softmax_loss

N, T, V = 100, 1, 10

def check_loss(N, T, V, p):
    x = 0.001 * np.random.randn(N, T, V)
    y = np.random.randint(V, size=(N, T))
    mask = np.random.rand(N, T) <= p
    print(temporal_softmax_loss(x, y, mask)[0])

check_loss(100, 1, 10, 1.0)   # Should be about 2.3
check_loss(100, 10, 10, 1.0)  # Should be about 23
check_loss(5000, 10, 10, 0.1) # Should be about 2.3

# Gradient check for temporal softmax loss
N, T, V = 7, 8, 9

x = np.random.randn(N, T, V)
y = np.random.randint(V, size=(N, T))
mask = (np.random.rand(N, T) > 0.5)

loss, dx = temporal_softmax_loss(x, y, mask, verbose=False)

dx_num = eval_numerical_gradient(lambda x: temporal_softmax_loss(x, y, mask)[0], x, verbose=False)

print('dx error: ', rel_error(dx, dx_num))

# %% [raw]
# # END QUESTION

# %% [markdown]
# # RNN for image captioning
# Now that you have the layers, combine them into an image captioning model. Open
# `cs231n/classifiers/rnn.py` and look at the `CaptioningRNN` class.

# %% [raw]
# # BEGIN QUESTION
# name: rnn_loss

# %% [markdown]
# ## Captioning model: loss and gradients
# Implement the forward and backward pass of the model in `CaptioningRNN.loss`
# (for now only `cell_type='rnn'`): project the image features to the initial
# hidden state, embed the input words (`captions[:, :-1]`), run the RNN, score the
# vocabulary at every timestep and compute the temporal softmax loss against the
# next words (`captions[:, 1:]`), ignoring `<NULL>` targets; then backpropagate
# through all of it into `grads`.
#
# You should see a difference around `1e-10` or less between your loss and the
# expected loss.

# %%
N, D, W, H = 10, 20, 30, 40
word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
V = len(word_to_idx)
T = 13

model = CaptioningRNN(word_to_idx,
          input_dim=D,
          wordvec_dim=W,
          hidden_dim=H,
          cell_type='rnn',
          dtype=np.float64)

# Set all model parameters to fixed values
for k, v in model.params.items():
    model.params[k] = np.linspace(-1.4, 1.3, num=v.size).reshape(*v.shape)

features = np.linspace(-1.5, 0.3, num=(N * D)).reshape(N, D)
captions = (np.arange(N * T) % V).reshape(N, T)

loss, grads = model.loss(features, captions)
expected_loss = 9.83235591003

print('loss: ', loss)
print('expected loss: ', expected_loss)
print('difference: ', abs(loss - expected_loss))

# %% [markdown]
# Run the following cell to perform numeric gradient checking on the
# `CaptioningRNN` class; you should see errors around `5e-6` or less.

# %%
np.random.seed(231)

batch_size = 2
timesteps = 3
input_dim = 4
wordvec_dim = 5
hidden_dim = 6
word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
vocab_size = len(word_to_idx)

captions = np.random.randint(vocab_size, size=(batch_size, timesteps))
features = np.random.randn(batch_size, input_dim)

model = CaptioningRNN(word_to_idx,
          input_dim=input_dim,
          wordvec_dim=wordvec_dim,
          hidden_dim=hidden_dim,
          cell_type='rnn',
          dtype=np.float64,
        )

loss, grads = model.loss(features, captions)

for param_name in sorted(grads):
    f = lambda _: model.loss(features, captions)[0]
    param_grad_num = eval_numerical_gradient(f, model.params[param_name], verbose=False, h=1e-6)
    e = rel_error(param_grad_num, grads[param_name])
    print('%s relative error: %e' % (param_name, e))

# %% [raw]
# # END QUESTION

# %% [markdown]
# # Overfit the RNN captioning model
# Now that the loss and its gradients are correct, use `CaptioningSolver` (given,
# in `cs231n/captioning_solver.py`) to train the model on a tiny data set of 50
# training captions. A correct model drives the loss close to zero: you should see
# a final loss below 0.1. This run itself is not graded. The graded question
# (`rnn_overfit`, a hidden test, so no public test here) trains a small model of yours for
# a few seeded steps with `CaptioningSolver`, once with Adam and once with plain SGD,
# and compares every step's loss and parameters with the reference's: gradients that
# are right only up to a constant factor, or that keep something from one call of
# `loss` to the next, fail it even when this run reaches a low loss.

# %% tags=["otter_ignore"]
np.random.seed(231)

small_data = load_coco_data(max_train=50)

small_rnn_model = CaptioningRNN(
          cell_type='rnn',
          word_to_idx=data['word_to_idx'],
          input_dim=data['train_features'].shape[1],
          hidden_dim=512,
          wordvec_dim=256,
          dtype=np.float32,
        )

small_rnn_solver = CaptioningSolver(small_rnn_model, small_data,
           update_rule='adam',
           num_epochs=50,
           batch_size=25,
           optim_config={
             'learning_rate': 5e-3,
           },
           lr_decay=0.95,
           verbose=True, print_every=10,
         )

small_rnn_solver.train()

# Plot the training losses
plt.plot(small_rnn_solver.loss_history)
plt.xlabel('Iteration')
plt.ylabel('Loss')
plt.title('Training loss history')
plt.show()
print('Final loss: %f (should be below 0.1)' % small_rnn_solver.loss_history[-1])

# %% [raw]
# # BEGIN QUESTION
# name: rnn_sample

# %% [markdown]
# # Test-time sampling
# At test time there is no caption to feed in: the model starts from `<START>`,
# and at each timestep feeds back the word it just chose. Implement
# `CaptioningRNN.sample` for greedy sampling (pick the highest-scoring word at
# every step). The first column of the result is the first sampled word (not
# `<START>`). You do not need to stop generating after an `<END>` token is
# sampled, but you can if you want to: each caption is checked up to and
# including its first `<END>`.
#
# The samples of the overfit model below should be good on training images
# and poor on validation images (it has seen only 50 captions).

# %% tags=["otter_ignore"]
# Greedy captions on a few training and validation images, next to the
# ground-truth caption of the image.
np.random.seed(231)
for split in ['train', 'val']:
    minibatch = sample_coco_minibatch(small_data, split=split, batch_size=2)
    gt_captions, features, urls = minibatch
    gt_captions = decode_captions(gt_captions, data['idx_to_word'])

    sample_captions = small_rnn_model.sample(features)
    sample_captions = decode_captions(sample_captions, data['idx_to_word'])

    for gt_caption, sample_caption, url in zip(gt_captions, sample_captions, urls):
        plt.imshow(get_image(data, split, url))
        plt.title('%s\n%s\nGT:%s' % (split, sample_caption, gt_caption))
        plt.axis('off')
        plt.show()

# %% [raw]
# # END QUESTION

# %% [markdown]
# # Train a captioning model on the whole data set
# The tiny model above memorised 50 captions, so its captions of validation
# images are poor. Train a RNN on all the training captions for a few epochs
# (about a minute on a laptop CPU with your implementation) and look at its
# captions of training and validation images. Note how the captions of unseen
# validation scenes are still mostly right: the model has learned to name
# colours, shapes and their places from the image features.

# %% tags=["otter_ignore"]
# Settings of the full training run (feel free to experiment).
HIDDEN_DIM = 128
WORDVEC_DIM = 64
NUM_EPOCHS = 3
LEARNING_RATE = 5e-3

# %% tags=["otter_ignore"]
np.random.seed(231)
full_rnn_model = CaptioningRNN(
          cell_type='rnn',
          word_to_idx=data['word_to_idx'],
          input_dim=data['train_features'].shape[1],
          hidden_dim=HIDDEN_DIM,
          wordvec_dim=WORDVEC_DIM,
          dtype=np.float32,
        )
full_rnn_solver = CaptioningSolver(full_rnn_model, data,
           update_rule='adam',
           num_epochs=NUM_EPOCHS,
           batch_size=100,
           optim_config={'learning_rate': LEARNING_RATE},
           lr_decay=0.9,
           verbose=True, print_every=50,
         )
tic = time.time()
full_rnn_solver.train()
print('Training took %.1f s' % (time.time() - tic))

plt.plot(full_rnn_solver.loss_history)
plt.xlabel('Iteration')
plt.ylabel('Loss')
plt.title('Training loss history')
plt.show()

# %% tags=["otter_ignore"]
# Greedy captions on a few training and validation images, next to the
# ground-truth caption of the image.
np.random.seed(231)
for split in ['train', 'val']:
    minibatch = sample_coco_minibatch(data, split=split, batch_size=2)
    gt_captions, features, urls = minibatch
    gt_captions = decode_captions(gt_captions, data['idx_to_word'])

    sample_captions = full_rnn_model.sample(features)
    sample_captions = decode_captions(sample_captions, data['idx_to_word'])

    for gt_caption, sample_caption, url in zip(gt_captions, sample_captions, urls):
        plt.imshow(get_image(data, split, url))
        plt.title('%s\n%s\nGT:%s' % (split, sample_caption, gt_caption))
        plt.axis('off')
        plt.show()

# %% [raw]
# # BEGIN QUESTION
# name: rnn_inline_question_1
# manual: true

# %% [markdown]
# ## Inline Question 1
#
# Our captioning model predicts one **word** per timestep. One could instead predict
# one **character** per timestep (letters, digits, spaces and punctuation): the input
# at each step is the previous character and the output is a distribution over the
# next one. Give one advantage and one disadvantage of a character-level captioning
# model compared with our word-level one.

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** *Advantage:* the vocabulary is tiny (a few dozen symbols), so the
# embedding and output layers are small and cheap, and there are no out-of-vocabulary
# words: the model can spell rare words, names or new word forms instead of writing
# `<UNK>`. *Disadvantage:* sequences become several times longer (one step per
# character), so training and sampling are slower, and the dependencies the model has
# to learn span many more timesteps (to keep a sentence coherent it must remember
# what it wrote tens of steps ago), which is harder with vanishing gradients; it can
# also produce misspelled, non-existent words.

# %% [raw]
# # END SOLUTION

# %% [raw]
# # END QUESTION

# %% [markdown]
# ## Submitting
#
# Your code lives in `cs231n/rnn_layers.py` and `cs231n/classifiers/rnn.py`; this
# notebook only calls it. Check a question with `grader.check("<question>")` above, or
# from a terminal with `a3 check <question>` (in this folder). When you are done, pack
# your work with `a3 submit` and upload the zip it writes. The grader runs hidden tests
# on your functions (other inputs, and the training questions) in addition to the public
# ones you see here; the written answers in this notebook are read by the staff.
