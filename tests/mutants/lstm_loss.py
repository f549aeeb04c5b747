"""Plausible wrong versions of CaptioningRNN.loss, graded with cell_type='lstm' (each also
handles 'rnn' the way a student's would)."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"


def ignores_mask(self, features, captions):
    """Forgets the mask: <NULL> targets count in the loss and the gradients."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = np.ones(captions_out.shape, dtype=bool)
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
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def zero_initial_state(self, features, captions):
    """Starts the RNN from h0 = 0 instead of the projected image features."""
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


def averaged_over_time(self, features, captions):
    """Divides the loss (and so every gradient) by the number of time steps too."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    T = captions_in.shape[1]
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
    loss, dscores = loss / T, dscores / T
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def targets_are_inputs(self, features, captions):
    """Uses captions_in as the targets (predicts the current word, not the next one)."""
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


def projection_without_bias(self, features, captions):
    """Forgets b_proj in the initial state h0 = features W_proj (its gradient still returned)."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    h0 = features.dot(W_proj)
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def W_proj_grad_averaged(self, features, captions):
    """Divides the W_proj and b_proj gradients by N a second time (the loss is already averaged)."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
    mask = captions_out != self._null
    W_proj, b_proj, W_embed = self.params['W_proj'], self.params['b_proj'], self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    grads = {}
    N = features.shape[0]
    h0 = features.dot(W_proj) + b_proj
    x, embed_cache = word_embedding_forward(captions_in, W_embed)
    fwd, bwd = (rnn_forward, rnn_backward) if self.cell_type == 'rnn' else (lstm_forward, lstm_backward)
    h, rnn_cache = fwd(x, h0, Wx, Wh, b)
    scores, vocab_cache = temporal_affine_forward(h, W_vocab, b_vocab)
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0) / N
    grads['b_proj'] = dh0.mean(axis=0)
    return loss, grads



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



def mask_from_inputs(self, features, captions):
    """Builds the mask from captions_in instead of captions_out (counts the <NULL> after <END>)."""
    import numpy as np
    captions_in, captions_out = captions[:, :-1], captions[:, 1:]
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
    loss, dscores = temporal_softmax_loss(scores, captions_out, mask)
    dh, grads['W_vocab'], grads['b_vocab'] = temporal_affine_backward(dscores, vocab_cache)
    dx, dh0, grads['Wx'], grads['Wh'], grads['b'] = bwd(dh, rnn_cache)
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    grads['b_proj'] = dh0.sum(axis=0)
    return loss, grads


def missing_b_proj_grad(self, features, captions):
    """Forgets to return the gradient of b_proj."""
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
    grads['W_embed'] = word_embedding_backward(dx, embed_cache)
    grads['W_proj'] = features.T.dot(dh0)
    return loss, grads


MUTANTS = [ignores_mask, zero_initial_state, averaged_over_time, targets_are_inputs,
           projection_without_bias, W_proj_grad_averaged, backward_always_rnn,
           mask_from_inputs, missing_b_proj_grad]
