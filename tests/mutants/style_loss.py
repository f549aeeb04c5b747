"""Plausible wrong versions of style_loss."""

from mutants import edit

TARGET = "cs231n/style_transfer.py::style_loss"

TERM = "style_weights[i] * tf.reduce_sum(tf.square(gram - style_targets[i]))"

MUTANTS = [
    edit(
        "no_layer_weights",
        "Forgets the per-layer weights style_weights[i].",
        (TERM, "tf.reduce_sum(tf.square(gram - style_targets[i]))"),
    ),
    edit(
        "feats_by_position",
        "Takes feats[i] (the i-th layer) instead of feats[style_layers[i]].",
        ("gram_matrix(feats[layer])", "gram_matrix(feats[i])"),
    ),
    edit(
        "unnormalised_gram",
        "Uses the Gram matrix without normalisation.",
        ("gram_matrix(feats[layer])", "gram_matrix(feats[layer], normalize=False)"),
    ),
    edit(
        "only_last_layer",
        "Overwrites the loss at each layer instead of adding: only the last layer counts.",
        ("loss += style_weights[i]", "loss = style_weights[i]"),
    ),
]
