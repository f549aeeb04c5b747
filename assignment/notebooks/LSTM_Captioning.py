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
# # Image Captioning with LSTMs
# In the previous notebook you implemented a vanilla RNN and used it for image
# captioning. In this notebook you will implement the LSTM update rule and use it
# for the same task. As before, your code goes into `cs231n/rnn_layers.py` and
# `cs231n/classifiers/rnn.py`; `grader.check("<question>")` runs the public tests
# of a question.

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
# ## Load the captioning data
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
# A few training scenes with one of their captions:

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
# # LSTM
# Vanilla RNNs are hard to train on long sequences: repeated multiplication by the
# same recurrent matrix makes gradients explode or vanish as they flow back in
# time. LSTMs (long short-term memory networks) fix this with a different update
# rule that keeps a separate cell state, changed only by elementwise gates.
#
# Like the vanilla RNN, at each timestep the LSTM receives an input
# $x_t\in\mathbb{R}^D$ and the previous hidden state $h_{t-1}\in\mathbb{R}^H$;
# it also keeps an $H$-dimensional *cell state* $c_{t-1}\in\mathbb{R}^H$. Its
# learnable parameters are an *input-to-hidden* matrix
# $W_x\in\mathbb{R}^{D\times 4H}$, a *hidden-to-hidden* matrix
# $W_h\in\mathbb{R}^{H\times 4H}$ and a *bias* $b\in\mathbb{R}^{4H}$.
#
# At each timestep we first compute an *activation vector*
# $a = x_t W_x + h_{t-1} W_h + b \in\mathbb{R}^{4H}$ and split it into four
# blocks of $H$ entries, $a_i, a_f, a_o, a_g$, in this order. From them we compute
# the *input gate* $i = \sigma(a_i)$, the *forget gate* $f = \sigma(a_f)$, the
# *output gate* $o = \sigma(a_o)$ and the *block input* $g = \tanh(a_g)$, where
# $\sigma$ is the logistic sigmoid. Finally
#
# $$c_t = f\odot c_{t-1} + i\odot g \hspace{4pc} h_t = o\odot\tanh(c_t)$$
#
# where $\odot$ is the elementwise product. The initial cell state is zero.
#
# In code we work on minibatches, with row vectors: $X_t\in\mathbb{R}^{N\times D}$
# and $A = X_t W_x + H_{t-1} W_h + b \in\mathbb{R}^{N\times 4H}$.

# %% [raw]
# # BEGIN QUESTION
# name: lstm_step_forward

# %% [markdown]
# # LSTM: step forward
# Implement `lstm_step_forward` in `cs231n/rnn_layers.py`: one timestep of the
# LSTM as described above (use the numerically stable `sigmoid` given in the
# same file). Store in the cache what the backward pass will need.
#
# You should see errors around `{{threshold:lstm_step_forward}}` or less.

# %%
N, D, H = 3, 4, 5
x = np.linspace(-0.4, 1.2, num=N*D).reshape(N, D)
prev_h = np.linspace(-0.3, 0.7, num=N*H).reshape(N, H)
prev_c = np.linspace(-0.4, 0.9, num=N*H).reshape(N, H)
Wx = np.linspace(-2.1, 1.3, num=4*D*H).reshape(D, 4 * H)
Wh = np.linspace(-0.7, 2.2, num=4*H*H).reshape(H, 4 * H)
b = np.linspace(0.3, 0.7, num=4*H)

next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)

expected_next_h = np.asarray([
    [ 0.24635157,  0.28610883,  0.32240467,  0.35525807,  0.38474904],
    [ 0.49223563,  0.55611431,  0.61507696,  0.66844003,  0.7159181 ],
    [ 0.56735664,  0.66310127,  0.74419266,  0.80889665,  0.858299  ]])
expected_next_c = np.asarray([
    [ 0.32986176,  0.39145139,  0.451556,    0.51014116,  0.56717407],
    [ 0.66382255,  0.76674007,  0.87195994,  0.97902709,  1.08751345],
    [ 0.74192008,  0.90592151,  1.07717006,  1.25120233,  1.42395676]])

print('next_h error: ', rel_error(expected_next_h, next_h))
print('next_c error: ', rel_error(expected_next_c, next_c))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: lstm_step_backward

