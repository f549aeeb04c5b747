"""Grace's style loss (Part 4) forgets the per-layer style weights: every layer counts with
weight 1 (a plausible slip: the weights look like a detail of the transfer loop)."""


def style_loss(feats, style_layers, style_targets, style_weights):
    loss = 0.0
    for i, layer in enumerate(style_layers):
        gram = gram_matrix(feats[layer])
        loss += tf.reduce_sum((gram - style_targets[i]) ** 2)
    return loss


REPLACE = {"cs231n/style_transfer.py::style_loss": style_loss}
