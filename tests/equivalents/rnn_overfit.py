"""rnn_overfit (the training run) grades the CaptioningRNN.loss of rnn_loss: the same
equivalents (graded once), and one that only a run of several steps tells from the stale
gradient mutant (tests/mutants/rnn_overfit.py)."""

from equivalents import edit
from equivalents.rnn_loss import EQUIVALENTS as LOSS_EQUIVALENTS, TARGET  # noqa: F401

reused_gradient_buffer = edit(
    "reused_gradient_buffer",
    "Keeps the word-vector gradient in one array made on the first call and zeroed on every "
    "call (np.add.at into it): the same values each step, no new array after the first.",
    (
        "        grads['W_embed'] = word_embedding_backward(dx, embed_cache)\n",
        "        if getattr(self, '_dW_embed', None) is None or self._dW_embed.shape != W_embed.shape:\n"
        "            self._dW_embed = np.zeros_like(W_embed)\n"
        "        self._dW_embed[...] = 0\n"
        "        np.add.at(self._dW_embed, captions_in, dx)\n"
        "        grads['W_embed'] = self._dW_embed\n",
    ),
)

EQUIVALENTS = LOSS_EQUIVALENTS + [reused_gradient_buffer]
