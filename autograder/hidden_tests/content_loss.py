"""Hidden tests of content_loss: the weighted sum of squared feature differences, on
linspace features (as in the notebook) and on random ReLU-like features."""

import numpy as np

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    return dict(
        content_weight=np.array(6e-2),
        content_current=ls(0.0, 2.0, 1, 4, 5, 8).astype(np.float32),
        content_original=ls(1.5, -0.5, 1, 4, 5, 8).astype(np.float32),
    )


def random(rng):
    shape = (1, 6, 9, 16)
    return dict(
        content_weight=np.array(0.37),
        content_current=rng.rand(*shape).astype(np.float32),
        content_original=rng.rand(*shape).astype(np.float32),
    )


CASES = {"linspace": linspace, "random": random}