# %% [markdown]
# # LSTM: step backward
# Implement `lstm_step_backward` in `cs231n/rnn_layers.py`: the gradients of one
# LSTM step with respect to its input, previous hidden and cell states, and
# parameters, given the upstream gradients of `next_h` and `next_c`. Remember
# that `next_c` reaches the loss both directly and through `next_h`.
#
# You should see errors around `{{threshold:lstm_step_backward}}` or less.

# %%
np.random.seed(231)

N, D, H = 4, 5, 6
x = np.random.randn(N, D)
prev_h = np.random.randn(N, H)
prev_c = np.random.randn(N, H)
Wx = np.random.randn(D, 4 * H)
Wh = np.random.randn(H, 4 * H)
b = np.random.randn(4 * H)

next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)

dnext_h = np.random.randn(*next_h.shape)
dnext_c = np.random.randn(*next_c.shape)

fx_h = lambda x: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
fh_h = lambda h: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
fc_h = lambda c: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
fWx_h = lambda Wx: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
fWh_h = lambda Wh: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
fb_h = lambda b: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]

fx_c = lambda x: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
fh_c = lambda h: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
fc_c = lambda c: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
fWx_c = lambda Wx: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
fWh_c = lambda Wh: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
fb_c = lambda b: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]

num_grad = eval_numerical_gradient_array

dx_num = num_grad(fx_h, x, dnext_h) + num_grad(fx_c, x, dnext_c)
dh_num = num_grad(fh_h, prev_h, dnext_h) + num_grad(fh_c, prev_h, dnext_c)
dc_num = num_grad(fc_h, prev_c, dnext_h) + num_grad(fc_c, prev_c, dnext_c)
dWx_num = num_grad(fWx_h, Wx, dnext_h) + num_grad(fWx_c, Wx, dnext_c)
dWh_num = num_grad(fWh_h, Wh, dnext_h) + num_grad(fWh_c, Wh, dnext_c)
db_num = num_grad(fb_h, b, dnext_h) + num_grad(fb_c, b, dnext_c)

dx, dh, dc, dWx, dWh, db = lstm_step_backward(dnext_h, dnext_c, cache)

print('dx error: ', rel_error(dx_num, dx))
print('dh error: ', rel_error(dh_num, dh))
print('dc error: ', rel_error(dc_num, dc))
print('dWx error: ', rel_error(dWx_num, dWx))
print('dWh error: ', rel_error(dWh_num, dWh))
print('db error: ', rel_error(db_num, db))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: lstm_forward

# %% [markdown]
# # LSTM: forward
# Implement `lstm_forward` in `cs231n/rnn_layers.py`: run the LSTM forward over a
# whole sequence by calling `lstm_step_forward` at every timestep. The initial
# cell state is zero; only the hidden states are returned.
#
# You should see an error around `{{threshold:lstm_forward}}` or less.

# %%
N, D, H, T = 2, 5, 4, 3
x = np.linspace(-0.4, 0.6, num=N*T*D).reshape(N, T, D)
h0 = np.linspace(-0.4, 0.8, num=N*H).reshape(N, H)
Wx = np.linspace(-0.2, 0.9, num=4*D*H).reshape(D, 4 * H)
Wh = np.linspace(-0.3, 0.6, num=4*H*H).reshape(H, 4 * H)
b = np.linspace(0.2, 0.7, num=4*H)

h, cache = lstm_forward(x, h0, Wx, Wh, b)

expected_h = np.asarray([
 [[ 0.01764008,  0.01823233,  0.01882671,  0.0194232 ],
  [ 0.11287491,  0.12146228,  0.13018446,  0.13902939],
  [ 0.31358768,  0.33338627,  0.35304453,  0.37250975]],
 [[ 0.45767879,  0.4761092,   0.4936887,   0.51041945],
  [ 0.6704845,   0.69350089,  0.71486014,  0.7346449 ],
  [ 0.81733511,  0.83677871,  0.85403753,  0.86935314]]])

print('h error: ', rel_error(expected_h, h))

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: lstm_backward

# %% [markdown]
# # LSTM: backward
# Implement `lstm_backward` in `cs231n/rnn_layers.py`: backpropagation through
# time for the whole sequence, calling `lstm_step_backward` at each timestep from
# the last to the first, carrying the gradients of both the hidden and the cell
# state.
#
# You should see errors around `{{threshold:lstm_backward}}` or less (`dWh` may show a few `1e-6`: with
# these inputs one of its entries is tiny, and the numerical gradient itself is
# off by more than that relative amount).

