"""Grader-side helpers of the training questions (``rnn_overfit``, ``lstm_overfit``): a short,
seeded run of the student's CaptioningSolver on the student's CaptioningRNN, once with Adam
(as the notebooks train) and once with plain SGD, compared step by step with the reference's
run on the same minibatches (the fixture).

Why both: Adam divides each step by the gradient's running magnitude, so a gradient off by a
constant factor (10x, 0.5x) trains exactly like the right one; plain SGD moves every
parameter by ``learning_rate * gradient`` and shows the factor at once. A parameter whose
gradient is zero (or missing) does not move under either.

Why float64: the loss questions check the same code in float64; two correct codes written
differently (tests/equivalents/rnn_loss.py) give runs that agree to about 1e-11, and even
gradients rounded to float32 at every step stay within 1e-7, while every wrong code of
tests/mutants/*_overfit.py is off by more than 1e-4 in its losses or 1e-1 in its steps: the
threshold (1e-5) sits between, far from both."""

from __future__ import annotations

import json

import h5py
import numpy as np

from autograder.hidden_tests._captioning import DATA_DIR
from autograder.hidden_tests._inputs import model_inputs, param_shapes
from autograder.question_api import Check, compare_array, scaled_error
from autograder.question_api import PARAM_PREFIX as PARAM
from autograder.question_api import TRAINING_RULES as RULES


def course_init(rng, cell_type, V, D, W, H) -> dict:
    """Parameters drawn as the course's CaptioningRNN.__init__ draws them (seeded ``rng``):
    weights randn / sqrt(fan-in), word vectors randn / 100, biases zero; float64 arrays of
    the shapes of ``param_shapes``."""
    params = {}
    for name, shape in param_shapes(cell_type, V, D, W, H).items():
        if name.startswith("b"):
            params[name] = np.zeros(shape)
        else:
            params[name] = rng.randn(*shape) / (100.0 if name == "W_embed" else np.sqrt(shape[0]))
    return params


def trajectory_inputs(
    rng,
    cell_type,
    num_train=16,
    batch_size=8,
    num_epochs=3,
    wordvec_dim=16,
    hidden_dim=20,
    learning_rate_adam=5e-3,
    learning_rate_sgd=0.1,
    lr_decay=0.95,
) -> dict:
    """The inputs of a short training run: ``num_train`` captions drawn (seeded ``rng``) from
    the shipped training split, with their 512-d image features (N, 512) and captions (N, 17);
    a small model (``wordvec_dim``, ``hidden_dim``, the shipped vocabulary) with the course's
    initial parameters (param_<name>); the solver's settings: Adam at the course's learning
    rate, plain SGD at one where the loss falls; ``num_epochs * num_train // batch_size``
    steps each, the learning rate decayed after each epoch; ``seed`` for the minibatches."""
    with h5py.File(DATA_DIR / "coco2014_captions.h5", "r") as f:
        captions = f["train_captions"][:]
        image_idxs = f["train_image_idxs"][:]
    mask = np.sort(rng.choice(len(captions), num_train, replace=False))
    with h5py.File(DATA_DIR / "train2014_vgg16_fc7_pca.h5", "r") as f:
        features = f["features"][:][image_idxs[mask]]
    words = np.array(json.loads((DATA_DIR / "coco2014_vocab.json").read_text())["idx_to_word"])
    D = features.shape[1]
    params = course_init(rng, cell_type, len(words), D, wordvec_dim, hidden_dim)
    inputs = model_inputs(cell_type, words, D, wordvec_dim, hidden_dim, params)
    inputs.update(
        features=features.astype(np.float64),
        captions=captions[mask].astype(np.int64),
        seed=np.array(rng.randint(2**31)),
        num_epochs=np.array(num_epochs),
        batch_size=np.array(batch_size),
        learning_rate_adam=np.array(learning_rate_adam),
        learning_rate_sgd=np.array(learning_rate_sgd),
        lr_decay=np.array(lr_decay),
    )
    return inputs


def check_trajectory(got: dict, expected: dict, inputs: dict, question) -> list:
    """One Check per update rule: the run's losses (each step's, relative to the reference's)
    and every parameter's change over the run (scaled_error of got - initial against the
    reference's) must be within ``question.threshold``. If a run parts from the reference's,
    a last failed Check compares the gradients at the initial parameters with the
    reference's, to say why (scaled, zero, wrong only after the first call)."""
    names = [k[len(PARAM) :] for k in inputs if k.startswith(PARAM)]
    loss_question = f"{inputs['cell_type']}_loss"
    checks = [_check_run(rule, got, expected, inputs, names, question.threshold, loss_question) for rule in RULES]
    if not all(c.passed for c in checks):
        adam_passed = checks[RULES.index("adam")].passed
        checks.append(
            Check("gradients", False, _start_text(got, expected, names, question.threshold, adam_passed, loss_question))
        )
    return checks


