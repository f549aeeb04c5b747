"""Hidden tests of gram_matrix: (C, C), normalised by H * W * C, on linspace features (as
in the notebook), random non-square ReLU-like features, and with normalize=False."""

import numpy as np

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    return dict(features=ls(0.0, 1.5, 1, 3, 4, 5).astype(np.float32), normalize=np.array(True))


def random(rng):
    return dict(features=rng.rand(1, 7, 5, 12).astype(np.float32), normalize=np.array(True))


def unnormalized(rng):
    return dict(features=rng.rand(1, 4, 6, 9).astype(np.float32), normalize=np.array(False))


CASES = {"linspace": linspace, "random": random, "unnormalized": unnormalized}
