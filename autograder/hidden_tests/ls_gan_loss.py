"""Hidden tests of ls_discriminator_loss and ls_generator_loss: values on random scores,
and on scores of another batch size and scale."""


def random(rng):
    return dict(scores_real=rng.randn(8, 1), scores_fake=rng.randn(8, 1))


def other_sizes(rng):
    return dict(scores_real=1 + 3 * rng.randn(13, 1), scores_fake=2 * rng.randn(13, 1))


CASES = {"random": random, "other_sizes": other_sizes}
