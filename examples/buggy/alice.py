"""Alice finished everything, with two classic slips: the embedding gradient drops repeated
words (``dW[x] += dout``), and rnn_backward forgets the gradient flowing back from the next
time step; her sample keeps writing words after <END>, as the course allowed (full marks)."""


def word_embedding_backward(dout, cache):
    x, W_shape = cache
    dW = np.zeros(W_shape)
    dW[x] += dout
    return dW


def rnn_backward(dh, cache):
    N, T, H = dh.shape
    D = cache[0][0].shape[1]
    dx = np.zeros((N, T, D))
    dWx, dWh, db = 0, 0, 0
    dprev = np.zeros((N, H))
    for t in reversed(range(T)):
        dx[:, t], dprev, dWx_t, dWh_t, db_t = rnn_step_backward(dh[:, t], cache[t])
        dWx, dWh, db = dWx + dWx_t, dWh + dWh_t, db + db_t
    return dx, dprev, dWx, dWh, db


def sample(self, features, max_length=30):
    N = features.shape[0]
    captions = self._null * np.ones((N, max_length), dtype=np.int32)
    W_embed = self.params['W_embed']
    Wx, Wh, b = self.params['Wx'], self.params['Wh'], self.params['b']
    h = features.dot(self.params['W_proj']) + self.params['b_proj']
    c = np.zeros_like(h)
    word = np.full(N, self._start)
    for t in range(max_length):
        x = W_embed[word]
        if self.cell_type == 'rnn':
            h, _ = rnn_step_forward(x, h, Wx, Wh, b)
        else:
            h, c, _ = lstm_step_forward(x, h, c, Wx, Wh, b)
        scores = h.dot(self.params['W_vocab']) + self.params['b_vocab']
        word = np.argmax(scores, axis=1)
        captions[:, t] = word
    return captions


REPLACE = {
    "cs231n/rnn_layers.py::word_embedding_backward": word_embedding_backward,
    "cs231n/rnn_layers.py::rnn_backward": rnn_backward,
    "cs231n/classifiers/rnn.py::CaptioningRNN.sample": sample,
}
