"""Plausible wrong versions of CaptioningRNN.loss, graded with cell_type='rnn' (each also
handles 'lstm' the way a student's would)."""

from mutants import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

MASK = "mask = (captions_out != self._null)"
H0 = "h0 = features.dot(W_proj) + b_proj"
SOFTMAX = "        loss, dscores = temporal_softmax_loss(scores, captions_out, mask)\n"
PROJ_GRADS = "grads['W_proj'] = features.T.dot(dh0)\n        grads['b_proj'] = dh0.sum(axis=0)"

ignores_mask = edit(
    "ignores_mask",
    "Forgets the mask: <NULL> targets count in the loss and the gradients.",
    (MASK, "mask = np.ones(captions_out.shape, dtype=bool)"),
)

zero_initial_state = edit(
    "zero_initial_state",
    "Starts the RNN from h0 = 0 instead of the projected image features.",
    (H0, "h0 = np.zeros((features.shape[0], W_proj.shape[1]))"),
    (PROJ_GRADS, "grads['W_proj'] = np.zeros_like(W_proj)\n        grads['b_proj'] = np.zeros_like(b_proj)"),
)

averaged_over_time = edit(
    "averaged_over_time",
    "Divides the loss (and so every gradient) by the number of time steps too.",
    (SOFTMAX, SOFTMAX + "        T = captions_in.shape[1]\n        loss, dscores = loss / T, dscores / T\n"),
)

targets_are_inputs = edit(
    "targets_are_inputs",
    "Uses captions_in as the targets (predicts the current word, not the next one).",
    (MASK, "mask = (captions_in != self._null)"),
    ("temporal_softmax_loss(scores, captions_out, mask)", "temporal_softmax_loss(scores, captions_in, mask)"),
)

projection_without_bias = edit(
    "projection_without_bias",
    "Forgets b_proj in the initial state h0 = features W_proj (its gradient still returned).",
    (H0, "h0 = features.dot(W_proj)"),
)

W_proj_grad_averaged = edit(
    "W_proj_grad_averaged",
    "Divides the W_proj and b_proj gradients by N a second time (the loss is already averaged).",
    ("features.T.dot(dh0)", "features.T.dot(dh0) / features.shape[0]"),
    ("dh0.sum(axis=0)", "dh0.mean(axis=0)"),
)

mask_from_inputs = edit(
    "mask_from_inputs",
    "Builds the mask from captions_in instead of captions_out (counts the <NULL> after <END>).",
    (MASK, "mask = (captions_in != self._null)"),
)

missing_b_proj_grad = edit(
    "missing_b_proj_grad",
    "Forgets to return the gradient of b_proj.",
    ("        grads['b_proj'] = dh0.sum(axis=0)\n", ""),
)


MUTANTS = [
    ignores_mask,
    zero_initial_state,
    averaged_over_time,
    targets_are_inputs,
    projection_without_bias,
    W_proj_grad_averaged,
    mask_from_inputs,
    missing_b_proj_grad,
]
