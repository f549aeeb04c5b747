"""Plausible wrong versions of compute_saliency_maps."""

from mutants import edit

TARGET = "cs231n/net_visualization.py::compute_saliency_maps"

REDUCE = "tf.reduce_max(tf.abs(grads), axis=3)"
GATHER = "tf.gather(scores, np.asarray(y, dtype=np.int64), axis=1, batch_dims=1)"

MUTANTS = [
    edit(
        "no_abs",
        "Takes the maximum of the signed gradient over the channels (no absolute value).",
        (REDUCE, "tf.reduce_max(grads, axis=3)"),
    ),
    edit(
        "mean_over_channels",
        "Averages the absolute gradient over the channels instead of taking the maximum.",
        (REDUCE, "tf.reduce_mean(tf.abs(grads), axis=3)"),
    ),
    edit(
        "softmax_probability",
        "Differentiates the softmax probability of the correct class, not its score.",
        (GATHER, "tf.gather(tf.nn.softmax(scores), np.asarray(y, dtype=np.int64), axis=1, batch_dims=1)"),
    ),
    edit(
        "sum_of_all_scores",
        "Differentiates the sum of all class scores instead of the correct class's.",
        (GATHER, "tf.reduce_sum(scores, axis=1)"),
    ),
    edit(
        "training_mode",
        "Calls the model in training mode (batch statistics in batch norm, dropout on).",
        ("scores = model(X)", "scores = model(X, training=True)"),
    ),
]
