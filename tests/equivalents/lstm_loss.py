"""lstm_loss grades the CaptioningRNN.loss of rnn_loss with cell_type='lstm': the same
equivalents (each handles both cell types; graded once)."""

from equivalents.rnn_loss import EQUIVALENTS, TARGET  # noqa: F401
