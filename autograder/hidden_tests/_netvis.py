"""Grader-side helpers of the Part 3 questions (network visualization): the held-out
pictures as model inputs, the grader's own copy of the trained SqueezeNet, and a
comparison of float32 images by their largest difference."""
from __future__ import annotations

import functools
import json
import threading

import numpy as np

from autograder.question_api import ASSIGNMENT_DATA, Check

DATA_DIR = ASSIGNMENT_DATA / "netvis"


@functools.cache
def _heldout():
    with np.load(DATA_DIR / "heldout.npz") as data:
        return {name: data[name] for name in data.files}


def model_info() -> dict:
    return json.loads((DATA_DIR / "squeezenet.json").read_text())


def heldout_inputs(indices):
    """Preprocessed held-out pictures (len(indices), 64, 64, 3) float32 and their labels."""
    data, info = _heldout(), model_info()
    idx = np.asarray(indices)
    X = (data["images"][idx].astype(np.float32) / 255.0 - np.float32(info["mean"])) / np.float32(info["std"])
    return X.astype(np.float32), data["labels"][idx].astype(np.int64)


_model_lock = threading.Lock()
_model = []


def grader_model():
    """The grader's own SqueezeNet, loaded once per grader process (TensorFlow imported then,
    single-threaded as in the student process when it is not initialised yet). Thread-safe:
    ``prepare_model`` may be loading it in the background (see grader.start_preparing)."""
    with _model_lock:
        if not _model:
            import tensorflow as tf
            try:
                tf.config.threading.set_intra_op_parallelism_threads(1)
                tf.config.threading.set_inter_op_parallelism_threads(1)
            except RuntimeError:
                pass
            import keras
            _model.append(keras.models.load_model(DATA_DIR / "squeezenet.keras", compile=False))
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
        return Check(name, False, f"{what}: differs from the reference by up to {err:.1e} of its largest "
                                  f"value (allowed {tol:.0e})")
    return Check(name, True, f"{what}: matches the reference (largest difference {err:.1e} of its largest "
                             f"value <= {tol:.0e})")
