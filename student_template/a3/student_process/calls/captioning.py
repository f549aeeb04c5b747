"""Student-side calls of Parts 1 and 2 (captioning with an RNN and an LSTM, numpy)."""

from __future__ import annotations

import sys

import numpy as np

from .common import CallError, named_arrays, scalar, unpack


def _layer(pkg, name, *args, returns):
    fn = pkg.function("rnn_layers", name)
    return unpack(fn(*args), returns, name)


def _check_forward_backward(pkg, fwd, fwd_args, bwd, upstream, grad_names, fwd_returns=("out", "cache")):
    """Run ``fwd`` then ``bwd`` on the cache it returned; returns the named gradients."""
    outs = _layer(pkg, fwd, *fwd_args, returns=fwd_returns)
    grads = _layer(pkg, bwd, *upstream, outs[-1], returns=grad_names)
    return named_arrays(grad_names, grads, bwd)


# ---------------------------------------------------------------- Part 1: RNN layers
def rnn_step_forward(pkg, x, prev_h, Wx, Wh, b):
    next_h, _ = _layer(pkg, "rnn_step_forward", x, prev_h, Wx, Wh, b, returns=("next_h", "cache"))
    return named_arrays(["next_h"], [next_h], "rnn_step_forward")


def rnn_step_backward(pkg, x, prev_h, Wx, Wh, b, dnext_h):
    return _check_forward_backward(
        pkg,
        "rnn_step_forward",
        (x, prev_h, Wx, Wh, b),
        "rnn_step_backward",
        (dnext_h,),
        ("dx", "dprev_h", "dWx", "dWh", "db"),
        ("next_h", "cache"),
    )


def rnn_forward(pkg, x, h0, Wx, Wh, b):
    h, _ = _layer(pkg, "rnn_forward", x, h0, Wx, Wh, b, returns=("h", "cache"))
    return named_arrays(["h"], [h], "rnn_forward")


def rnn_backward(pkg, x, h0, Wx, Wh, b, dh):
    return _check_forward_backward(
        pkg, "rnn_forward", (x, h0, Wx, Wh, b), "rnn_backward", (dh,), ("dx", "dh0", "dWx", "dWh", "db"), ("h", "cache")
    )


def word_embedding_forward(pkg, x, W):
    out, _ = _layer(pkg, "word_embedding_forward", x, W, returns=("out", "cache"))
    return named_arrays(["out"], [out], "word_embedding_forward")


def word_embedding_backward(pkg, x, W, dout):
    return _check_forward_backward(pkg, "word_embedding_forward", (x, W), "word_embedding_backward", (dout,), ("dW",))


def temporal_affine(pkg, x, w, b, dout):
    out, cache = _layer(pkg, "temporal_affine_forward", x, w, b, returns=("out", "cache"))
    dx, dw, db = _layer(pkg, "temporal_affine_backward", dout, cache, returns=("dx", "dw", "db"))
    return named_arrays(["out", "dx", "dw", "db"], [out, dx, dw, db], "temporal_affine_backward")


def temporal_softmax_loss(pkg, x, y, mask):
    loss, dx = _layer(pkg, "temporal_softmax_loss", x, y, mask, returns=("loss", "dx"))
    return named_arrays(["loss", "dx"], [loss, dx], "temporal_softmax_loss")


# ---------------------------------------------------------------- Part 2: LSTM layers
def lstm_step_forward(pkg, x, prev_h, prev_c, Wx, Wh, b):
    next_h, next_c, _ = _layer(
        pkg, "lstm_step_forward", x, prev_h, prev_c, Wx, Wh, b, returns=("next_h", "next_c", "cache")
    )
    return named_arrays(["next_h", "next_c"], [next_h, next_c], "lstm_step_forward")


