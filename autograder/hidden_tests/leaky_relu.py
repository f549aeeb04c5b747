"""Hidden tests of leaky_relu: the default alpha 0.01 on linspace inputs, and an alpha
passed as an argument on random inputs of another shape."""

import numpy as np

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    return dict(x=ls(-1.5, 1.5, 4, 6))


def random_alpha(rng):
    return dict(x=3 * rng.randn(3, 5, 7), alpha=np.array(0.2))


CASES = {"linspace": linspace, "random_alpha": random_alpha}
