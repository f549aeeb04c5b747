"""Hidden tests of discriminator_loss and generator_loss: values on random logits, and on
logits of large magnitude (hundreds), where a loss written as the log of a sigmoid gives
log(0) = -inf: the losses must come from a numerically stable cross-entropy with logits."""
import numpy as np


def random(rng):
    return dict(logits_real=rng.randn(8, 1), logits_fake=rng.randn(8, 1))


def large_logits(rng):
    signs = np.where(rng.rand(10, 1) < 0.5, -1.0, 1.0)
    return dict(logits_real=signs * rng.uniform(50, 900, size=(10, 1)),
                logits_fake=-signs * rng.uniform(50, 900, size=(10, 1)))


CASES = {"random": random, "large_logits": large_logits}
