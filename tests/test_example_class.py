"""The example class (examples/buggy/, made by ``a3 examples``) has a student with a bug in
each TensorFlow part, so that the demo shows Part 3-5 failures: each loses that question
(and keeps the others of the part that it was graded on)."""

from __future__ import annotations

from autograder.build.examples import build_examples
from autograder.grade.judging.grader import grade_submission


def test_examples_have_part_3_to_5_bugs_that_cost_their_question(config, tmp_path):
    made = {p.name: p for p in build_examples(tmp_path, log=lambda m: None)}
    assert {"frank", "grace", "henry"} <= set(made)
    frank = grade_submission(made["frank"], config, only={"fooling_image", "saliency_maps"})
    assert frank.questions["saliency_maps"].passed
    assert frank.questions["fooling_image"].score == 0
    assert any("input" in m for c in frank.questions["fooling_image"].cases for m in c.messages)
    grace = grade_submission(made["grace"], config, only={"style_loss", "content_loss"})
    assert grace.questions["content_loss"].passed and grace.questions["style_loss"].score == 0
    henry = grade_submission(made["henry"], config, only={"gan_loss", "leaky_relu"})
    assert henry.questions["leaky_relu"].passed
    cases = {c.case: c for c in henry.questions["gan_loss"].cases}
    assert (
        cases["random"].passed and not cases["large_logits"].passed
    )  # the docstring warns; the hidden case catches it
