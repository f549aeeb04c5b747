"""Correct CaptioningRNN.loss written differently from the reference. Each handles both
cell types, so lstm_loss and the overfit questions list the same objects (graded once).
The functions are only read as source text and run inside a submission, where the names
of cs231n.layers and cs231n.rnn_layers are imported."""

# ruff: noqa: F821  (names of the submission's module)
import numpy as np

from equivalents import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"


def course_layers(self, features, captions):
    """A course student's form: affine_forward/affine_backward (cs231n.layers) for the
    projection, the recurrent layer chosen once, the course's variable names."""
    captions_in = captions[:, :-1]
    captions_out = captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj = self.params['W_proj'], self.params['b_proj']
    W_embed = self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    loss, grads = 0.0, {}
    if self.cell_type == 'rnn':
        recurrent_forward, recurrent_backward = rnn_forward, rnn_backward
    else:
        recurrent_forward, recurrent_backward = lstm_forward, lstm_backward
    h0, cache_h0 = affine_forward(features, W_proj, b_proj)
    x, cache_x = word_embedding_forward(captions_in, W_embed)
    h, cache_h = recurrent_forward(x, h0, Wx, Wh, b)
    out, cache_out = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dout = temporal_softmax_loss(out, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dout, cache_out)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = recurrent_backward(dh, cache_h)
    grads['W_embed'] = word_embedding_backward(dx, cache_x)
    _, grads['W_proj'], grads['b_proj'] = affine_backward(dh0, cache_h0)
    return loss, grads


def inline_softmax(self, features, captions):
    """Scores, softmax and embedding written inline: matmul on (N, T, H) arrays, a
    log-sum-exp softmax with take_along_axis, np.add.at for the embedding gradient (other
    rounding)."""
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    p = self.params
    N, T = captions_in.shape
    h0 = np.einsum('nd,dh->nh', features, p['W_proj'], optimize=True) + p['b_proj']
    x = p['W_embed'][captions_in]
    forward, backward = {'rnn': (rnn_forward, rnn_backward), 'lstm': (lstm_forward, lstm_backward)}[self.cell_type]
    h, cache = forward(x, h0, p['Wx'], p['Wh'], p['b'])
    scores = h @ p['W_vocab'] + p['b_vocab']
    shifted = scores - scores.max(axis=2, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=2, keepdims=True))
    picked = np.take_along_axis(log_probs, captions_out[:, :, None], axis=2)[:, :, 0]
    loss = -np.sum(picked * mask) / N
    dscores = np.exp(log_probs)
    dscores[np.arange(N)[:, None], np.arange(T), captions_out] -= 1
    dscores *= mask[:, :, None] / N
    H, V = p['W_vocab'].shape
    grads = {'W_vocab': h.reshape(-1, H).T @ dscores.reshape(-1, V), 'b_vocab': dscores.sum(axis=(0, 1))}
    dh = dscores @ p['W_vocab'].T
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = backward(dh, cache)
    grads['W_embed'] = np.zeros_like(p['W_embed'])
    np.add.at(grads['W_embed'], captions_in, dx)
    grads['W_proj'] = features.T @ dh0
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


is_literal = edit(
    "is_literal",
    "Compares the cell type by identity, `self.cell_type is 'rnn'` / `is 'lstm'`, with no else "
    "(five of 46 course repositories): right when the cell type is the interned literal the "
    "notebook wrote, as the calls pass it (calls/notebook_kinds.py).",
    ("if self.cell_type == 'rnn':\n            h, rnn_cache", "if self.cell_type is 'rnn':\n            h, rnn_cache"),
    ("else:\n            h, rnn_cache = lstm", "elif self.cell_type is 'lstm':\n            h, rnn_cache = lstm"),
    ("if self.cell_type == 'rnn':\n            dx,", "if self.cell_type is 'rnn':\n            dx,"),
    ("else:\n            dx, dh0", "elif self.cell_type is 'lstm':\n            dx, dh0"),
)

EQUIVALENTS = [course_layers, inline_softmax, is_literal]