# %%
from cs231n.rnn_layers import lstm_forward, lstm_backward
np.random.seed(231)

N, D, T, H = 2, 3, 10, 6

x = np.random.randn(N, T, D)
h0 = np.random.randn(N, H)
Wx = np.random.randn(D, 4 * H)
Wh = np.random.randn(H, 4 * H)
b = np.random.randn(4 * H)

out, cache = lstm_forward(x, h0, Wx, Wh, b)

dout = np.random.randn(*out.shape)

dx, dh0, dWx, dWh, db = lstm_backward(dout, cache)

fx = lambda x: lstm_forward(x, h0, Wx, Wh, b)[0]
fh0 = lambda h0: lstm_forward(x, h0, Wx, Wh, b)[0]
fWx = lambda Wx: lstm_forward(x, h0, Wx, Wh, b)[0]
fWh = lambda Wh: lstm_forward(x, h0, Wx, Wh, b)[0]
fb = lambda b: lstm_forward(x, h0, Wx, Wh, b)[0]

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

# %% [markdown]
# # LSTM captioning model
# Now that you have the LSTM layers, update `CaptioningRNN.loss` and
# `CaptioningRNN.sample` in `cs231n/classifiers/rnn.py` so that they also work when
# `self.cell_type` is `'lstm'` (a few lines each).

# %% [raw]
# # BEGIN QUESTION
# name: lstm_loss

# %% [markdown]
# ## LSTM captioning model: loss
# With `cell_type='lstm'`, the loss below should differ from the expected loss by
# about `1e-10` or less.

# %%
N, D, W, H = 10, 20, 30, 40
word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
V = len(word_to_idx)
T = 13

model = CaptioningRNN(word_to_idx,
          input_dim=D,
          wordvec_dim=W,
          hidden_dim=H,
          cell_type='lstm',
          dtype=np.float64)

# Set all model parameters to fixed values
for k, v in model.params.items():
  model.params[k] = np.linspace(-1.4, 1.3, num=v.size).reshape(*v.shape)

features = np.linspace(-0.5, 1.7, num=N*D).reshape(N, D)
captions = (np.arange(N * T) % V).reshape(N, T)

loss, grads = model.loss(features, captions)
expected_loss = 9.82445935443

print('loss: ', loss)
print('expected loss: ', expected_loss)
print('difference: ', abs(loss - expected_loss))

# %% [raw]
# # END QUESTION

# %% [markdown]
# # Overfit the LSTM captioning model
# Now that the loss and its gradients are correct, use `CaptioningSolver` (given,
# in `cs231n/captioning_solver.py`) to train the model on a tiny data set of 50
# training captions. A correct model drives the loss close to zero: you should see
# a final loss below 0.5. This run itself is not graded. The graded question
# (`lstm_overfit`, a hidden test, so no public test here) trains a small model of yours for
# a few seeded steps with `CaptioningSolver`, once with Adam and once with plain SGD,
# and compares every step's loss and parameters with the reference's: gradients that
# are right only up to a constant factor, or that keep something from one call of
# `loss` to the next, fail it even when this run reaches a low loss.

# %% tags=["otter_ignore"]
np.random.seed(231)

small_data = load_coco_data(max_train=50)

small_lstm_model = CaptioningRNN(
          cell_type='lstm',
          word_to_idx=data['word_to_idx'],
          input_dim=data['train_features'].shape[1],
          hidden_dim=512,
          wordvec_dim=256,
          dtype=np.float32,
        )

small_lstm_solver = CaptioningSolver(small_lstm_model, small_data,
           update_rule='adam',
           num_epochs=50,
           batch_size=25,
           optim_config={
             'learning_rate': 5e-3,
           },
           lr_decay=0.95,
           verbose=True, print_every=10,
         )

small_lstm_solver.train()

# Plot the training losses
plt.plot(small_lstm_solver.loss_history)
plt.xlabel('Iteration')
plt.ylabel('Loss')
plt.title('Training loss history')
plt.show()
print('Final loss: %f (should be below 0.5)' % small_lstm_solver.loss_history[-1])

# %% [raw]
# # BEGIN QUESTION
# name: lstm_sample

# %% [markdown]
# # LSTM test-time sampling
# Update `CaptioningRNN.sample` for `cell_type='lstm'` (keep a cell state next to
# the hidden state, starting at zero). The overfit model's samples should again be
# good on training images and poor on validation images.

