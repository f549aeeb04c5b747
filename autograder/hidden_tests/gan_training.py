"""Hidden tests of train_step: a few steps (the discriminator's, then the generator's) of
the student's step with the student's networks, losses and solvers, from fixed initial
weights, on a fixed batch of real digits with fixed noise. The losses of every step, the
logits on the real batch and two generated images after training must match the
reference's, and the first discriminator step must lower the discriminator's loss on its
own batch."""

import numpy as np

from autograder.hidden_tests._gan import real_digits
from autograder.student_tools.checks.gan import check_gan_training as check  # shipped: a3 check judges with it too


def _case(rng, steps, n, noise_dim):
    return dict(
        real=real_digits(rng, n),
        noise=rng.uniform(-1, 1, size=(steps, n, noise_dim)),
        noise_dim=np.array(noise_dim),
        seed_D=np.array(rng.randint(2**31)),
        seed_G=np.array(rng.randint(2**31)),
    )


# The questions whose functions train_step is given (grader.note_uses).
USES = ("discriminator", "generator", "gan_loss", "get_solvers")

CASES = {
    "two_steps": lambda rng: _case(rng, steps=2, n=8, noise_dim=4),
    "few_steps": lambda rng: _case(rng, steps=4, n=16, noise_dim=8),
    "other_weights": lambda rng: _case(rng, steps=3, n=10, noise_dim=16),
}
