"""What the course's notebook handed each student function, question by question: the kind
of every argument (``kind_of``), as one table that tests/test_notebook_kinds.py compares
with the kinds that reach the student's functions in every case of every question.

A kind is a short text: ``int``, ``float``, ``bool``, ``str, interned`` (a literal in the
notebook: ``cell_type is 'rnn'`` holds), ``ndarray float64``, ``ndarray int`` (any signed
width: numpy's default integer differs by platform), ``tf.Tensor float32``, ``list of int``,
``keras model`` ... A numpy scalar (``numpy int64``) or a ``str`` built at run time is a
kind of its own, so a call that passes one where the notebook passed a Python scalar or a
literal does not match the table.

``KINDS[question id][function][parameter]`` is the kind (or a tuple of the kinds allowed,
when cases differ on purpose, e.g. an optional argument left out). ``ANY`` marks what is
the student's own (a cache their forward pass returned), which the calls pass back as is.
``function`` is the qualified name the call asks the package for (``CaptioningRNN`` is its
constructor, ``CaptioningRNN.loss`` a method).
"""

from __future__ import annotations

import sys

import numpy as np

ANY = "any"  # the student's own object, passed back unchanged

F64, F32, INT, BOOL = "ndarray float64", "ndarray float32", "ndarray int", "ndarray bool"
T32, T64 = "tf.Tensor float32", "tf.Tensor float64"
LITERAL = "str, interned"
MODEL, OPTIMIZER = "keras model", "keras optimizer"


def kind_of(value) -> str:
    """The kind of one argument (see the module's docstring)."""
    if type(value) in (bool, int, float):
        return type(value).__name__
    if type(value) is str:
        return LITERAL if sys.intern(value) is value else "str"
    if value is None:
        return "None"
    if isinstance(value, np.generic):
        return f"numpy {value.dtype.name}"
    if isinstance(value, np.ndarray):
        return {"i": "ndarray int", "U": "ndarray str"}.get(value.dtype.kind, f"ndarray {value.dtype.name}")
    if isinstance(value, type) and issubclass(value, np.generic):
        return f"numpy type {value.__name__}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__} of {_kinds(value)}"
    if isinstance(value, dict):
        keys, values = _kinds(value), _kinds(value.values())
        return f"dict of {keys} -> {values}"
    module = type(value).__module__ or ""
    if module.startswith(("tensorflow", "keras")):
        names = {c.__name__ for c in type(value).__mro__}
        if "Model" in names or "Layer" in names:
            return MODEL
        if "Optimizer" in names:
            return OPTIMIZER
        if "Variable" in type(value).__name__ or "Variable" in names:
            return f"tf.Variable {value.dtype.name}"
        if hasattr(value, "dtype") and hasattr(value, "shape"):
            return f"tf.Tensor {value.dtype.name}"
    if callable(value) and hasattr(value, "__code__"):
        return "function"
    return type(value).__name__


def _kinds(values) -> str:
    """The kinds of a container's items, sorted and joined (a str is a str there, interned
    or not: only an argument's own identity can matter to an ``is``)."""
    return " | ".join(sorted({"str" if kind_of(v) == LITERAL else kind_of(v) for v in values}))


def _layers(*names, ints=()):
    """{name: ndarray float64}, with the names in ``ints`` integer arrays."""
    return {n: INT if n in ints else F64 for n in names}


_RNN_STEP = _layers("x", "prev_h", "Wx", "Wh", "b")
_LSTM_STEP = _layers("x", "prev_h", "prev_c", "Wx", "Wh", "b")
_SEQUENCE = _layers("x", "h0", "Wx", "Wh", "b")
_MODEL = {  # CaptioningRNN(word_to_idx, input_dim=..., ..., cell_type='rnn', dtype=np.float64)
    "word_to_idx": "dict of str -> int",
    "input_dim": "int",
    "wordvec_dim": "int",
    "hidden_dim": "int",
    "cell_type": LITERAL,
    "dtype": "numpy type float64",
}
_MODEL_LOSS = {"features": F64, "captions": INT}
_SOLVER = {  # CaptioningSolver(model, data, update_rule='adam', num_epochs=..., ...)
    "model": "CaptioningRNN",
    "data": "dict of str -> dict of str -> int | list of str | ndarray float64 | ndarray int | ndarray str",
    "update_rule": LITERAL,
    "num_epochs": "int",
    "batch_size": "int",
    "optim_config": "dict of str -> float",
    "lr_decay": "float",
    "verbose": "bool",
}
_TRAINING = {
    "CaptioningRNN": _MODEL,
    "CaptioningRNN.loss": _MODEL_LOSS,
    "CaptioningSolver": _SOLVER,
    "CaptioningSolver.train": {},
}
_SAMPLE = {"CaptioningRNN": _MODEL, "CaptioningRNN.sample": {"features": F64, "max_length": "int"}}