def lstm_step_backward(pkg, x, prev_h, prev_c, Wx, Wh, b, dnext_h, dnext_c):
    outs = _layer(pkg, "lstm_step_forward", x, prev_h, prev_c, Wx, Wh, b, returns=("next_h", "next_c", "cache"))
    names = ("dx", "dprev_h", "dprev_c", "dWx", "dWh", "db")
    grads = _layer(pkg, "lstm_step_backward", dnext_h, dnext_c, outs[-1], returns=names)
    return named_arrays(names, grads, "lstm_step_backward")


def lstm_forward(pkg, x, h0, Wx, Wh, b):
    h, _ = _layer(pkg, "lstm_forward", x, h0, Wx, Wh, b, returns=("h", "cache"))
    return named_arrays(["h"], [h], "lstm_forward")


def lstm_backward(pkg, x, h0, Wx, Wh, b, dh):
    return _check_forward_backward(
        pkg,
        "lstm_forward",
        (x, h0, Wx, Wh, b),
        "lstm_backward",
        (dh,),
        ("dx", "dh0", "dWx", "dWh", "db"),
        ("h", "cache"),
    )


# ---------------------------------------------------------------- the captioning model
PARAM = "param_"  # inputs/outputs named param_<name> are model.params[<name>]
GRAD = "grad_"  # outputs named grad_<name> are grads[<name>]


def _model(pkg, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, params=None, dtype=np.float64):
    """Build the student's CaptioningRNN and set its parameters from ``params``, with the
    argument kinds the course's notebook used (calls/notebook_kinds.py): Python ints, the
    cell type an interned str (a literal there)."""
    cls = pkg.function("classifiers.rnn", "CaptioningRNN")
    word_to_idx = {str(w): int(i) for w, i in zip(words, word_ids)}
    model = cls(
        word_to_idx,
        input_dim=int(input_dim),
        wordvec_dim=int(wordvec_dim),
        hidden_dim=int(hidden_dim),
        cell_type=sys.intern(str(cell_type)),  # the notebook's literal 'rnn' is interned: `is 'rnn'` holds
        dtype=dtype,
    )
    for name, value in (params or {}).items():
        model.params[name] = value.astype(dtype)
    return model


def _split_params(inputs):
    params = {k[len(PARAM) :]: v for k, v in inputs.items() if k.startswith(PARAM)}
    rest = {k: v for k, v in inputs.items() if not k.startswith(PARAM)}
    return params, rest


def captioning_loss(pkg, features, captions, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, **inputs):
    """CaptioningRNN.loss on fixed parameters: the loss and every gradient."""
    params, _ = _split_params(inputs)
    model = _model(pkg, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, params)
    loss, grads = unpack(model.loss(features, captions), ("loss", "grads"), "CaptioningRNN.loss")
    if not isinstance(grads, dict):
        raise CallError(f"CaptioningRNN.loss returned grads of type {type(grads).__name__}; expected a dict")
    out = {"loss": loss}
    for name in params:
        if name in grads:
            out[GRAD + name] = grads[name]
    return named_arrays(list(out), list(out.values()), "CaptioningRNN.loss")


RULES = ("adam", "sgd")  # the training runs of the trajectory questions, in this order


def _checked_grads(model, features, captions):
    """One call of the student's loss on the training data, before any solver runs: every
    parameter must have a gradient of its shape (else the solver fails on a KeyError or
    moves nothing). Returns {grad_<name>: that gradient, float64}; raises CallError naming
    what is missing."""
    _, grads = unpack(model.loss(features, captions), ("loss", "grads"), "CaptioningRNN.loss")
    if not isinstance(grads, dict):
        raise CallError(f"CaptioningRNN.loss returned grads of type {type(grads).__name__}; expected a dict")
    for name, value in model.params.items():
        if name not in grads:
            raise CallError(
                f"CaptioningRNN.loss returned no grads['{name}']: the solver updates every "
                f"model.params[k] with grads[k], so each parameter needs its gradient"
            )
        if np.shape(grads[name]) != np.shape(value):
            raise CallError(
                f"CaptioningRNN.loss returned grads['{name}'] of shape {np.shape(grads[name])}; "
                f"expected {np.shape(value)}, the shape of model.params['{name}']"
            )
    return {GRAD + name: np.array(grads[name], dtype=np.float64) for name in model.params}


