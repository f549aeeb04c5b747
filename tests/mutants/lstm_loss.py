"""Plausible wrong versions of CaptioningRNN.loss, graded with cell_type='lstm' (each also
handles 'rnn' the way a student's would)."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

from mutants.rnn_loss import (  # the same bugs, graded with cell_type='lstm'
    ignores_mask,
    zero_initial_state,
    averaged_over_time,
    targets_are_inputs,
    projection_without_bias,
    W_proj_grad_averaged,
    mask_from_inputs,
    missing_b_proj_grad,
)


def backward_always_rnn(self, features, captions):
    """Runs lstm_forward for an LSTM but always back-propagates with rnn_backward."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd = rnn_forward if self.cell_type == 'rnn' else lstm_forward
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = rnn_backward(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads



MUTANTS = [ignores_mask, zero_initial_state, averaged_over_time, targets_are_inputs,
           projection_without_bias, W_proj_grad_averaged, backward_always_rnn,
           mask_from_inputs, missing_b_proj_grad]
