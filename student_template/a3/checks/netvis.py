"""Checks of the Part 3 questions (network visualization): shapes, the largest difference
relative to the largest reference value, and the fooling image judged by the model itself
(the trained SqueezeNet of the public assets, ``assets_dir()/netvis``, loaded once per
process: the grader's own copy, never the student's)."""

from __future__ import annotations

import json
import threading

import numpy as np

from ..compare import Check
from ..student_process_code import assets

MODEL_DIR = ("netvis",)


def model_info() -> dict:
    """The model's class names and preprocessing (``squeezenet.json``)."""
    return json.loads(assets.assets_dir().joinpath(*MODEL_DIR, "squeezenet.json").read_text())


_model_lock = threading.Lock()
_model = []


def grader_model():
    """The SqueezeNet, loaded once per process (TensorFlow imported then, single-threaded
    when it is not initialised yet). Thread-safe: ``prepare_model`` may be loading it in the
    background (see grader.start_preparing)."""
    with _model_lock:
        if not _model:
            import tensorflow as tf

            try:
                tf.config.threading.set_intra_op_parallelism_threads(1)
                tf.config.threading.set_inter_op_parallelism_threads(1)
            except RuntimeError:
                pass
            import keras

            path = assets.assets_dir().joinpath(*MODEL_DIR, "squeezenet.keras")
            _model.append(keras.models.load_model(path, compile=False))
        return _model[0]


def prepare_model():
    """Load the model and run it once (what the first check would otherwise wait for)."""
    scores_of(np.zeros((1, 64, 64, 3), np.float32))


def scores_of(X) -> np.ndarray:
    """Class scores (N, C) of float32 images under the grader's model."""
    return np.asarray(grader_model()(np.asarray(X, dtype=np.float32), training=False))


def shape_check(name, got, shape):
    """None if ``got`` is a finite float array of ``shape``, else a failed Check saying why."""
    if got is None:
        return Check(name, False, f"{name}: missing from what your code returned")
    got = np.asarray(got)
    if got.shape != tuple(shape):
        return Check(name, False, f"{name}: shape {got.shape} but expected {tuple(shape)}")
    if got.dtype.kind != "f":
        return Check(name, False, f"{name}: dtype {got.dtype} but expected floats")
    if not np.all(np.isfinite(got)):
        return Check(name, False, f"{name}: contains NaN or inf ({int(np.sum(~np.isfinite(got)))} entries)")
    return None


