"""Correct temporal_softmax_loss (given code) written differently from the reference."""

from equivalents import edit

TARGET = "cs231n/rnn_layers.py::temporal_softmax_loss"

log_sum_exp = edit(
    "log_sum_exp",
    "Log-probabilities by log-sum-exp; the probabilities as their exponential.",
    (
        "    probs = np.exp(x_flat - np.max(x_flat, axis=1, keepdims=True))\n"
        "    probs /= np.sum(probs, axis=1, keepdims=True)\n"
        "    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N\n",
        "    shifted = x_flat - np.max(x_flat, axis=1, keepdims=True)\n"
        "    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))\n"
        "    probs = np.exp(log_probs)\n"
        "    loss = -np.sum(log_probs[np.arange(N * T), y_flat][mask_flat]) / N\n",
    ),
)

EQUIVALENTS = [log_sum_exp]
