"""Plausible wrong versions of CaptioningRNN.loss that break training: the overfit question
(cell_type='rnn') trains with them and must not reach its max_loss."""
from mutants import edit, rnn_loss
from mutants.rnn_loss import SOFTMAX

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

gradient_ascent = edit(
    "gradient_ascent", "Returns the gradients with the wrong sign (d(-loss)), so the solver climbs the loss.",
    (SOFTMAX, SOFTMAX + "        dscores = -dscores\n"))

targets_are_inputs = edit(
    "targets_are_inputs", "Trains on captions_in as targets: learns to repeat the current word.",
    *rnn_loss.targets_are_inputs.changes)

zero_initial_state = edit(
    "zero_initial_state", "Starts from h0 = 0: the model never sees the image, so it cannot tell captions apart.",
    *rnn_loss.zero_initial_state.changes)

frozen_embeddings = edit(
    "frozen_embeddings", "Returns a zero gradient for W_embed (the word vectors never learn).",
    ("word_embedding_backward(dx, embed_cache)", "np.zeros_like(W_embed)"))

frozen_Wx = edit(
    "frozen_Wx", "Returns a zero gradient for Wx (input-to-hidden weights never learn).",
    ("        grads['W_embed'] =", "        grads['Wx'] = np.zeros_like(Wx)\n        grads['W_embed'] ="))

only_output_layer_learns = edit(
    "only_output_layer_learns", "Stops back-propagation at the vocabulary layer: every other gradient is zero.",
    ("            dscores, vocab_cache)\n", "            dscores, vocab_cache)\n        dh = np.zeros_like(dh)\n"))


MUTANTS = [gradient_ascent, targets_are_inputs, zero_initial_state, only_output_layer_learns,
           frozen_embeddings, frozen_Wx]
