"""Grader-side helpers of the Part 3 questions (network visualization): the held-out
pictures as model inputs. The checks (and the grader's own copy of the model) are in
``autograder/student_tools/checks/netvis.py``, shipped to students for the public cases."""

from __future__ import annotations

import functools

import numpy as np

from autograder.question_api import ASSIGNMENT_DATA
from autograder.student_tools.checks.netvis import (  # noqa: F401  (names the hidden tests and tests use)
    close_check,
    grader_model,
    model_info,
    prepare_model,
    scores_of,
    shape_check,
)

DATA_DIR = ASSIGNMENT_DATA / "netvis"


@functools.cache
def _heldout():
    with np.load(DATA_DIR / "heldout.npz") as data:
        return {name: data[name] for name in data.files}


def heldout_inputs(indices):
    """Preprocessed held-out pictures (len(indices), 64, 64, 3) float32 and their labels."""
    data, info = _heldout(), model_info()
    idx = np.asarray(indices)
    X = (data["images"][idx].astype(np.float32) / 255.0 - np.float32(info["mean"])) / np.float32(info["std"])
    return X.astype(np.float32), data["labels"][idx].astype(np.int64)
