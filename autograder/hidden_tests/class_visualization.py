"""Hidden tests of class_visualization_update_step: one step of gradient ascent on the
target score minus the L2 penalty, from a small random image (public) and from a held-out
picture with a stronger penalty (hidden). The step (returned image minus input) is compared
with the reference's by its largest difference relative to the step's largest entry."""
import numpy as np

from autograder.hidden_tests._netvis import close_check, heldout_inputs, shape_check


def random_start(rng):
    return dict(X=(0.1 * rng.randn(1, 64, 64, 3)).astype(np.float32), target_y=np.array(rng.randint(5)),
                l2_reg=np.array(0.1), learning_rate=np.array(5.0))


def picture(rng):
    X, y = heldout_inputs([7])
    return dict(X=X, target_y=np.array((int(y[0]) + 2) % 5), l2_reg=np.array(0.01), learning_rate=np.array(3.0))


CASES = {"random_start": random_start, "picture": picture}


def check(case, got, expected, inputs, question):
    X = inputs["X"].astype(np.float64)
    bad = shape_check("X", got.get("X"), X.shape)
    if bad:
        return [bad]
    step = np.asarray(got["X"], dtype=np.float64) - X
    return [close_check("X", step, expected["X"].astype(np.float64) - X, question.threshold,
                        what="the step (returned X minus the input X)")]

IMAGES = ("X",)   # shown in the HTML feedback (autograder/grade/images.py)
