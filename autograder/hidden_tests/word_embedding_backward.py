"""Hidden tests of word_embedding_backward: dW, where repeated words must add up
(``dW[x] = dout`` keeps only the last occurrence: np.add.at is the fix)."""

import numpy as np


def random(rng):
    N, T, V, D = 50, 3, 5, 6
    return dict(x=rng.randint(V, size=(N, T)), W=rng.randn(V, D), dout=rng.randn(N, T, D))


def repeated_words(rng):
    V, D = 7, 3
    x = np.array([[1, 1, 1, 1, 4], [4, 2, 2, 1, 0], [6, 6, 6, 6, 6]])
    return dict(x=x, W=rng.randn(V, D), dout=rng.randn(*x.shape, D))


CASES = {"random": random, "repeated_words": repeated_words}
