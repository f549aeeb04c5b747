"""Plausible wrong versions of CaptioningRNN.sample (greedy captioning), graded with
cell_type='lstm' (each also handles 'rnn' the way a student's would)."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.sample"


def starts_with_null(self, features, max_length=30):
    """Feeds <NULL> (index 0) as the first word instead of <START>."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    words = np.full(N, self._null, dtype=np.int64)
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


def start_in_first_column(self, features, max_length=30):
    """Writes <START> into the first column and the sampled words from column 1 on."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    captions[:, 0] = self._start
    done = np.zeros(N, dtype=bool)
    for t in range(1, max_length):
        x = W_embed[captions[:, t - 1]]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions


def no_null_after_end(self, features, max_length=30):
    """Keeps generating after <END> (the original course's lax behaviour, not padded with <NULL>)."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    words = np.full(N, self._start, dtype=np.int64)
    for t in range(max_length):
        x = W_embed[words]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = words
    return captions


def hidden_state_not_carried(self, features, max_length=30):
    """Steps from the projected features every time instead of the previous hidden state."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    h0 = features.dot(self.params['W_proj']) + self.params['b_proj']
    c0 = np.zeros_like(h0)
    words = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[words]
        if self.cell_type == 'rnn':
            h, _ = rnn_step_forward(x, h0, Wx, Wh, b)
        else:
            h, c, _ = lstm_step_forward(x, h0, c0, Wx, Wh, b)
        words = np.argmax(h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions


def scores_from_previous_state(self, features, max_length=30):
    """Computes the word scores from the hidden state before the step instead of after it."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    words = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[words]
        scores = prev_h.dot(W_vocab) + b_vocab
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(scores, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions


def float_captions(self, features, max_length=30):
    """Allocates the captions with np.zeros (float64), so word indices come back as floats."""
    import numpy as np
    N = features.shape[0]
    captions = np.zeros((N, max_length))
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
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


def end_replaced_by_null(self, features, max_length=30):
    """Marks a caption done before writing the word, so the <END> itself becomes <NULL>."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    words = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[words]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        done |= words == self._end
        captions[:, t] = np.where(done, self._null, words)
    return captions



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



def ignores_max_length(self, features, max_length=30):
    """Always samples 30 words (hard-coded) whatever max_length is asked for."""
    import numpy as np
    N = features.shape[0]
    max_length = 30
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
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


def always_feeds_start(self, features, max_length=30):
    """Feeds <START> at every step instead of the word sampled at the previous step."""
    import numpy as np
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed, Wx, Wh, b = self.params['W_embed'], self.params['Wx'], self.params['Wh'], self.params['b']
    W_vocab, b_vocab = self.params['W_vocab'], self.params['b_vocab']
    prev_h = features.dot(self.params['W_proj']) + self.params['b_proj']
    prev_c = np.zeros_like(prev_h)
    start = np.full(N, self._start, dtype=np.int64)
    done = np.zeros(N, dtype=bool)
    for t in range(max_length):
        x = W_embed[start]
        if self.cell_type == 'rnn':
            prev_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
        else:
            prev_h, prev_c, _ = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)
        words = np.argmax(prev_h.dot(W_vocab) + b_vocab, axis=1)
        captions[:, t] = np.where(done, self._null, words)
        done |= words == self._end
    return captions


MUTANTS = [starts_with_null, start_in_first_column, no_null_after_end, hidden_state_not_carried,
           scores_from_previous_state, float_captions, end_replaced_by_null,
           initial_cell_is_h0, cell_state_not_carried, always_feeds_start, ignores_max_length]
