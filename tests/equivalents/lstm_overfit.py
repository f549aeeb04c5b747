"""lstm_overfit grades the CaptioningRNN.loss of rnn_loss: the same equivalents (graded once)."""
from equivalents.rnn_loss import EQUIVALENTS, TARGET  # noqa: F401
