"""Hidden tests of the transfer loop (style_transfer, given code) with the student's
losses, on 32 x 32 pictures and a short schedule (six Adam steps, the learning rate dropped
after four): style transfer from the content image (public: ``small``, other pictures),
feature inversion (style weights 0) and texture synthesis (content weight 0) from seeded
noise. The grader computes the total loss of the returned image with its own VGG16
(numpy): it must be clamped, lower than at the start, and close to the reference's.
Every step costs the student process about 0.03 s of CPU (eager ops), so the cases are as
short as the mutants of tests/mutants/style_transfer.py allow."""

from autograder.hidden_tests._style import transfer_inputs

SIZE = 32
STEPS = dict(num_iters=6, decay_lr_at=4)  # the hidden cases' schedule (as small's)
STYLE_WEIGHTS = (1.0, 1.0, 20.0)


def small(rng):
    """Public (the notebook's test): style transfer from the content image; catches every
    mutant of the loop except a content target taken from the starting image."""
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
    """Style transfer on other pictures than small's: catches style targets taken from the
    content image (and content and style losses with the wrong weight or scale)."""
    return transfer_inputs(
        rng, "chelsea", "ihc", SIZE, content_weight=0.01, style_weights=STYLE_WEIGHTS, random_init=False, **STEPS
    )


def inversion(rng):
    """Feature inversion from noise: catches a content target taken from the starting
    image instead of the content image (and a content loss averaged, not summed)."""
    return transfer_inputs(
        rng, "coffee", "gravel", SIZE, content_weight=0.2, style_weights=(0.0,) * 3, random_init=True, **STEPS
    )


def texture(rng):
    """Texture synthesis from noise: catches a style loss without its per-layer weights or
    a Gram matrix left unnormalised (the style loss alone drives the image)."""
    return transfer_inputs(
        rng, "chelsea", "ihc", SIZE, content_weight=0.0, style_weights=STYLE_WEIGHTS, random_init=True, **STEPS
    )


# The questions whose functions the (given) loop runs: a failed case names them and says which
# of them fail their own questions in this submission (grader.note_uses).
USES = ("content_loss", "gram_matrix", "style_loss", "tv_loss")

CASES = {"small": small, "transfer": transfer, "inversion": inversion, "texture": texture}
# `a3 build --check` on another CPU: six float32 Adam steps need not agree to the last bit
# (the check only uses the reference image through its loss, with a margin of 10 %).
FIXTURE_TOLERANCE = (1e-2, 5e-2)


IMAGES = ("img",)  # shown in the HTML feedback (autograder/grade/judging/images.py)