KINDS = {
    # Part 1: numpy arrays as the notebook's np.linspace / np.random made them
    "rnn_step_forward": {"rnn_step_forward": _RNN_STEP},
    "rnn_step_backward": {"rnn_step_forward": _RNN_STEP, "rnn_step_backward": {"dnext_h": F64, "cache": ANY}},
    "rnn_forward": {"rnn_forward": _SEQUENCE},
    "rnn_backward": {"rnn_forward": _SEQUENCE, "rnn_backward": {"dh": F64, "cache": ANY}},
    "word_embedding_forward": {"word_embedding_forward": _layers("x", "W", ints=("x",))},
    "word_embedding_backward": {
        "word_embedding_forward": _layers("x", "W", ints=("x",)),
        "word_embedding_backward": {"dout": F64, "cache": ANY},
    },
    "temporal_affine": {
        "temporal_affine_forward": _layers("x", "w", "b"),
        "temporal_affine_backward": {"dout": F64, "cache": ANY},
    },
    "temporal_softmax_loss": {"temporal_softmax_loss": {"x": F64, "y": INT, "mask": BOOL}},
    "rnn_loss": {"CaptioningRNN": _MODEL, "CaptioningRNN.loss": _MODEL_LOSS},
    "rnn_overfit": _TRAINING,
    "rnn_sample": _SAMPLE,
    # Part 2
    "lstm_step_forward": {"lstm_step_forward": _LSTM_STEP},
    "lstm_step_backward": {
        "lstm_step_forward": _LSTM_STEP,
        "lstm_step_backward": {"dnext_h": F64, "dnext_c": F64, "cache": ANY},
    },
    "lstm_forward": {"lstm_forward": _SEQUENCE},
    "lstm_backward": {"lstm_forward": _SEQUENCE, "lstm_backward": {"dh": F64, "cache": ANY}},
    "lstm_loss": {"CaptioningRNN": _MODEL, "CaptioningRNN.loss": _MODEL_LOSS},
    "lstm_overfit": _TRAINING,
    "lstm_sample": _SAMPLE,
    # Part 3: images as preprocess_image made them (float32 numpy), class indices as ints;
    # the class visualization loop hands the step a float32 tensor
    "saliency_maps": {"compute_saliency_maps": {"X": F32, "y": INT, "model": MODEL}},
    "fooling_image": {"make_fooling_image": {"X": F32, "target_y": "int", "model": MODEL}},
    "class_visualization": {
        "class_visualization_update_step": {
            "X": T32,
            "model": MODEL,
            "target_y": "int",
            "l2_reg": "float",
            "learning_rate": "float",
        }
    },
    # Part 4: features as the VGG16 extractor gives them (float32 tensors), weights as floats,
    # layer indices as a list of ints
    "content_loss": {"content_loss": {"content_weight": "float", "content_current": T32, "content_original": T32}},
    "gram_matrix": {"gram_matrix": {"features": T32, "normalize": "bool"}},
    "style_loss": {
        "style_loss": {
            "feats": "list of tf.Tensor float32",
            "style_layers": "list of int",
            "style_targets": "list of tf.Tensor float32",
            "style_weights": "list of float",
        }
    },
    "tv_loss": {"tv_loss": {"img": T32, "tv_weight": "float"}},
    "style_transfer": {
        "vgg16_features": {"num_layers": "int"},
        "style_transfer": {
            "model": MODEL,
            "content_img": F32,
            "style_img": F32,
            "content_layer": "int",
            "content_weight": "float",
            "style_layers": "list of int",
            "style_weights": "list of float",
            "tv_weight": "float",
            "init_img": ("None", F32),
            "num_iters": "int",
            "initial_lr": "float",
            "decayed_lr": "float",
            "decay_lr_at": "int",
        },
    },
    # Part 5: the notebook's tf.constant of its arrays; logits and scores float32 as the
    # course's discriminator produced them; sizes as Python ints
    "leaky_relu": {"leaky_relu": {"x": T64, "alpha": "float"}},
    "sample_noise": {"sample_noise": {"batch_size": "int", "dim": "int"}},
    "discriminator": {"discriminator": {}},
    "generator": {"generator": {"noise_dim": "int"}},
    "gan_loss": {
        "discriminator_loss": {"logits_real": T32, "logits_fake": T32},
        "generator_loss": {"logits_fake": T32},
    },
    "get_solvers": {"get_solvers": {"learning_rate": "float", "beta1": "float"}},
    "gan_training": {
        "discriminator": {},
        "generator": {"noise_dim": "int"},
        "get_solvers": {},
        "train_step": {
            "D": MODEL,
            "G": MODEL,
            "D_solver": OPTIMIZER,
            "G_solver": OPTIMIZER,
            "real_images": T32,
            "noise": T32,
            "discriminator_loss": "function",
            "generator_loss": "function",
        },
    },
    "ls_gan_loss": {
        "ls_discriminator_loss": {"scores_real": T32, "scores_fake": T32},
        "ls_generator_loss": {"scores_fake": T32},
    },
    "dc_discriminator": {"dc_discriminator": {}},
    "dc_generator": {"dc_generator": {"noise_dim": "int"}},
}
