"""Plausible wrong versions of CaptioningRNN.loss, graded with cell_type='lstm' (each also
handles 'rnn' the way a student's would)."""

from mutants import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

from mutants.rnn_loss import (  # the same bugs, graded with cell_type='lstm'
    ignores_mask,
    zero_initial_state,
    averaged_over_time,
    targets_are_inputs,
    projection_without_bias,
    W_proj_grad_averaged,
    mask_from_inputs,
    missing_b_proj_grad,
)

backward_always_rnn = edit(
    "backward_always_rnn",
    "Runs lstm_forward for an LSTM but always back-propagates with rnn_backward.",
    ("= lstm_backward(", "= rnn_backward("),
)


MUTANTS = [
    ignores_mask,
    zero_initial_state,
    averaged_over_time,
    targets_are_inputs,
    projection_without_bias,
    W_proj_grad_averaged,
    backward_always_rnn,
    mask_from_inputs,
    missing_b_proj_grad,
]
