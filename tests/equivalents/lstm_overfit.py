"""lstm_overfit (the training run) grades the CaptioningRNN.loss of rnn_loss: the same
equivalents as rnn_overfit (graded once)."""

from equivalents.rnn_overfit import EQUIVALENTS, TARGET  # noqa: F401
