"""Plausible wrong versions of CaptioningRNN.loss that break training: the training question
(cell_type='lstm') runs a few steps of the solver with them, with Adam and with plain SGD, and
their run must part from the reference's."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

from mutants.rnn_overfit import (  # the same bugs, graded with cell_type='lstm'
    gradient_ascent,
    targets_are_inputs,
    zero_initial_state,
    frozen_embeddings,
    frozen_Wx,
    only_output_layer_learns,
    gradients_times_10,
    gradients_halved,
    zero_gradients,
    missing_b_proj_grad,
    stale_embedding_gradient,
)

MUTANTS = [
    gradient_ascent,
    targets_are_inputs,
    zero_initial_state,
    frozen_embeddings,
    frozen_Wx,
    only_output_layer_learns,
    gradients_times_10,
    gradients_halved,
    zero_gradients,
    missing_b_proj_grad,
    stale_embedding_gradient,
]