# %% tags=["otter_ignore"]
# Greedy captions on a few training and validation images, next to the
# ground-truth caption of the image.
np.random.seed(231)
for split in ['train', 'val']:
    minibatch = sample_coco_minibatch(small_data, split=split, batch_size=2)
    gt_captions, features, urls = minibatch
    gt_captions = decode_captions(gt_captions, data['idx_to_word'])

    sample_captions = small_lstm_model.sample(features)
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
# images are poor. Train a LSTM on all the training captions for a few epochs
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
full_lstm_model = CaptioningRNN(
          cell_type='lstm',
          word_to_idx=data['word_to_idx'],
          input_dim=data['train_features'].shape[1],
          hidden_dim=HIDDEN_DIM,
          wordvec_dim=WORDVEC_DIM,
          dtype=np.float32,
        )
full_lstm_solver = CaptioningSolver(full_lstm_model, data,
           update_rule='adam',
           num_epochs=NUM_EPOCHS,
           batch_size=100,
           optim_config={'learning_rate': LEARNING_RATE},
           lr_decay=0.9,
           verbose=True, print_every=50,
         )
tic = time.time()
full_lstm_solver.train()
print('Training took %.1f s' % (time.time() - tic))

plt.plot(full_lstm_solver.loss_history)
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

    sample_captions = full_lstm_model.sample(features)
    sample_captions = decode_captions(sample_captions, data['idx_to_word'])

    for gt_caption, sample_caption, url in zip(gt_captions, sample_captions, urls):
        plt.imshow(get_image(data, split, url))
        plt.title('%s\n%s\nGT:%s' % (split, sample_caption, gt_caption))
        plt.axis('off')
        plt.show()

# %% [markdown]
# ## Evaluating the captions: BLEU
# Looking at a few pictures is not a measurement. A standard score for generated
# text is BLEU (Papineni et al., 2002), which counts how many words of a generated
# caption appear in the human reference captions of the same image, with a penalty
# for captions that are too short. `cs231n/bleu.py` (given) computes the unigram
# version: each validation image gets one greedy caption, scored against *all* the
# reference captions of that image, and the scores are averaged. A score of 1
# means every generated word appears in a reference caption. A well-trained LSTM
# on the shipped data scores above 0.5 on the validation split.

# %% tags=["otter_ignore"]
from cs231n.bleu import evaluate_bleu

train_bleu = evaluate_bleu(full_lstm_model, data, 'train', max_items=1000)
val_bleu = evaluate_bleu(full_lstm_model, data, 'val')
print('Average unigram BLEU on training images: %.4f' % train_bleu)
print('Average unigram BLEU on validation images: %.4f' % val_bleu)

# %% [raw]
# # BEGIN QUESTION
# name: lstm_inline_question_1
# manual: true

# %% [markdown]
# ## Inline Question 1
#
# Explain, in a few sentences, why an LSTM can carry information over many more
# timesteps than a vanilla RNN. Refer to how the gradient of the loss flows back from
# $c_t$ to $c_{t-1}$ in an LSTM and from $h_t$ to $h_{t-1}$ in a vanilla RNN, and say
# what role the forget gate plays.

# %% [raw]
# # BEGIN SOLUTION

# %% [markdown]
# **Answer.** In a vanilla RNN, $h_t = \tanh(x_t W_x + h_{t-1} W_h + b)$, so the
# gradient from $h_t$ to $h_{t-1}$ is multiplied at every step by $W_h^T$ and by the
# tanh derivative ($\le 1$). Over many steps this product of the same matrix makes the
# gradient shrink (largest singular value below 1, saturated tanh) or blow up (above
# 1) exponentially, so the loss at late timesteps hardly trains what happened early.
# In an LSTM, $c_t = f\odot c_{t-1} + i\odot g$: the gradient flows from $c_t$ to
# $c_{t-1}$ through an elementwise multiplication by the forget gate $f$ only, with no
# weight matrix and no squashing nonlinearity on that path (an additive "highway").
# When the network keeps $f$ close to 1 the gradient (and the stored information)
# passes through many timesteps almost unchanged; the gates, which depend on the
# input, learn when to keep, overwrite or expose the memory. So the cell state is a
# much better long-term memory, and the LSTM suffers far less from vanishing
# gradients (exploding gradients are still handled by clipping).

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
