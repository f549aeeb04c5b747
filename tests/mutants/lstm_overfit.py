"""Plausible wrong versions of CaptioningRNN.loss that break training: the overfit question
(cell_type='lstm') trains with them and must not reach its max_loss."""

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.loss"

from mutants.rnn_overfit import (  # the same bugs, graded with cell_type='lstm'
    gradient_ascent,
    targets_are_inputs,
    zero_initial_state,
    frozen_embeddings,
    frozen_Wx,
    only_output_layer_learns,
)


# frozen_embeddings and frozen_Wx end near max_loss (0.65 and 0.59 against 0.5); the check
# that every parameter moves during training catches them whatever the final loss.
MUTANTS = [gradient_ascent, targets_are_inputs, zero_initial_state, frozen_embeddings, frozen_Wx,
           only_output_layer_learns]
