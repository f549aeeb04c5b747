"""Hidden tests of tv_loss: the value on linspace (as in the notebook) and random
non-square images, and on a large image (256 x 256, made in the student process by
tiling ``tile`` ``reps`` times) in the case ``vectorized``, where the grader also reads
the submitted tv_loss (parsed, not run): it must have no loops."""

import numpy as np

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    return dict(img=ls(-1.0, 1.0, 1, 4, 6, 3).astype(np.float32), tv_weight=np.array(2e-2))


def random(rng):
    return dict(img=rng.randn(1, 7, 11, 3).astype(np.float32), tv_weight=np.array(0.25))


def vectorized(rng):
    return dict(img=rng.randn(1, 32, 32, 3).astype(np.float32), reps=np.array(8), tv_weight=np.array(5e-3))


CASES = {"linspace": linspace, "random": random, "vectorized": vectorized}
