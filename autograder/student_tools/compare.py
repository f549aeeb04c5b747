"""Comparisons of arrays returned by the student's code with the reference's: made in the
grader process (with its own numpy) on what the student process returned, and, for the
public cases, by ``a3 check`` and the notebooks' ``grader.check`` with this very code
(``a3 build`` copies it into the template as ``a3/compare.py``). Each returns a
:class:`Check` whose message names the quantity and the error against its threshold, e.g.
``dWh: error 3.1e-01 of its largest entry > 1e-07``.

The measure is ``scaled_error`` (``measure.py`` beside this module): the largest difference
divided by the largest magnitude of the two arrays, so rounding passes at every scale and a
tiny entry cannot fail on its rounding alone. The course's ``rel_error`` stays for the
notebooks' printouts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .measure import scaled_error


@dataclass
class Check:
    """One verified quantity: its name, whether it passed, and a message for the student."""

    name: str
    passed: bool
    message: str


def rel_error(x, y) -> float:
    """The course's relative error: max(|x - y| / max(1e-8, |x| + |y|))."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))) if x.size else 0.0


def compare_array(name: str, got, expected, threshold: float) -> Check:
    """Compare one returned array with the reference's: shape, finiteness, then
    :func:`scaled_error` against ``threshold`` (floats) or exact equality (integers and
    booleans). Where a scalar is expected, a one-element result (shape (1,), (1, 1)) is the
    scalar it holds: the course's checks (``rel_error`` on ``.numpy()``) took it so."""
    if got is None:
        return Check(name, False, f"{name}: missing from what your code returned")
    got = np.asarray(got)
    expected = np.asarray(expected)
    if expected.shape == () and got.size == 1:  # a one-element tensor holding a scalar, as the course's checks took it
        got = got.reshape(())
    if got.shape != expected.shape:
        return Check(name, False, f"{name}: shape {got.shape} but expected {expected.shape}")
    if got.dtype.kind == "f" and not np.all(np.isfinite(got)):
        bad = "NaN" if np.isnan(got).any() else "inf"
        return Check(name, False, f"{name}: contains {bad} ({int(np.sum(~np.isfinite(got)))} of {got.size} entries)")
    if expected.dtype.kind in "biu":
        if got.dtype.kind not in "biu":
            return Check(name, False, f"{name}: dtype {got.dtype} but expected integers")
        wrong = np.argwhere(got != expected)
        if len(wrong):
            where = tuple(int(i) for i in wrong[0])
            return Check(
                name,
                False,
                f"{name}: {len(wrong)} of {got.size} entries differ from the reference "
                f"(first at index {where}: got {got[where]}, expected {expected[where]})",
            )
        return Check(name, True, f"{name}: matches exactly")
    err = scaled_error(got, expected)
    if err > threshold:
        return Check(name, False, f"{name}: error {err:.1e} of its largest entry > {threshold:.0e}")
    return Check(name, True, f"{name}: error {err:.1e} of its largest entry <= {threshold:.0e}")


def compare_outputs(got: dict, expected: dict, threshold: float) -> list:
    """Compare every expected output (in the reference's order) with what was returned."""
    return [compare_array(name, got.get(name), value, threshold) for name, value in expected.items()]
