"""lstm_sample grades the CaptioningRNN.sample of rnn_sample with cell_type='lstm': the
same equivalents (each handles both cell types; graded once)."""

from equivalents.rnn_sample import EQUIVALENTS, TARGET  # noqa: F401
