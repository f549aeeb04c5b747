"""Hidden tests of make_fooling_image: a held-out picture and a target class other than its
own. The grader checks the returned image with its own copy of the model: it must be a
changed image (not the input), classified as the target, and close to the input (mean
absolute change at most MAX_CHANGE_FACTOR times the reference's on the same case)."""
import numpy as np

from autograder.question_api import Check
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


FRACTIONS = (0.1, 0.25, 0.5, 0.75, 0.9)   # points on the way from X to X_fooling that are tried
SCALE_HINT_RATIO = 10.0                    # a change this many times the reference's, in a scaled case


def fooled_on_the_way(X, Xf, target):
    """The smallest t in FRACTIONS for which X + t (X_fooling - X) is classified as
    ``target`` by the grader's model, or None."""
    ts = np.array(FRACTIONS, dtype=np.float32)[:, None, None, None]
    between = (X[0][None] + ts * (Xf[0] - X[0])[None]).astype(np.float32)
    scores = scores_of(between)
    hits = [t for t, s in zip(FRACTIONS, scores) if s[target] >= s.max() - SCORE_TOLERANCE]
    return hits[0] if hits else None


def causes(X, Xf, target, ratio, scale, fooled):
    """Hints for a failed case, each one only on evidence the grader has: a point part of the
    way that already fools the model (the loop went on after being fooled, or stepped too
    far), and, in a case whose scores are scaled, a change far from the reference's in the
    direction a step that is not divided by ||g||_2 would take."""
    hints = []
    t = fooled_on_the_way(X, Xf, target)
    if t is not None:
        hints.append(f"the image X + {t:g} * (X_fooling - X), part of the way, is already classified as the "
                     f"target: stop as soon as the model is fooled (check the prediction before each step)")
    if scale > 1 and ratio > SCALE_HINT_RATIO:
        hints.append(f"in this case the model's scores are multiplied by {scale:g} (the same classification) and "
                     f"your image changed {ratio:.0f} times as much as the reference's: a step normalised as "
                     f"dX = learning_rate * g / ||g||_2 does not depend on the scale of the scores, a step without "
                     f"the division grows with them")
    if scale < 1 and not fooled and ratio < 1 / SCALE_HINT_RATIO:
        hints.append(f"in this case the model's scores are multiplied by {scale:g} (the same classification) and "
                     f"your image changed {1 / ratio:.0f} times less than the reference's: a step normalised as "
                     f"dX = learning_rate * g / ||g||_2 does not depend on the scale of the scores, a step without "
                     f"the division shrinks with them")
    return "".join(f"; {h}" for h in hints)


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
    mean_change = float(change.mean())
    ref_change = float(np.abs(expected["X_fooling"].astype(np.float64) - X).mean())
    ratio = mean_change / max(ref_change, 1e-30)
    scores = scores_of(Xf)[0]
    pred = int(np.argmax(scores))
    if scores[target] < scores[pred] - SCORE_TOLERANCE:
        return [Check("fooled", False, f"X_fooling: the model classifies it as {names[pred]} (class {pred}, score "
                                       f"{scores[pred]:.3f}), not as the target {names[target]} (class {target}, "
                                       f"score {scores[target]:.3f}); mean absolute change {mean_change:.3g}, the "
                                       f"reference's {ref_change:.3g}"
                                       + causes(X, Xf, target, ratio, scale, fooled=False))]
    limit = MAX_CHANGE_FACTOR * ref_change
    if mean_change > limit:
        return [Check("close", False, f"X_fooling: is classified as {names[target]} but the mean absolute change "
                                      f"{mean_change:.3g} is {ratio:.1f} times the reference's ({ref_change:.3g}), "
                                      f"more than the {MAX_CHANGE_FACTOR:g} times allowed"
                                      + causes(X, Xf, target, ratio, scale, fooled=True))]
    return [Check("fooled", True, f"X_fooling: classified as {names[target]}, mean absolute change "
                                  f"{mean_change:.3g} (reference {ref_change:.3g})")]


IMAGES = ("X_fooling",)   # shown in the HTML feedback (autograder/grade/judging/images.py)
