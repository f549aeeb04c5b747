"""The documented contract of every question's inputs, as its function's docstring (the
course's) states it: shapes and their relations, dtypes, value ranges. A case outside it
tests something the course never asked for; tests/test_case_contracts.py checks every case
maker's inputs against this table (``violations``).

``CONTRACTS[question id]`` is ``{input name: spec}`` (the names of the question's call,
autograder/student_process/calls/), plus ``RELATIONS[question id]``, checks across inputs.
A spec is ``"<dtype kind>:<dims>"``:

- dtype kind ``f`` (float), ``i`` (integer), ``b`` (bool), ``U`` (text);
- dims, comma-separated: a number, a name (``N``: the same size wherever it appears in the
  case) or a product (``4*H``); empty for a scalar; ``=D`` for an integer scalar whose value
  is the size ``D``; ``*`` for any shape.

An input name ending in ``?`` may be left out.
"""

from __future__ import annotations

import re

import numpy as np

_NAME = re.compile(r"^[A-Za-z_]\w*$")


def _model(gates: str, loss: bool = False, sample: bool = False, training: bool = False) -> dict:
    """CaptioningRNN's inputs: vocabulary of V words, input_dim D, wordvec_dim W,
    hidden_dim H; ``gates`` is "" (rnn) or "4*" (lstm)."""
    spec = {
        "words": "U:V",
        "word_ids": "i:V",
        "cell_type": "U:",
        "input_dim": "i:=D",
        "wordvec_dim": "i:=W",
        "hidden_dim": "i:=H",
        "param_W_embed": "f:V,W",
        "param_W_proj": "f:D,H",
        "param_b_proj": "f:H",
        "param_Wx": f"f:W,{gates}H",
        "param_Wh": f"f:H,{gates}H",
        "param_b": f"f:{gates}H",
        "param_W_vocab": "f:H,V",
        "param_b_vocab": "f:V",
        "features": "f:N,D",
    }
    if loss or training:
        spec["captions"] = "i:N,T"
    if sample:
        spec["max_length"] = "i:"
    if training:
        spec.update(
            seed="i:",
            num_epochs="i:",
            batch_size="i:",
            learning_rate_adam="f:",
            learning_rate_sgd="f:",
            lr_decay="f:",
        )
    return spec


_RNN_STEP = {"x": "f:N,D", "prev_h": "f:N,H", "Wx": "f:D,H", "Wh": "f:H,H", "b": "f:H"}
_RNN_SEQ = {"x": "f:N,T,D", "h0": "f:N,H", "Wx": "f:D,H", "Wh": "f:H,H", "b": "f:H"}
_LSTM_STEP = {"x": "f:N,D", "prev_h": "f:N,H", "prev_c": "f:N,H", "Wx": "f:D,4*H", "Wh": "f:H,4*H", "b": "f:4*H"}
_LSTM_SEQ = {"x": "f:N,T,D", "h0": "f:N,H", "Wx": "f:D,4*H", "Wh": "f:H,4*H", "b": "f:4*H"}
_IMAGE = "f:1,H,W,C"
_MODEL_CHECK = {"seed": "i:"}

