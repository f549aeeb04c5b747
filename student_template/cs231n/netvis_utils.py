"""Image utilities of the network-visualization notebook (given code; named apart from the
course's image_utils, which the style-transfer part uses): the data folder,
the trained SqueezeNet and its class names, the held-out pictures, preprocessing with the
model's mean and std, and the blur and jitter used by class visualization.

Images are numpy arrays (N, H, W, 3): uint8 pictures, or float32 preprocessed images
(``(picture / 255 - mean) / std`` per channel, what the model takes).

Where the data is looked for: ``$CS231N_NETVIS_DIR`` if set, otherwise the first existing
folder of ``<folder containing cs231n>/datasets/netvis`` and
``<repository>/assignment/data/netvis``. It holds ``squeezenet.keras`` (the trained model),
``squeezenet.json`` (class names, mean, std, how it was trained) and ``heldout.npz``
(pictures the model never saw during training, with their labels and object masks).
"""
import json
import os

import numpy as np

_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_CANDIDATE_DIRS = [
    os.path.join(_PKG_PARENT, 'datasets', 'netvis'),
    os.path.join(os.path.dirname(_PKG_PARENT), 'assignment', 'data', 'netvis'),
]


def netvis_dir():
    """The data folder (see the module docstring)."""
    env = os.environ.get('CS231N_NETVIS_DIR')
    if env:
        return env
    for d in _CANDIDATE_DIRS:
        if os.path.isdir(d):
            return d
    return _CANDIDATE_DIRS[0]


def _require(name, base_dir=None):
    path = os.path.join(base_dir or netvis_dir(), name)
    if not os.path.exists(path):
        raise FileNotFoundError(f'{path} not found; set CS231N_NETVIS_DIR to the folder that holds '
                                f'squeezenet.keras, squeezenet.json and heldout.npz')
    return path


def load_model_info(base_dir=None):
    """The model's description (dict): ``class_names`` (list of str), ``mean`` and ``std``
    (3 floats each, of pictures scaled to [0, 1]), ``input_shape``, and how it was trained."""
    with open(_require('squeezenet.json', base_dir)) as f:
        return json.load(f)


def load_squeezenet(base_dir=None):
    """The trained SqueezeNet (a Keras model: float32 images (N, 64, 64, 3) -> scores
    (N, num_classes)). Its layers are standard Keras layers, so no custom code is needed."""
    import keras
    return keras.models.load_model(_require('squeezenet.keras', base_dir), compile=False)


def load_heldout(base_dir=None):
    """Held-out pictures: dict with ``images`` uint8 (N, 64, 64, 3), ``labels`` int64 (N,),
    ``masks`` bool (N, 64, 64) (True on the object)."""
    with np.load(_require('heldout.npz', base_dir)) as data:
        return {k: data[k] for k in data.files}


def _mean_std():
    info = load_model_info()
    return np.array(info['mean'], dtype=np.float32), np.array(info['std'], dtype=np.float32)


def preprocess_image(img):
    """uint8 pictures (..., H, W, 3) -> float32 model inputs (picture / 255 - mean) / std."""
    mean, std = _mean_std()
    return ((np.asarray(img, dtype=np.float32) / 255.0) - mean) / std


def deprocess_image(img, rescale=False):
    """Model inputs (..., H, W, 3) -> uint8 pictures. With ``rescale``, stretch the values
    to the full [0, 255] range first (for pictures far outside the data's range)."""
    mean, std = _mean_std()
    img = np.asarray(img, dtype=np.float32) * std + mean
    if rescale:
        vmin, vmax = img.min(), img.max()
        img = (img - vmin) / max(vmax - vmin, 1e-8)
    return np.clip(255 * img, 0.0, 255.0).astype(np.uint8)


def _gaussian_kernel(sigma):
    radius = max(1, int(round(3 * sigma)))
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    k = np.exp(-0.5 * (x / sigma) ** 2)
    return (k / k.sum()).astype(np.float32)


def blur_image(X, sigma=1):
    """Gaussian blur of each image along height and width (edges reflected).
    X: (N, H, W, C) array -> float32 array of the same shape."""
    X = np.asarray(X, dtype=np.float32)
    k = _gaussian_kernel(sigma)
    r = len(k) // 2
    for axis in (1, 2):
        pad = [(0, 0)] * X.ndim
        pad[axis] = (r, r)
        P = np.pad(X, pad, mode='reflect')
        n = X.shape[axis]
        X = sum(w * np.take(P, np.arange(i, i + n), axis=axis) for i, w in enumerate(k))
    return X.astype(np.float32)


def jitter(X, ox, oy):
    """Shift images by ``ox`` pixels to the right and ``oy`` down, wrapping around.
    X: (N, H, W, C) -> same shape."""
    return np.roll(np.roll(X, ox, axis=2), oy, axis=1)