def close_check(name, got, expected, tol, what=None) -> Check:
    """Largest difference relative to the largest reference value:
    max|got - expected| / max|expected| <= tol (robust to float32 noise on tiny entries)."""
    bad = shape_check(name, got, np.shape(expected))
    if bad:
        return bad
    got = np.asarray(got, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    err = float(np.max(np.abs(got - expected)) / max(np.max(np.abs(expected)), 1e-12))
    what = what or name
    if err > tol:
        return Check(
            name,
            False,
            f"{what}: differs from the reference by up to {err:.1e} of its largest value (allowed {tol:.0e})",
        )
    return Check(
        name, True, f"{what}: matches the reference (largest difference {err:.1e} of its largest value <= {tol:.0e})"
    )


def check_saliency_maps(case, got, expected, inputs, question):
    result = close_check("saliency", got.get("saliency"), expected["saliency"], question.threshold)
    if not result.passed and result.message.startswith("saliency: differs") and np.min(got["saliency"]) < 0:
        result.message += "; it has negative values (a saliency map takes the absolute value of the gradient)"
    return [result]


MAX_CHANGE_FACTOR = 3.0
# Cases that check only what the course's notebook asserted (the network is fooled), not how
# far the image moved: partial credit for the first part of the spec when the second (a
# normalised step, stopping once fooled) is wrong. Other cases check both.
FOOLED_ONLY_CASES = frozenset({"fooled"})
SCORE_TOLERANCE = 1e-4  # a tie with the target's score (float32 noise) counts as fooled


FRACTIONS = (0.1, 0.25, 0.5, 0.75, 0.9)  # points on the way from X to X_fooling that are tried
SCALE_HINT_RATIO = 10.0  # a change this many times the reference's, in a scaled case


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
        hints.append(
            f"the image X + {t:g} * (X_fooling - X), part of the way, is already classified as the "
            f"target: stop as soon as the model is fooled (check the prediction before each step)"
        )
    if scale > 1 and ratio > SCALE_HINT_RATIO:
        hints.append(
            f"in this case the model's scores are multiplied by {scale:g} (the same classification) and "
            f"your image changed {ratio:.0f} times as much as the reference's: a step normalised as "
            f"dX = learning_rate * g / ||g||_2 does not depend on the scale of the scores, a step without "
            f"the division grows with them"
        )
    if scale < 1 and not fooled and ratio < 1 / SCALE_HINT_RATIO:
        hints.append(
            f"in this case the model's scores are multiplied by {scale:g} (the same classification) and "
            f"your image changed {1 / ratio:.0f} times less than the reference's: a step normalised as "
            f"dX = learning_rate * g / ||g||_2 does not depend on the scale of the scores, a step without "
            f"the division shrinks with them"
        )
    return "".join(f"; {h}" for h in hints)


def check_fooling_image(case, got, expected, inputs, question):
    X, target = inputs["X"], int(inputs["target_y"])
    Xf = got.get("X_fooling")
    bad = shape_check("X_fooling", Xf, X.shape)
    if bad:
        return [bad]
    Xf = np.asarray(Xf, dtype=np.float32)
    change = np.abs(Xf.astype(np.float64) - X)
    if change.max() == 0:
        return [
            Check(
                "changed",
                False,
                "X_fooling: is the input image unchanged; return a new image that the model classifies as target_y",
            )
        ]
    names = model_info()["class_names"]
    scale = float(inputs.get("score_scale", 1.0))
    mean_change = float(change.mean())
    ref_change = float(np.abs(expected["X_fooling"].astype(np.float64) - X).mean())
    ratio = mean_change / max(ref_change, 1e-30)
    scores = scores_of(Xf)[0]
    pred = int(np.argmax(scores))
    if scores[target] < scores[pred] - SCORE_TOLERANCE:
        return [
            Check(
                "fooled",
                False,
                f"X_fooling: the model classifies it as {names[pred]} (class {pred}, score "
                f"{scores[pred]:.3f}), not as the target {names[target]} (class {target}, "
                f"score {scores[target]:.3f}); mean absolute change {mean_change:.3g}, the "
                f"reference's {ref_change:.3g}" + causes(X, Xf, target, ratio, scale, fooled=False),
            )
        ]
    limit = MAX_CHANGE_FACTOR * ref_change
    if mean_change > limit and case not in FOOLED_ONLY_CASES:
        return [
            Check(
                "close",
                False,
                f"X_fooling: is classified as {names[target]} but the mean absolute change "
                f"{mean_change:.3g} is {ratio:.1f} times the reference's ({ref_change:.3g}), "
                f"more than the {MAX_CHANGE_FACTOR:g} times allowed" + causes(X, Xf, target, ratio, scale, fooled=True),
            )
        ]
    return [
        Check(
            "fooled",
            True,
            f"X_fooling: classified as {names[target]}, mean absolute change "
            f"{mean_change:.3g} (reference {ref_change:.3g})",
        )
    ]


def check_class_visualization(case, got, expected, inputs, question):
    """One step of gradient ascent (returned X minus the input X) against the reference's, the
    course's ``learning_rate * g``; ``learning_rate * g / ||g||_2`` (the same direction, made
    from the reference's step) is accepted too: the course's TODO did not say whether to
    normalise the step."""
    X = inputs["X"].astype(np.float64)
    bad = shape_check("X", got.get("X"), X.shape)
    if bad:
        return [bad]
    step = np.asarray(got["X"], dtype=np.float64) - X
    ref = expected["X"].astype(np.float64) - X
    what = "the step (returned X minus the input X)"
    plain = close_check("X", step, ref, question.threshold, what=what)
    if plain.passed:
        return [plain]
    lr = float(inputs["learning_rate"])
    normalised = close_check(
        "X",
        step,
        lr * ref / max(np.linalg.norm(ref), 1e-30),
        question.threshold,
        what=what + " (taken as learning_rate * g / ||g||_2)",
    )
    if normalised.passed:
        return [normalised]
    plain.message += (
        " (expected X + learning_rate * g, where g is the gradient of the target score minus "
        "l2_reg * sum(X ** 2); learning_rate * g / ||g||_2 is accepted too)"
    )
    return [plain]