CONTRACTS = {
    "rnn_step_forward": _RNN_STEP,
    "rnn_step_backward": {**_RNN_STEP, "dnext_h": "f:N,H"},
    "rnn_forward": _RNN_SEQ,
    "rnn_backward": {**_RNN_SEQ, "dh": "f:N,T,H"},
    "word_embedding_forward": {"x": "i:N,T", "W": "f:V,D"},
    "word_embedding_backward": {"x": "i:N,T", "W": "f:V,D", "dout": "f:N,T,D"},
    "temporal_affine": {"x": "f:N,T,D", "w": "f:D,M", "b": "f:M", "dout": "f:N,T,M"},
    "temporal_softmax_loss": {"x": "f:N,T,V", "y": "i:N,T", "mask": "b:N,T"},
    "rnn_loss": _model("", loss=True),
    "rnn_overfit": _model("", training=True),
    "rnn_sample": _model("", sample=True),
    "lstm_step_forward": _LSTM_STEP,
    "lstm_step_backward": {**_LSTM_STEP, "dnext_h": "f:N,H", "dnext_c": "f:N,H"},
    "lstm_forward": _LSTM_SEQ,
    "lstm_backward": {**_LSTM_SEQ, "dh": "f:N,T,H"},
    "lstm_loss": _model("4*", loss=True),
    "lstm_overfit": _model("4*", training=True),
    "lstm_sample": _model("4*", sample=True),
    "saliency_maps": {"X": "f:N,S,S,3", "y": "i:N"},
    "fooling_image": {"X": "f:1,S,S,3", "target_y": "i:", "score_scale": "f:"},
    "class_visualization": {"X": "f:1,S,S,3", "target_y": "i:", "l2_reg": "f:", "learning_rate": "f:"},
    "content_loss": {"content_weight": "f:", "content_current": _IMAGE, "content_original": _IMAGE},
    "gram_matrix": {"features": _IMAGE, "normalize": "b:"},
    "style_loss": {"style_layers": "i:L", "style_weights": "f:L"},  # feat_<i>, target_<k>: RELATIONS
    "tv_loss": {"img": "f:1,H,W,3", "tv_weight": "f:", "reps?": "i:"},
    "style_transfer": {
        "content_img": "f:1,H,W,3",
        "style_img": "f:1,P,Q,3",
        "content_layer": "i:",
        "content_weight": "f:",
        "style_layers": "i:L",
        "style_weights": "f:L",
        "tv_weight": "f:",
        "num_iters": "i:",
        "initial_lr": "f:",
        "decayed_lr": "f:",
        "decay_lr_at": "i:",
        "init_img?": "f:1,H,W,3",
    },
    "leaky_relu": {"x": "f:*", "alpha?": "f:"},
    "sample_noise": {"batch_size": "i:", "dim": "i:"},
    "discriminator": {"x": "f:N,784", **_MODEL_CHECK},
    "generator": {"z": "f:N,Z", "noise_dim": "i:=Z", **_MODEL_CHECK},
    "gan_loss": {"logits_real": "f:N,1", "logits_fake": "f:N,1"},
    "get_solvers": {"learning_rate?": "f:", "beta1?": "f:"},
    "gan_training": {"real": "f:N,784", "noise": "f:K,N,Z", "noise_dim": "i:=Z", "seed_D": "i:", "seed_G": "i:"},
    "ls_gan_loss": {"scores_real": "f:N,1", "scores_fake": "f:N,1"},
    "dc_discriminator": {"x": "f:N,784", **_MODEL_CHECK},
    "dc_generator": {"z": "f:N,Z", "noise_dim": "i:=Z", **_MODEL_CHECK},
}


def _in_range(name, lo, hi):
    """``lo <= inputs[name] < hi`` (hi a size name or a number), as a relation."""

    def check(inputs, dims):
        top = dims[hi] if isinstance(hi, str) else hi
        value = np.asarray(inputs[name])
        return bool(value.size == 0 or (value.min() >= lo and value.max() < top))

    return (f"{lo} <= {name} < {hi}", check)


def _positive(*names):
    return (
        f"{', '.join(names)} > 0",
        lambda inputs, dims: all(float(inputs[n]) > 0 for n in names if n in inputs),
    )


def _style_targets(inputs, dims):
    """Layer indices name existing features; target_<k> is (C, C) for the C channels of the
    features of style_layers[k]."""
    n_feats = sum(k.startswith("feat_") for k in inputs)
    layers = [int(i) for i in np.atleast_1d(inputs["style_layers"])]
    if any(not 0 <= i < n_feats for i in layers):
        return False
    for k, i in enumerate(layers):
        feat, target = inputs[f"feat_{i}"], inputs.get(f"target_{k}")
        if feat.ndim != 4 or feat.shape[0] != 1 or target is None or target.shape != (feat.shape[3], feat.shape[3]):
            return False
    return True


