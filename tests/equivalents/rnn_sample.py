"""Correct CaptioningRNN.sample written differently from the reference: the course said
"you do not need to stop generating after an <END> token is sampled, but you can if you
want to". Each handles both cell types, so lstm_sample lists the same objects."""

# ruff: noqa: F821  (names of the submission's module)
import numpy as np

from equivalents import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.sample"


def keeps_writing_after_end(self, features, max_length=30):
    """A course student's sampler: affine_forward (cs231n.layers) for the initial state
    and the scores, word_embedding_forward, and words written after <END> too."""
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_proj, b_proj = self.params['W_proj'], self.params['b_proj']
    W_embed = self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    h, _ = affine_forward(features, W_proj, b_proj)
    c = np.zeros_like(h)
    word = self._start * np.ones(N, dtype=np.int32)
    for t in range(max_length):
        x, _ = word_embedding_forward(word, W_embed)
        if self.cell_type == 'rnn':
            h, _ = rnn_step_forward(x, h, Wx, Wh, b)
        else:
            h, c, _ = lstm_step_forward(x, h, c, Wx, Wh, b)
        scores, _ = affine_forward(h, W_vocab, b_vocab)
        word = np.argmax(scores, axis=1)
        captions[:, t] = word
    return captions


def stops_when_all_ended(self, features, max_length=30):
    """Writes only the captions not yet ended, leaves <NULL> after <END>, and stops the
    loop once every caption has ended; scores by temporal_affine_forward on (N, 1, H)."""
    p = self.params
    N = features.shape[0]
    captions = np.full((N, max_length), self._null, dtype=np.int64)
    h = features @ p['W_proj'] + p['b_proj']
    c = np.zeros_like(h)
    word = np.full(N, self._start)
    ended = np.zeros(N, dtype=bool)
    for t in range(max_length):
        if self.cell_type == 'rnn':
            h, _ = rnn_step_forward(p['W_embed'][word], h, p['Wx'], p['Wh'], p['b'])
        else:
            h, c, _ = lstm_step_forward(p['W_embed'][word], h, c, p['Wx'], p['Wh'], p['b'])
        scores, _ = temporal_affine_forward(h[:, None, :], p['W_vocab'], p['b_vocab'])
        word = scores[:, 0, :].argmax(axis=1)
        captions[~ended, t] = word[~ended]
        ended |= word == self._end
        if ended.all():
            break
    return captions


is_literal = edit(
    "is_literal",
    "Compares the cell type by identity, `self.cell_type is 'rnn'` / `is 'lstm'`, with no else "
    "(as some course students did): right for the interned literal the notebook passed.",
    ("if self.cell_type == 'rnn':\n                prev_h", "if self.cell_type is 'rnn':\n                prev_h"),
    ("else:\n                prev_h, prev_c", "elif self.cell_type is 'lstm':\n                prev_h, prev_c"),
)

EQUIVALENTS = [keeps_writing_after_end, stops_when_all_ended, is_literal]
