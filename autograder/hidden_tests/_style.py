"""Grader-side helpers for the style-transfer questions (Part 4): the pictures of the
cases and their inputs. The grader's own total loss of an image (VGG16 forward pass and
the four losses in numpy), with which the transfer loop's result is judged, is in
``autograder/student_tools/checks/style.py``, shipped to students for the public cases."""

from __future__ import annotations

import numpy as np
from PIL import Image

from autograder.student_tools.checks.style import (  # noqa: F401  (names the hidden tests and tests use)
    MAX_RATIO,
    MAX_VALUE,
    MEAN,
    STD,
    check_transfer,
    gram,
    targets,
    total_loss,
    vgg16_features,
)
from autograder.question_api import ASSIGNMENT_DATA


def picture(name: str, size: int) -> np.ndarray:
    """The picture ``name`` (scikit-image's png/jpg, shipped in assignment/data/pictures),
    centre-cropped to a square, resized to size x size and normalised: float32 (1, size, size, 3)."""
    files = {"chelsea": "chelsea.png", "coffee": "coffee.png", "ihc": "ihc.png", "gravel": "gravel.png"}
    img = Image.open(ASSIGNMENT_DATA / "pictures" / files[name]).convert("RGB")
    w, h = img.size
    s = min(w, h)
    img = img.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s)).resize((size, size), Image.BICUBIC)
    x = (np.asarray(img, np.float32) / 255.0 - MEAN) / STD
    return x[None].astype(np.float32)


def transfer_inputs(
    rng,
    content,
    style,
    size,
    content_weight,
    style_weights,
    random_init,
    content_layer=3,
    style_layers=(0, 2, 4),
    tv_weight=1.0,
    num_iters=12,
    initial_lr=0.2,
    decayed_lr=0.04,
    decay_lr_at=9,
):
    """The inputs of a style_transfer case: pictures, layers, weights and the schedule;
    the loop starts from the content image (no ``init_img``) or from seeded noise in
    [-1.5, 1.5] (``init_img``)."""
    content_img = picture(content, size)
    out = dict(
        content_img=content_img,
        style_img=picture(style, size),
        content_layer=np.array(content_layer),
        content_weight=np.array(content_weight),
        style_layers=np.array(style_layers),
        style_weights=np.array(style_weights, np.float64),
        tv_weight=np.array(tv_weight),
        num_iters=np.array(num_iters),
        initial_lr=np.array(initial_lr),
        decayed_lr=np.array(decayed_lr),
        decay_lr_at=np.array(decay_lr_at),
    )
    if random_init:
        out["init_img"] = rng.uniform(-1.5, 1.5, content_img.shape).astype(np.float32)
    return out
