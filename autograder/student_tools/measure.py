"""How a returned value is compared with the reference's: the one measure that the grader
(``autograder/student_tools/compare.py``) and the public tests (``a3 check``, ``grader.check``)
both use, so a public test passes exactly when the graded public case does."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def scaled_error(x: ArrayLike, y: ArrayLike) -> float:
    """max|x - y| / max(max|x|, max|y|): the largest difference relative to the largest
    entry of either array (0 when both are all zeros). Any shape; a float.

    It does not change when both arrays are scaled, so a value that equals the reference
    up to floating-point rounding (about 1e-16 of the array's largest entries) passes at
    every scale, and a tiny entry cannot fail on its rounding alone (the course's
    elementwise rel_error gives an entry of 4e-11 that differs by 1e-15 an error of 1e-5)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if not x.size:
        return 0.0
    scale = max(float(np.max(np.abs(x))), float(np.max(np.abs(y))))
    return float(np.max(np.abs(x - y))) / scale if scale > 0 else 0.0


def first_end(row: ArrayLike, end: int = 2) -> int:
    """Index of the first <END> in a caption row, or len(row) - 1 if there is none."""
    hits = np.flatnonzero(np.asarray(row) == end)
    return int(hits[0]) if len(hits) else len(row) - 1


def caption_difference(captions: ArrayLike, expected: ArrayLike) -> str | None:
    """Compare greedy captions (N, T) with the reference's up to and including each row's
    first <END> (what follows is not compared: the course did not require stopping).
    Returns None if they match, else (row, position, got word, expected word)."""
    captions, expected = np.asarray(captions), np.asarray(expected)
    for i, row in enumerate(expected):
        stop = first_end(row) + 1
        if not np.array_equal(captions[i, :stop], row[:stop]):
            j = int(np.flatnonzero(captions[i, :stop] != row[:stop])[0])
            return i, j, int(captions[i, j]), int(row[j])
    return None
