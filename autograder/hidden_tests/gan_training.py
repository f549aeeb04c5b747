"""Hidden tests of train_step: a few steps (the discriminator's, then the generator's) of
the student's step with the student's networks, losses and solvers, from fixed initial
weights, on a fixed batch of real digits with fixed noise. The losses of every step, the
logits on the real batch and two generated images after training must match the
reference's, and the first discriminator step must lower the discriminator's loss on its
own batch. Each step costs the student process about 0.12 s of CPU (eager ops and Adam
updates of 2.1 million float64 parameters): the cases take two or three steps, enough for
Adam's beta1 to matter (from the second step) and for every mutant of
tests/mutants/gan_training.py to fail each case."""

import numpy as np

from autograder.hidden_tests._gan import real_digits


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
    # public (the notebook's test): two steps on 8 digits
    "two_steps": lambda rng: _case(rng, steps=2, n=8, noise_dim=4),
    # three steps, a larger batch and noise: Adam's moments carried over two updates
    "few_steps": lambda rng: _case(rng, steps=3, n=16, noise_dim=8),
    # other initial weights and noise (16-dimensional): the same checks from another start
    "other_weights": lambda rng: _case(rng, steps=2, n=10, noise_dim=16),
}
