"""Hidden tests of make_fooling_image: a held-out picture and a target class other than its
own. The grader checks the returned image with its own copy of the model: it must be a
changed image (not the input), classified as the target, and close to the input (mean
absolute change at most MAX_CHANGE_FACTOR times the reference's on the same case)."""

import numpy as np

from autograder.hidden_tests._netvis import heldout_inputs, model_info
from autograder.student_tools.checks.netvis import (  # noqa: F401  shipped: a3 check judges with them too
    MAX_CHANGE_FACTOR,
    prepare_model,
)

prepare = prepare_model  # the grader loads its model in the background while the student process runs


def fooling_case(index, shift, score_scale=1.0):
    """Held-out picture ``index``, target = its label + ``shift`` (mod the number of classes);
    the student process multiplies the model's scores by ``score_scale`` (the classification
    is the same; a step dX = learning_rate * g / ||g||_2 is too, other step rules are not)."""

    def make(rng):
        X, y = heldout_inputs([index])
        return dict(
            X=X,
            target_y=np.array((int(y[0]) + shift) % len(model_info()["class_names"])),
            score_scale=np.array(score_scale),
        )

    return make


# Each step is a forward and backward pass of the SqueezeNet in the student process (and a
# run of the student's loop costs one more pass to find it fooled): the hidden cases are
# pictures and targets that the reference fools in two steps, where every mutant of
# tests/mutants/fooling_image.py still fails.
CASES = {
    # public (the notebook's test): three steps; catches returning the input, descent, never stopping
    "picture_a": fooling_case(3, 1),
    # scores x 100: a step without the division by ||g||_2 (or by ||g||_2 ** 2) is 100 times
    # too long (or short): it changes the image far too much (or never fools the model)
    "scores_times_100": fooling_case(11, 4, 100.0),
    # scores / 100: the same steps 100 times too short (never fooled) or too long
    "scores_divided_by_100": fooling_case(20, 1, 0.01),
    # fooled at all, however far the image moved (checks/netvis.py FOOLED_ONLY_CASES): the
    # course's own assertion, so code that overshoots (no early stop, an unnormalised step)
    # is paid for the part that is right and loses the cases above
    "fooled": fooling_case(30, 2),
}


IMAGES = ("X_fooling",)  # shown in the HTML feedback (autograder/grade/judging/images.py)
