"""Render the pictures of the network-visualization data set: one flat-coloured shape on a
cluttered background, with the shape's mask.

``render(rng, label)`` -> (image uint8 (64, 64, 3), mask bool (64, 64)); ``make_split(seed,
n)`` -> images (n, 64, 64, 3) uint8, masks (n, 64, 64) bool, labels (n,) int64. Picture ``i``
of a split is drawn from ``np.random.default_rng([seed, i])``, so any picture can be made
again on its own. Numpy and Pillow only.

Background: a random colour with a linear gradient, 4 to 7 thin straight lines of random
colours (clutter the classifier must learn to ignore) and pixel noise. Object: one of
CLASSES, radius 9 to 22 pixels, random rotation and position (inside the picture), a colour
far from the background's. Drawn at 4x and reduced (anti-aliasing); the mask is the reduced
coverage > 0.5.
"""

import numpy as np
from PIL import Image, ImageDraw

CLASSES = ["circle", "square", "triangle", "star", "cross"]
SIZE = 64
SCALE = 4


def _polygon(label, cx, cy, r, angle):
    """Vertices (list of (x, y)) of a rotated shape of circumradius r, or None for a circle."""
    if label == "circle":
        return None
    if label == "square":
        pts = [(np.cos(a), np.sin(a)) for a in np.pi / 4 + np.arange(4) * np.pi / 2]
    elif label == "triangle":
        pts = [(np.cos(a), np.sin(a)) for a in -np.pi / 2 + np.arange(3) * 2 * np.pi / 3]
    elif label == "star":
        pts = [
            ((1.0 if k % 2 == 0 else 0.42) * np.cos(a), (1.0 if k % 2 == 0 else 0.42) * np.sin(a))
            for k, a in enumerate(-np.pi / 2 + np.arange(10) * np.pi / 5)
        ]
    elif label == "cross":
        w = 0.33
        pts = [
            (w, 1),
            (w, w),
            (1, w),
            (1, -w),
            (w, -w),
            (w, -1),
            (-w, -1),
            (-w, -w),
            (-1, -w),
            (-1, w),
            (-w, w),
            (-w, 1),
        ]
        pts = [(x / np.hypot(1, w), y / np.hypot(1, w)) for x, y in pts]
    else:
        raise ValueError(f"unknown class {label}")
    c, s = np.cos(angle), np.sin(angle)
    return [(cx + r * (c * x - s * y), cy + r * (s * x + c * y)) for x, y in pts]


def _background(rng):
    base = rng.uniform(40, 215, size=3)
    direction = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1) - 0.5
    ramp = (np.cos(direction) * xx + np.sin(direction) * yy)[..., None]
    img = base + ramp * rng.uniform(-60, 60, size=3)
    return img, base


def render(rng, label: int):
    """One picture of class ``label`` (index into CLASSES): (uint8 (64, 64, 3), bool (64, 64))."""
    img, base = _background(rng)
    big = SIZE * SCALE
    clutter = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(clutter)
    for _ in range(rng.integers(4, 8)):
        x0, y0, x1, y1 = rng.uniform(0, big, size=4)
        colour = tuple(int(v) for v in rng.uniform(0, 255, size=3)) + (int(rng.uniform(90, 200)),)
        draw.line([(x0, y0), (x1, y1)], fill=colour, width=int(rng.integers(1, 3)) * SCALE)
    layer = np.asarray(clutter.resize((SIZE, SIZE), Image.BOX), dtype=np.float64)
    alpha = layer[..., 3:] / 255.0
    img = img * (1 - alpha) + layer[..., :3] * alpha

    r = rng.uniform(9, 22)
    cx, cy = rng.uniform(r + 1, SIZE - 1 - r, size=2)
    while True:
        colour = rng.uniform(0, 255, size=3)
        if np.linalg.norm(colour - base) > 110:
            break
    shape = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(shape)
    pts = _polygon(CLASSES[label], cx * SCALE, cy * SCALE, r * SCALE, rng.uniform(0, 2 * np.pi))
    if pts is None:
        R = r * SCALE * 0.85
        draw.ellipse([cx * SCALE - R, cy * SCALE - R, cx * SCALE + R, cy * SCALE + R], fill=255)
    else:
        draw.polygon(pts, fill=255)
    cover = np.asarray(shape.resize((SIZE, SIZE), Image.BOX), dtype=np.float64)[..., None] / 255.0
    img = img * (1 - cover) + colour * cover
    img = img + rng.normal(0, 6, size=img.shape)
    return np.clip(np.round(img), 0, 255).astype(np.uint8), cover[..., 0] > 0.5


def make_split(seed: int, n: int):
    """``n`` pictures with balanced, shuffled labels: (images, masks, labels)."""
    labels = np.random.default_rng([seed, 10**6]).permutation(np.arange(n) % len(CLASSES))
    images = np.empty((n, SIZE, SIZE, 3), np.uint8)
    masks = np.empty((n, SIZE, SIZE), bool)
    for i, label in enumerate(labels):
        images[i], masks[i] = render(np.random.default_rng([seed, i]), int(label))
    return images, masks, labels.astype(np.int64)
