"""Hidden tests of class_visualization_update_step: one step of gradient ascent on the
target score minus the L2 penalty, from a small random image (public) and from a held-out
picture with a stronger penalty (hidden), and, for partial credit that follows the spec's
parts, the ascent on the class score alone (l2_reg = 0, hidden); X is passed as a
tf.Tensor, as the course did.

The step (returned image minus input) is compared with the reference's, the course's
``learning_rate * g``, by its largest difference relative to the step's largest entry. The
course's TODO ("make a gradient step on the image using the learning rate") does not say
whether to normalise the step, and many of its students normalised it as in the fooling
image: ``learning_rate * g / ||g||_2`` (the same direction, made from the reference's step)
is accepted too."""

import numpy as np

from autograder.hidden_tests._netvis import heldout_inputs


def random_start(rng):
    return dict(
        X=(0.1 * rng.randn(1, 64, 64, 3)).astype(np.float32),
        target_y=np.array(rng.randint(5)),
        l2_reg=np.array(0.1),
        learning_rate=np.array(5.0),
    )


def picture(rng):
    X, y = heldout_inputs([7])
    return dict(X=X, target_y=np.array((int(y[0]) + 2) % 5), l2_reg=np.array(0.01), learning_rate=np.array(3.0))


def no_penalty(rng):
    """l2_reg = 0: the step is the ascent on the class score alone, the part of the spec that
    does not depend on the L2 term; code whose penalty is wrong (left out, not squared,
    halved by tf.nn.l2_loss) is paid for this part and loses the cases with the term."""
    X, y = heldout_inputs([12])
    return dict(X=X, target_y=np.array((int(y[0]) + 1) % 5), l2_reg=np.array(0.0), learning_rate=np.array(4.0))


CASES = {"random_start": random_start, "picture": picture, "no_penalty": no_penalty}


IMAGES = ("X",)  # shown in the HTML feedback (autograder/grade/judging/images.py)
