"""Plausible wrong versions of CaptioningRNN.sample (greedy captioning), graded with
cell_type='lstm' (each also handles 'rnn' the way a student's would)."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.sample"

from mutants.rnn_sample import (  # the same bugs, graded with cell_type='lstm'
    starts_with_null,
    start_in_first_column,
    no_null_after_end,
    hidden_state_not_carried,
    scores_from_previous_state,
    float_captions,
    end_replaced_by_null,
    ignores_max_length,
    always_feeds_start,
)


def initial_cell_is_h0(self, features, max_length=30):
    """Starts the LSTM cell state from the projected features (like h0) instead of zeros."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = prev_h.copy()
    words = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[words]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions


def cell_state_not_carried(self, features, max_length=30):
    """Keeps the hidden state but resets the LSTM cell state to zero at every step."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    words = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[words]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, _, _ = lstm_step_forward(x, prev_h, np.zeros_like(prev_h), Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions



MUTANTS = [starts_with_null, start_in_first_column, no_null_after_end, hidden_state_not_carried,
           scores_from_previous_state, float_captions, end_replaced_by_null,
           initial_cell_is_h0, cell_state_not_carried, always_feeds_start, ignores_max_length]
