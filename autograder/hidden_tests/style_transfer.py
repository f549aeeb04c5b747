"""Hidden tests of the transfer loop (style_transfer, given code) with the student's
losses, on 48 x 48 pictures and a short schedule: style transfer from the content image
(and, public, on 32 x 32 pictures in six steps),
feature inversion (style weights 0) and texture synthesis (content weight 0) from seeded
noise. The grader computes the total loss of the returned image with its own VGG16
(numpy): it must be clamped, lower than at the start, and close to the reference's."""

from autograder.hidden_tests._style import transfer_inputs
from autograder.student_tools.checks.style import check_style_transfer as check  # shipped: a3 check judges with it too

SIZE = 48
STYLE_WEIGHTS = (1.0, 1.0, 20.0)


def small(rng):
    return transfer_inputs(
        rng,
        "coffee",
        "ihc",
        32,
        content_weight=0.01,
        style_weights=STYLE_WEIGHTS,
        random_init=False,
        num_iters=6,
        decay_lr_at=4,
    )


def transfer(rng):
    return transfer_inputs(
        rng, "chelsea", "ihc", SIZE, content_weight=0.01, style_weights=STYLE_WEIGHTS, random_init=False
    )


def inversion(rng):
    return transfer_inputs(
        rng, "coffee", "gravel", SIZE, content_weight=0.2, style_weights=(0.0,) * 3, random_init=True
    )


def texture(rng):
    return transfer_inputs(
        rng, "chelsea", "ihc", SIZE, content_weight=0.0, style_weights=STYLE_WEIGHTS, random_init=True
    )


# The questions whose functions the (given) loop runs: a failed case names them and says which
# of them fail their own questions in this submission (grader.note_uses).
USES = ("content_loss", "gram_matrix", "style_loss", "tv_loss")

CASES = {"small": small, "transfer": transfer, "inversion": inversion, "texture": texture}
# `a3 build --check` on another CPU: 12 float32 Adam steps need not agree to the last bit
# (the check only uses the reference image through its loss, with a margin of 10 %).
FIXTURE_TOLERANCE = (1e-2, 5e-2)


IMAGES = ("img",)  # shown in the HTML feedback (autograder/grade/judging/images.py)
