"""Hidden tests of discriminator_loss and generator_loss: values on random logits, on
logits of large magnitude (hundreds), where a loss written as the log of a sigmoid gives
log(0) = -inf: the losses must come from a numerically stable cross-entropy with logits
(both public: the notebook's test runs them), and on logits of every magnitude (hidden).
Every case keeps discriminator_loss's contract: real and fake logits of one shape (N, 1)."""

import numpy as np


def random(rng):
    return dict(logits_real=rng.randn(8, 1), logits_fake=rng.randn(8, 1))


def large_logits(rng):
    signs = np.where(rng.rand(10, 1) < 0.5, -1.0, 1.0)
    return dict(
        logits_real=signs * rng.uniform(50, 900, size=(10, 1)), logits_fake=-signs * rng.uniform(50, 900, size=(10, 1))
    )


def mixed_magnitudes(rng):
    """Logits from 0.01 to 1000 in magnitude, both signs, 12 real and 12 fake (the
    docstring gives both as (N, 1): batches of different sizes were outside it)."""

    def logits(n):
        return rng.choice([-1.0, 1.0], size=(n, 1)) * 10 ** rng.uniform(-2, 3, size=(n, 1))

    return dict(logits_real=logits(12), logits_fake=logits(12))


CASES = {"random": random, "large_logits": large_logits, "mixed_magnitudes": mixed_magnitudes}
