"""Hidden tests of temporal_softmax_loss (given code, still tested): the loss and dx, with
and without a mask (targets under the mask must not count)."""
import numpy as np


def no_mask(rng):
    N, T, V = 10, 5, 8
    return dict(x=rng.randn(N, T, V), y=rng.randint(V, size=(N, T)), mask=np.ones((N, T), dtype=bool))


def masked(rng):
    N, T, V = 7, 8, 9
    return dict(x=rng.randn(N, T, V), y=rng.randint(V, size=(N, T)), mask=rng.rand(N, T) > 0.5)


CASES = {"no_mask": no_mask, "masked": masked}
