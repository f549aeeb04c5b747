"""Plausible wrong versions of CaptioningRNN.sample (greedy captioning), graded with
cell_type='lstm' (each also handles 'rnn' the way a student's would)."""

from mutants import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.sample"

from mutants.rnn_sample import (  # the same bugs, graded with cell_type='lstm'
    starts_with_null,
    start_in_first_column,
    hidden_state_not_carried,
    scores_from_previous_state,
    float_captions,
    end_replaced_by_null,
    ignores_max_length,
    always_feeds_start,
)

initial_cell_is_h0 = edit(
    "initial_cell_is_h0",
    "Starts the LSTM cell state from the projected features (like h0) instead of zeros.",
    ("prev_c = np.zeros_like(prev_h)", "prev_c = prev_h.copy()"),
)

cell_state_not_carried = edit(
    "cell_state_not_carried",
    "Keeps the hidden state but resets the LSTM cell state to zero at every step.",
    ("lstm_step_forward(x, prev_h, prev_c,", "lstm_step_forward(x, prev_h, np.zeros_like(prev_h),"),
)


MUTANTS = [
    starts_with_null,
    start_in_first_column,
    hidden_state_not_carried,
    scores_from_previous_state,
    float_captions,
    end_replaced_by_null,
    initial_cell_is_h0,
    cell_state_not_carried,
    always_feeds_start,
    ignores_max_length,
]