def captioning_training(
    pkg,
    features,
    captions,
    words,
    word_ids,
    cell_type,
    input_dim,
    wordvec_dim,
    hidden_dim,
    seed,
    num_epochs,
    batch_size,
    learning_rate_adam,
    learning_rate_sgd,
    lr_decay,
    **inputs,
):
    """A few seeded steps of the student's CaptioningSolver on the student's model, from the
    given parameters, once with update_rule='adam' and once with 'sgd' (np.random seeded
    with ``seed`` before each, so both draw the reference's minibatches). Returns, per rule
    in RULES, ``<rule>_loss_history`` (steps,) and ``<rule>_param_<name>`` (the parameters
    after training), and ``grad_<name>``, the gradients at the given parameters on all the
    captions (to say what went wrong); all float64."""
    params, _ = _split_params(inputs)
    model = _model(pkg, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, params)
    out = _checked_grads(model, features, captions)
    solver_cls = pkg.function("captioning_solver", "CaptioningSolver")
    n = len(captions)
    data = {
        "train_captions": captions,
        "train_image_idxs": np.arange(n),
        "train_features": features,
        "train_urls": np.array([f"scene:{i}" for i in range(n)]),
        "idx_to_word": [str(w) for w in words],
        "word_to_idx": {str(w): int(i) for w, i in zip(words, word_ids)},
    }
    rates = {"adam": learning_rate_adam, "sgd": learning_rate_sgd}
    for rule in RULES:
        model = _model(pkg, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, params)
        np.random.seed(int(seed))
        solver = solver_cls(
            model,
            data,
            update_rule=rule,
            num_epochs=int(num_epochs),
            batch_size=int(batch_size),
            optim_config={"learning_rate": float(rates[rule])},
            lr_decay=float(lr_decay),
            verbose=False,
        )
        solver.train()
        history = [scalar(loss, "a loss in solver.loss_history", "CaptioningRNN.loss") for loss in solver.loss_history]
        out[rule + "_loss_history"] = np.array(history, dtype=np.float64)
        out.update({f"{rule}_{PARAM}{k}": np.asarray(v, dtype=np.float64) for k, v in model.params.items()})
    return named_arrays(list(out), list(out.values()), "CaptioningSolver.train")


def captioning_sample(
    pkg, features, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, max_length, **inputs
):
    """CaptioningRNN.sample on fixed parameters: the greedy captions."""
    params, _ = _split_params(inputs)
    model = _model(pkg, words, word_ids, cell_type, input_dim, wordvec_dim, hidden_dim, params)
    captions = model.sample(features, max_length=int(max_length))
    if captions is None:
        raise CallError("CaptioningRNN.sample returned None; expected an integer array (N, max_length)")
    return {"captions": captions}


CALLS = {
    "rnn_step_forward": rnn_step_forward,
    "rnn_step_backward": rnn_step_backward,
    "rnn_forward": rnn_forward,
    "rnn_backward": rnn_backward,
    "word_embedding_forward": word_embedding_forward,
    "word_embedding_backward": word_embedding_backward,
    "temporal_affine": temporal_affine,
    "temporal_softmax_loss": temporal_softmax_loss,
    "rnn_loss": captioning_loss,
    "rnn_overfit": captioning_training,
    "rnn_sample": captioning_sample,
    "lstm_step_forward": lstm_step_forward,
    "lstm_step_backward": lstm_step_backward,
    "lstm_forward": lstm_forward,
    "lstm_backward": lstm_backward,
    "lstm_loss": captioning_loss,
    "lstm_overfit": captioning_training,
    "lstm_sample": captioning_sample,
}
