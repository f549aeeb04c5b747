"""Hidden tests of compute_saliency_maps: the (N, H, W) saliency maps of held-out pictures
for their true labels (public) and for other labels (hidden), against the reference's,
by their largest difference relative to the largest saliency value (threshold in
grading_config.yml)."""

import numpy as np

from autograder.hidden_tests._netvis import heldout_inputs


def true_labels(rng):
    X, y = heldout_inputs(rng.choice(100, 5, replace=False))
    return dict(X=X, y=y)


def other_labels(rng):
    X, y = heldout_inputs(rng.choice(100, 4, replace=False))
    return dict(X=X, y=(y + rng.randint(1, 5, size=len(y))) % 5)


CASES = {"true_labels": true_labels, "other_labels": other_labels}


IMAGES = ("saliency",)  # shown in the HTML feedback (autograder/grade/judging/images.py)