_CAPTIONS = [
    _in_range("captions", 0, "V"),
    ("the word ids are distinct", lambda i, d: len(set(i["word_ids"].tolist())) == len(i["word_ids"])),
]
_TRAINING = _CAPTIONS + [
    _positive("num_epochs", "batch_size", "learning_rate_adam", "learning_rate_sgd", "lr_decay"),
    ("batch_size <= N", lambda i, d: int(i["batch_size"]) <= d["N"]),
]
_SAMPLE = [_CAPTIONS[1], _positive("max_length")]

RELATIONS = {
    "word_embedding_forward": [_in_range("x", 0, "V")],
    "word_embedding_backward": [_in_range("x", 0, "V")],
    "temporal_softmax_loss": [_in_range("y", 0, "V")],
    "rnn_loss": _CAPTIONS,
    "lstm_loss": _CAPTIONS,
    "rnn_overfit": _TRAINING,
    "lstm_overfit": _TRAINING,
    "rnn_sample": _SAMPLE,
    "lstm_sample": _SAMPLE,
    "saliency_maps": [_in_range("y", 0, 1000)],
    "fooling_image": [_in_range("target_y", 0, 1000), _positive("score_scale")],
    "class_visualization": [_in_range("target_y", 0, 1000), ("l2_reg >= 0", lambda i, d: float(i["l2_reg"]) >= 0)],
    "style_loss": [("targets are the Gram matrices' shapes of the style layers", _style_targets)],
    "style_transfer": [_positive("num_iters", "initial_lr", "decayed_lr")],
    "sample_noise": [_positive("batch_size", "dim")],
    "gan_training": [_in_range("real", 0, 1.0000001), _in_range("noise", -1, 1.0000001)],
}


def _spec_dims(spec: str):
    kind, _, dims = spec.partition(":")
    return kind, dims


def violations(qid: str, inputs: dict) -> list[str]:
    """What in ``inputs`` (one case's {name: array}) breaks question ``qid``'s contract;
    [] if nothing."""
    out, sizes, products = [], {}, []
    contract = CONTRACTS[qid]
    known = {name.rstrip("?") for name in contract}
    if qid == "style_loss":
        known |= {k for k in inputs if re.match(r"^(feat|target)_\d+$", k)}
    out += [f"{name}: not an input of the contract" for name in inputs if name not in known]
    for key, spec in contract.items():
        name = key.rstrip("?")
        if name not in inputs:
            if not key.endswith("?"):
                out.append(f"{name}: missing")
            continue
        value = np.asarray(inputs[name])
        kind, dims = _spec_dims(spec)
        if value.dtype.kind != kind and not (kind == "i" and value.dtype.kind == "u"):
            out.append(f"{name}: dtype {value.dtype}, the contract's kind {kind!r}")
        if dims == "*":
            continue
        if dims.startswith("="):  # an integer scalar that is a size
            if value.shape != ():
                out.append(f"{name}: shape {value.shape}, the contract's a scalar")
                continue
            wanted = [(dims[1:], int(value))]
        else:
            names = [d for d in dims.split(",") if d]
            if len(value.shape) != len(names):
                out.append(f"{name}: shape {value.shape}, the contract's ({dims})")
                continue
            wanted = list(zip(names, value.shape))
        for dim, size in wanted:
            if dim.isdigit():
                if int(dim) != size:
                    out.append(f"{name}: size {size} where the contract has {dim}")
            elif _NAME.match(dim):
                if sizes.setdefault(dim, size) != size:
                    out.append(f"{name}: {dim} = {size}, elsewhere in the case {dim} = {sizes[dim]}")
            else:
                products.append((name, dim, size))
    for name, dim, size in products:
        factor, _, dim_name = dim.partition("*")  # "4*H": our own table's products
        if int(factor) * sizes[dim_name] != size:
            out.append(f"{name}: size {size}, the contract's {dim} = {int(factor) * sizes[dim_name]}")
    if not out:
        out += [f"breaks: {text}" for text, check in RELATIONS.get(qid, []) if not check(inputs, sizes)]
    return out