def _check_run(rule, got, expected, inputs, names, threshold, loss_question) -> Check:
    what = f"CaptioningSolver(update_rule='{rule}')"
    keys = [f"{rule}_loss_history"] + [f"{rule}_{PARAM}{n}" for n in names]
    for key in keys:  # present, of the reference's shape, finite
        c = compare_array(key, got.get(key), expected[key], np.inf)
        if not c.passed:
            return Check(rule, False, f"{what}: {c.message}")
    losses, ref_losses = got[keys[0]], expected[keys[0]]
    loss_off = np.abs(losses - ref_losses) > threshold * np.abs(ref_losses)
    moved = {
        n: (got[f"{rule}_{PARAM}{n}"] - inputs[PARAM + n], expected[f"{rule}_{PARAM}{n}"] - inputs[PARAM + n])
        for n in names
    }
    off = [n for n, (g, r) in moved.items() if scaled_error(g, r) > threshold]
    if not loss_off.any() and not off:
        return Check(
            rule,
            True,
            f"{what}, {len(ref_losses)} steps: every loss and every parameter "
            f"follow the reference's (within {threshold:.0e})",
        )
    still = [n for n in off if not np.any(moved[n][0])]
    other = [n for n in off if n not in still]
    text = f"{what}, {len(ref_losses)} steps: {_loss_text(losses, ref_losses, loss_off, loss_question)}"
    if still:
        text += "; no parameter moved" if len(still) == len(names) else f"; {', '.join(still)} did not move"
    if other:
        text += f"; {_which(other, names)} moved otherwise than the reference's"
    return Check(rule, False, text)


def _which(some, names) -> str:
    """'every parameter' or the names."""
    return "every parameter" if len(some) == len(names) else ", ".join(some)


def _loss_text(losses, ref_losses, off, loss_question) -> str:
    """Where the losses first differ, e.g. 'after 3 steps the loss is 66.2, the reference's 35.6'."""
    if not off.any():
        return "every step's loss matches the reference's, but the parameters do not"
    i = int(np.argmax(off))
    if i == 0:
        return (
            f"at the initial parameters the loss is {losses[0]:.6g}, the reference's {ref_losses[0]:.6g}: "
            f"CaptioningRNN.loss computes another loss (as {loss_question} shows)"
        )
    return f"after {i} step{'s' if i > 1 else ''} the loss is {losses[i]:.6g}, the reference's {ref_losses[i]:.6g}"


def _start_text(got, expected, names, threshold, adam_passed, loss_question) -> str:
    """Why a run parts: the gradients at the initial parameters (grad_<name>) against the
    reference's: all right (then something changes from one call to the next), all the
    same factor (their scale or sign), or which are zero, scaled or otherwise wrong."""
    how = {}
    for n in names:
        g, r = got.get("grad_" + n), expected["grad_" + n]
        if g is None or np.shape(g) != r.shape or not np.all(np.isfinite(g)):
            how[n] = "missing, of another shape or not finite"
        elif scaled_error(g, r) <= threshold:
            continue
        elif not np.any(g):
            how[n] = "zero"
        else:
            c = float(np.vdot(g, r) / np.vdot(r, r)) if np.any(r) else np.nan
            how[n] = c if np.isfinite(c) and np.linalg.norm(g - c * r) <= 1e-6 * np.linalg.norm(g) else "wrong"
    start = "at the initial parameters"
    if not how:
        return (
            f"{start} every gradient matches the reference's, and the run parts later: does "
            f"CaptioningRNN.loss keep something from one call to the next (an array it adds to, "
            f"a value it computed once)?"
        )
    kinds = set(how.values())
    if len(how) == len(names) and len(kinds) == 1 and isinstance(next(iter(kinds)), str):
        return f"{start} every gradient is {next(iter(kinds))} ({loss_question} checks every gradient)"
    factors = [v for v in how.values() if isinstance(v, float)]
    if len(factors) == len(names) and max(factors) - min(factors) <= 1e-6 * max(abs(f) for f in factors):
        c = factors[0]
        why = "the gradients have the wrong sign" if c < 0 else "the gradients are scaled wrong"
        hide = " (Adam hides a constant scale; plain SGD does not)" if adam_passed and c > 0 else ""
        return f"{start} every gradient is {c:.3g} times the reference's: {why}{hide}"
    parts = [f"grads['{n}'] is {v:.3g} times the reference's" for n, v in how.items() if isinstance(v, float)]
    for label in dict.fromkeys(v for v in how.values() if isinstance(v, str)):
        some = [f"grads['{n}']" for n, v in how.items() if v == label]
        parts.append(f"{', '.join(some)} {'is' if len(some) == 1 else 'are'} {label}")
    return f"{start} {', '.join(parts)} ({loss_question} checks every gradient)"
