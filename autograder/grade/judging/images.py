"""Pictures a student's code produced, for the feedback report.

The hook (see ``autograder/question_api.py``): a hidden-test module may set

    IMAGES = ("saliency",)        # names of the call's outputs that are images

and the grader turns each such output of each case into a PNG (base64) kept with the case
(``CaseResult.images``); the HTML feedback report shows it under the case. Accepted shapes
(any numeric dtype; values are scaled to 0..255 by their own min and max, NaN/inf shown as 0):
(H, W) grey, (H, W, 3) colour, (N, H, W) or (N, H, W, 3) a row of the first ``MAX_TILES``
images. Tiny images are enlarged (nearest neighbour) to at least ``MIN_SIDE`` pixels; an
output that is not an image (other shapes, too large) is skipped, never an error.
"""

from __future__ import annotations

import base64
import io

import numpy as np
from numpy.typing import ArrayLike

MAX_TILES = 8
MIN_SIDE = 64
MAX_PIXELS = 2_000_000


def _to_uint8(a: np.ndarray) -> np.ndarray:
    a = np.nan_to_num(a.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    lo, hi = float(a.min()), float(a.max())
    return np.zeros(a.shape, np.uint8) if hi <= lo else ((a - lo) / (hi - lo) * 255).round().astype(np.uint8)


def to_png(array: ArrayLike) -> str | None:
    """A PNG (base64 text) of ``array`` as described above, or None if it is not an image."""
    from PIL import Image

    a = np.asarray(array)
    if a.dtype.kind not in "biuf" or a.size == 0:
        return None
    if a.ndim == 3 and a.shape[-1] not in (3,) or a.ndim == 4:
        a = np.concatenate(list(a[:MAX_TILES]), axis=1)  # a row of tiles
    if not (a.ndim == 2 or a.ndim == 3 and a.shape[-1] == 3) or a.shape[0] * a.shape[1] > MAX_PIXELS:
        return None
    img = Image.fromarray(_to_uint8(a))
    scale = max(1, -(-MIN_SIDE // max(1, min(img.size))))
    if scale > 1:
        img = img.resize((img.width * scale, img.height * scale), Image.NEAREST)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def case_images(names: tuple[str, ...], outputs: dict) -> dict[str, str]:
    """{output name: PNG base64} for the outputs named in ``names`` (the hidden test's ``IMAGES``)."""
    out = {}
    for name in names:
        if name in outputs and (png := to_png(outputs[name])):
            out[name] = png
    return out
