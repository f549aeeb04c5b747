"""Plausible wrong versions of CaptioningRNN.loss that break training: the overfit question
(cell_type='rnn') trains with them and must not reach its max_loss."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"


def gradient_ascent(self, features, captions):
    """Returns the gradients with the wrong sign (d(-loss)), so the solver climbs the loss."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dscores = -dscores
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def targets_are_inputs(self, features, captions):
    """Trains on captions_in as targets: learns to repeat the current word."""
    import numpy as np
    captions_in = captions[:, :-1]
    mask = captions_in != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_in, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def zero_initial_state(self, features, captions):
    """Starts from h0 = 0: the model never sees the image, so it cannot tell captions apart."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = np.zeros((features.shape[0], W_proj.shape[1]))
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = np.zeros_like(W_proj)
    grads['b_proj'] = np.zeros_like(b_proj)
    return loss, grads


def frozen_embeddings(self, features, captions):
    """Returns a zero gradient for W_embed (the word vectors never learn)."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = np.zeros_like(W_embed)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def frozen_Wx(self, features, captions):
    """Returns a zero gradient for Wx (input-to-hidden weights never learn)."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, _, grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['Wx'] = np.zeros_like(Wx)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def only_output_layer_learns(self, features, captions):
    """Stops back-propagation at the vocabulary layer: every other gradient is zero."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd = rnn_forward if self.cell_type == 'rnn' else lstm_forward
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    grads = {k: np.zeros_like(v) for k, v in self.params.items()}
    _, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    return loss, grads


MUTANTS = [gradient_ascent, targets_are_inputs, zero_initial_state, only_output_layer_learns,
           frozen_embeddings, frozen_Wx]
