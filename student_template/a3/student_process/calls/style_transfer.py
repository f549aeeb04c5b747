"""Student-side calls of Part 4 (style transfer, TensorFlow 2): the four losses on the
arrays of a case, and the transfer loop of the student's package with its VGG16 feature
extractor. TensorFlow is imported on the first call of this part (once per student
process) and kept single-threaded."""

from __future__ import annotations

import numpy as np

from .common import CallError, keras_float, named_arrays, unpack

MODULE = "style_transfer"
_models = {}  # num_layers -> the student's VGG16 feature extractor


def _tf():
    """TensorFlow, imported once, with one thread per op and between ops."""
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # already initialised (by a previous call): set already
        pass
    keras_float("float32")  # the GAN part, graded in the same process, works in float64
    return tf


def _constant(x):
    return _tf().constant(np.asarray(x, dtype=np.float32))


def _array(value, name, fname):
    """A value the student's function returned (tf.Tensor, numpy or float) as an ndarray."""
    if value is None:
        raise CallError(f"{fname} returned None for {name} (is the return statement missing?)")
    try:
        arr = np.asarray(value.numpy() if hasattr(value, "numpy") else value)
    except Exception as exc:  # a symbolic tensor, a list of tensors of different shapes, ...
        raise CallError(
            f"{fname} returned {name} of type {type(value).__name__}, not a number or tensor ({exc})"
        ) from None
    if arr.dtype.kind not in "biuf":
        raise CallError(
            f"{fname} returned {name} of type {type(value).__name__} (dtype {arr.dtype}); expected a number or tensor"
        )
    return arr


def content_loss(pkg, content_weight, content_current, content_original):
    fn = pkg.function(MODULE, "content_loss")
    loss = fn(float(content_weight), _constant(content_current), _constant(content_original))
    return {"loss": _array(loss, "the loss", "content_loss")}


def gram_matrix(pkg, features, normalize):
    fn = pkg.function(MODULE, "gram_matrix")
    gram = fn(_constant(features), normalize=bool(normalize))
    return {"gram": _array(gram, "the Gram matrix", "gram_matrix")}


def style_loss(pkg, style_layers, style_weights, **arrays):
    """feat_<i> are the features of layer i, target_<k> the Gram matrix of style layer k."""
    fn = pkg.function(MODULE, "style_loss")
    layers = [int(i) for i in np.atleast_1d(style_layers)]
    feats = [_constant(arrays[f"feat_{i}"]) for i in range(sum(k.startswith("feat_") for k in arrays))]
    targets = [_constant(arrays[f"target_{k}"]) for k in range(len(layers))]
    loss = fn(feats, layers, targets, [float(w) for w in np.atleast_1d(style_weights)])
    return {"loss": _array(loss, "the loss", "style_loss")}


def tv_loss(pkg, img, tv_weight, reps=None):
    """With ``reps``, the image is ``img`` tiled reps x reps times (a large input)."""
    fn = pkg.function(MODULE, "tv_loss")
    if reps is not None:
        img = np.tile(img, (1, int(reps), int(reps), 1))
    loss = fn(_constant(img), float(tv_weight))
    return {"loss": _array(loss, "the loss", "tv_loss")}


def style_transfer(
    pkg,
    content_img,
    style_img,
    content_layer,
    content_weight,
    style_layers,
    style_weights,
    tv_weight,
    num_iters,
    initial_lr,
    decayed_lr,
    decay_lr_at,
    init_img=None,
):
    """The student's transfer loop with the student's feature extractor (built once per
    number of layers), from ``init_img`` (default: the content image); returns the final
    image and the loss history."""
    _tf()
    layers = [int(i) for i in np.atleast_1d(style_layers)]
    num_layers = max(layers + [int(content_layer)]) + 1
    if num_layers not in _models:
        _models[num_layers] = pkg.function(MODULE, "vgg16_features")(num_layers)
    result = pkg.function(MODULE, "style_transfer")(
        _models[num_layers],
        content_img.astype(np.float32),
        style_img.astype(np.float32),
        int(content_layer),
        float(content_weight),
        layers,
        [float(w) for w in np.atleast_1d(style_weights)],
        float(tv_weight),
        init_img=None if init_img is None else init_img.astype(np.float32),
        num_iters=int(num_iters),
        initial_lr=float(initial_lr),
        decayed_lr=float(decayed_lr),
        decay_lr_at=int(decay_lr_at),
    )
    img, losses = unpack(result, ("img", "losses"), "style_transfer")
    return named_arrays(
        ["img", "losses"],
        [_array(img, "img", "style_transfer"), _array(losses, "losses", "style_transfer")],
        "style_transfer",
    )


CALLS = {
    "content_loss": content_loss,
    "gram_matrix": gram_matrix,
    "style_loss": style_loss,
    "tv_loss": tv_loss,
    "style_transfer": style_transfer,
}
