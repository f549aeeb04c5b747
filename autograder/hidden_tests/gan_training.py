"""Hidden tests of train_step: a few steps (the discriminator's, then the generator's) of
the student's step with the student's networks, losses and solvers, from fixed initial
weights, on a fixed batch of real digits with fixed noise. The losses of every step, the
logits on the real batch and two generated images after training must match the
reference's, and the first discriminator step must lower the discriminator's loss on its
own batch."""
import numpy as np

from autograder.question_api import Check
from autograder.hidden_tests._gan import as_flat_images, compare_scaled, real_digits


def _case(rng, steps, n, noise_dim):
    return dict(real=real_digits(rng, n), noise=rng.uniform(-1, 1, size=(steps, n, noise_dim)),
                noise_dim=np.array(noise_dim), seed_D=np.array(rng.randint(2**31)),
                seed_G=np.array(rng.randint(2**31)))


# The questions whose functions train_step is given (grader.note_uses).
USES = ("discriminator", "generator", "gan_loss", "get_solvers")

CASES = {"few_steps": lambda rng: _case(rng, steps=4, n=16, noise_dim=8),
         "other_weights": lambda rng: _case(rng, steps=3, n=10, noise_dim=16)}

WHAT = {"d_losses": "the discriminator loss of each step", "g_losses": "the generator loss of each step",
        "d_loss_after_first": "the discriminator loss on the first batch after the first step",
        "logits_real": "the discriminator's logits on the real images after the steps",
        "images": "the generator's images after the steps"}


def check(case, got, expected, inputs, question):
    checks = []
    got = dict(got, images=as_flat_images(got.get("images"), expected["images"].shape))
    for name, what in WHAT.items():
        c = compare_scaled(name, got.get(name), expected[name], question.threshold)
        if not c.passed:
            c.message = (f"train_step, {what}: {c.message} (update D first with D_solver on D's variables, then G "
                         f"with G_solver on G's variables; real images go through preprocess_img)")
            return [c]
        checks.append(c)
    before, after = float(got["d_losses"][0]), float(np.asarray(got.get("d_loss_after_first", np.nan)))
    if not after < before:
        return [Check("d_loss falls", False, f"train_step: the discriminator's update did not lower its loss on the "
                                             f"batch it was trained on ({before:.4f} before, {after:.4f} after)")]
    checks.append(Check("d_loss falls", True, f"the first step lowered the discriminator loss on its batch from "
                                              f"{before:.4f} to {after:.4f}"))
    return checks
