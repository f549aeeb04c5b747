"""Plausible wrong versions of CaptioningRNN.loss that break training: the training question
(cell_type='rnn') runs a few steps of the solver with them, with Adam and with plain SGD, and
their run must part from the reference's."""

from mutants import edit, rnn_loss
from mutants.rnn_loss import SOFTMAX

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

gradient_ascent = edit(
    "gradient_ascent",
    "Returns the gradients with the wrong sign (d(-loss)), so the solver climbs the loss.",
    (SOFTMAX, SOFTMAX + "        dscores = -dscores\n"),
)

targets_are_inputs = edit(
    "targets_are_inputs",
    "Trains on captions_in as targets: learns to repeat the current word.",
    *rnn_loss.targets_are_inputs.changes,
)

zero_initial_state = edit(
    "zero_initial_state",
    "Starts from h0 = 0: the model never sees the image, so it cannot tell captions apart.",
    *rnn_loss.zero_initial_state.changes,
)

frozen_embeddings = edit(
    "frozen_embeddings",
    "Returns a zero gradient for W_embed (the word vectors never learn).",
    ("word_embedding_backward(dx, embed_cache)", "np.zeros_like(W_embed)"),
)

frozen_Wx = edit(
    "frozen_Wx",
    "Returns a zero gradient for Wx (input-to-hidden weights never learn).",
    ("        grads['W_embed'] =", "        grads['Wx'] = np.zeros_like(Wx)\n        grads['W_embed'] ="),
)

only_output_layer_learns = edit(
    "only_output_layer_learns",
    "Stops back-propagation at the vocabulary layer: every other gradient is zero.",
    ("            dscores, vocab_cache)\n", "            dscores, vocab_cache)\n        dh = np.zeros_like(dh)\n"),
)

gradients_times_10 = edit(
    "gradients_times_10",
    "Every gradient 10x too large (the loss is right): a sum over the minibatch where the course "
    "averages. Adam does not see a constant scale; plain SGD does.",
    (SOFTMAX, SOFTMAX + "        dscores = dscores * 10\n"),
)

gradients_halved = edit(
    "gradients_halved",
    "Every gradient half as large as it should be (the loss is right).",
    (SOFTMAX, SOFTMAX + "        dscores = dscores * 0.5\n"),
)

zero_gradients = edit(
    "zero_gradients",
    "The right loss, but every gradient zero (computed, then returned as fresh zero arrays).",
    (
        "        # END SOLUTION\n",
        "        grads = {k: np.zeros_like(v) for k, v in self.params.items()}\n        # END SOLUTION\n",
    ),
)

missing_b_proj_grad = rnn_loss.missing_b_proj_grad  # grads without 'b_proj': the solver cannot update it

stale_embedding_gradient = edit(
    "stale_embedding_gradient",
    "Keeps the word-vector gradient in an array made on the first call and never zeroed: right "
    "on the first call (so the loss questions pass), summed over every earlier step after.",
    (
        "        grads['W_embed'] = word_embedding_backward(dx, embed_cache)\n",
        "        if not hasattr(self, '_dW_embed'):\n"
        "            self._dW_embed = np.zeros_like(W_embed)\n"
        "        np.add.at(self._dW_embed, captions_in, dx)\n"
        "        grads['W_embed'] = self._dW_embed\n",
    ),
)

MUTANTS = [
    gradient_ascent,
    targets_are_inputs,
    zero_initial_state,
    only_output_layer_learns,
    frozen_embeddings,
    frozen_Wx,
    gradients_times_10,
    gradients_halved,
    zero_gradients,
    missing_b_proj_grad,
    stale_embedding_gradient,
]
