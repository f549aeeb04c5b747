"""Hidden tests of make_fooling_image: a held-out picture and a target class other than its
own. The grader checks the returned image with its own copy of the model: it must be a
changed image (not the input), classified as the target, and close to the input (mean
absolute change at most MAX_CHANGE_FACTOR times the reference's on the same case)."""
import numpy as np

from autograder.grade.compare import Check
from autograder.hidden_tests._netvis import heldout_inputs, model_info, prepare_model, scores_of, shape_check

MAX_CHANGE_FACTOR = 3.0
prepare = prepare_model  # the grader loads its model in the background while the student process runs
SCORE_TOLERANCE = 1e-4   # a tie with the target's score (float32 noise) counts as fooled


def fooling_case(index, shift, score_scale=1.0):
    """Held-out picture ``index``, target = its label + ``shift`` (mod the number of classes);
    the student process multiplies the model's scores by ``score_scale`` (the classification
    is the same; a step dX = learning_rate * g / ||g||_2 is too, other step rules are not)."""
    def make(rng):
        X, y = heldout_inputs([index])
        return dict(X=X, target_y=np.array((int(y[0]) + shift) % len(model_info()["class_names"])),
                    score_scale=np.array(score_scale))
    return make


CASES = {"picture_a": fooling_case(3, 1), "scores_times_100": fooling_case(11, 3, 100.0),
         "scores_divided_by_100": fooling_case(20, 2, 0.01)}


def check(case, got, expected, inputs, question):
    X, target = inputs["X"], int(inputs["target_y"])
    Xf = got.get("X_fooling")
    bad = shape_check("X_fooling", Xf, X.shape)
    if bad:
        return [bad]
    Xf = np.asarray(Xf, dtype=np.float32)
    change = np.abs(Xf.astype(np.float64) - X)
    if change.max() == 0:
        return [Check("changed", False, "X_fooling: is the input image unchanged; return a new image that the "
                                        "model classifies as target_y")]
    names = model_info()["class_names"]
    scale = float(inputs.get("score_scale", 1.0))
    note = (f" (in this case the model's scores are multiplied by {scale:g}: a normalised step "
            f"dX = learning_rate * g / ||g||_2 does not depend on that)") if scale != 1 else ""
    scores = scores_of(Xf)[0]
    pred = int(np.argmax(scores))
    if scores[target] < scores[pred] - SCORE_TOLERANCE:
        return [Check("fooled", False, f"X_fooling: the model classifies it as {names[pred]} (class {pred}, score "
                                       f"{scores[pred]:.3f}), not as the target {names[target]} (class {target}, "
                                       f"score {scores[target]:.3f}){note}")]
    mean_change = float(change.mean())
    ref_change = float(np.abs(expected["X_fooling"].astype(np.float64) - X).mean())
    limit = MAX_CHANGE_FACTOR * ref_change
    if mean_change > limit:
        return [Check("close", False, f"X_fooling: is classified as {names[target]} but the mean absolute change "
                                      f"{mean_change:.3g} is more than {MAX_CHANGE_FACTOR:g} times the reference's "
                                      f"({ref_change:.3g}); take normalised steps dX = learning_rate * g / ||g||_2 "
                                      f"and stop as soon as the model is fooled{note}")]
    return [Check("fooled", True, f"X_fooling: classified as {names[target]}, mean absolute change "
                                  f"{mean_change:.3g} (reference {ref_change:.3g})")]

IMAGES = ("X_fooling",)   # shown in the HTML feedback (autograder/grade/images.py)
