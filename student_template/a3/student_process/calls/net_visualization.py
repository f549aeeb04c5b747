"""Student-side calls of Part 3 (network visualization, TensorFlow 2).

TensorFlow is imported once per student process (on the first question of the part), kept
single-threaded, and the trained SqueezeNet is loaded once from the public assets
(``assets_dir()/netvis/squeezenet.keras``), never from the submission: the student's
functions receive that model and the case's images and return plain arrays.
"""

from __future__ import annotations

import functools

import numpy as np

from ..assets import assets_dir
from .common import CallError, keras_float, named_arrays

MODEL_FILE = ("netvis", "squeezenet.keras")


@functools.cache
def _load():
    """The trained model and a copy of its weights (loaded once per process, TensorFlow on
    one thread)."""
    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # already initialised (e.g. by the student's import): env vars apply
        pass
    import keras

    model = keras.models.load_model(assets_dir().joinpath(*MODEL_FILE), compile=False)
    return model, [w.copy() for w in model.get_weights()]


def squeezenet():
    """The trained model with its shipped weights, restored before every call: a call that
    changed them (e.g. batch-norm statistics updated by ``model(X, training=True)``) costs
    only its own case, not the questions after it."""
    model, weights = _load()
    model.set_weights(weights)
    keras_float("float32")  # the GAN part, graded in the same process, works in float64
    return model


def _array(value, fname, name):
    """A student's return value as a plain numpy array (tf.Tensor and tf.Variable accepted)."""
    if value is None:
        raise CallError(f"{fname} returned None for {name}; expected a numpy array")
    if hasattr(value, "numpy"):
        value = value.numpy()
    try:
        return np.asarray(value)
    except Exception as exc:
        raise CallError(f"{fname} returned a {type(value).__name__} for {name} that is not an array ({exc})") from None


def saliency_maps(pkg, X, y):
    """compute_saliency_maps(X, y, model): the (N, H, W) maps."""
    model = squeezenet()
    fn = pkg.function("net_visualization", "compute_saliency_maps")
    saliency = _array(fn(X.astype(np.float32), y.astype(np.int64), model), "compute_saliency_maps", "saliency")
    return named_arrays(["saliency"], [saliency], "compute_saliency_maps")


def scaled(model, scale):
    """The model with its scores multiplied by ``scale`` (> 0: same classification; a
    normalised gradient step does not depend on it, an unnormalised one does)."""
    if scale == 1:
        return model
    import keras

    inputs = keras.Input(shape=model.input_shape[1:])
    return keras.Model(inputs, keras.layers.Rescaling(scale)(model(inputs)))


def fooling_image(pkg, X, target_y, score_scale=1.0):
    """make_fooling_image(X, target_y, model): the fooling image (1, H, W, 3); the model's
    scores are multiplied by ``score_scale``."""
    model = scaled(squeezenet(), float(score_scale))
    fn = pkg.function("net_visualization", "make_fooling_image")
    X_fooling = _array(fn(X.astype(np.float32), int(target_y), model), "make_fooling_image", "X_fooling")
    return named_arrays(["X_fooling"], [X_fooling], "make_fooling_image")


def class_visualization(pkg, X, target_y, l2_reg, learning_rate):
    """class_visualization_update_step(X, model, target_y, l2_reg, learning_rate): the new
    image. X is passed as a float32 tf.Tensor, as the course's loop passed it (so that a
    ``tape.watch(X)`` works)."""
    import tensorflow as tf

    model = squeezenet()
    fn = pkg.function("net_visualization", "class_visualization_update_step")
    X_new = _array(
        fn(tf.constant(X.astype(np.float32)), model, int(target_y), float(l2_reg), float(learning_rate)),
        "class_visualization_update_step",
        "X",
    )
    return named_arrays(["X"], [X_new], "class_visualization_update_step")


CALLS = {
    "saliency_maps": saliency_maps,
    "fooling_image": fooling_image,
    "class_visualization": class_visualization,
}
