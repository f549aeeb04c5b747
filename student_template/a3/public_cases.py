"""The public tests of Parts 1 and 2 (``a3 check <id>`` and the notebooks'
``grader.check("<id>")``): each runs the graded public cases of the question on the
student's ``cs231n``, with the same inputs, the same expected values, the same measure
(``a3/measure.py``) and the same threshold as the grader, so the public test passes
exactly when the graded public cases do.

The data is ``tests/public/<id>.npz`` (written by ``a3 build`` from the fixtures of the
public cases): ``threshold``, then ``<case>|in|<name>`` and ``<case>|out|<name>`` arrays.
The calls mirror the grader's (``autograder/student_process/calls/captioning.py``)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .measure import caption_difference, scaled_error

PUBLIC = Path("tests") / "public"     # relative to the assignment folder (the working directory)


def load_cases(qid: str, folder: Path = Path(".")) -> tuple:
    """(threshold, {case: (inputs, expected)}) of question ``qid``."""
    data = np.load(Path(folder) / PUBLIC / f"{qid}.npz", allow_pickle=False)
    cases = {}
    for key in data.files:
        if key == "threshold":
            continue
        case, kind, name = key.split("|")
        cases.setdefault(case, ({}, {}))[0 if kind == "in" else 1][name] = data[key]
    return float(data["threshold"]), cases


MODULES = ("cs231n.rnn_layers", "cs231n.classifiers.rnn")   # the student's modules these cases call


def _layers():
    from cs231n import rnn_layers
    return rnn_layers


def _forward(name, *args):
    return getattr(_layers(), name)(*args)


def _backward(fwd, fwd_args, bwd, upstream, names):
    cache = _forward(fwd, *fwd_args)[-1]
    return dict(zip(names, getattr(_layers(), bwd)(*upstream, cache)))


def _model(i):
    from cs231n.classifiers.rnn import CaptioningRNN
    word_to_idx = {str(w): int(k) for w, k in zip(i["words"], i["word_ids"])}
    model = CaptioningRNN(word_to_idx, input_dim=int(i["input_dim"]), wordvec_dim=int(i["wordvec_dim"]),
                          hidden_dim=int(i["hidden_dim"]), cell_type=str(i["cell_type"]), dtype=np.float64)
    for k, v in i.items():
        if k.startswith("param_"):
            model.params[k[len("param_"):]] = v.astype(np.float64)
    return model


def _loss(i):
    loss, grads = _model(i).loss(i["features"], i["captions"])
    out = {"loss": loss}
    out.update({"grad_" + k[len("param_"):]: grads[k[len("param_"):]] for k in i
                if k.startswith("param_") and k[len("param_"):] in grads})
    return out


CALLS = {
    "rnn_step_forward": lambda i: {"next_h": _forward("rnn_step_forward", i["x"], i["prev_h"], i["Wx"], i["Wh"], i["b"])[0]},
    "rnn_step_backward": lambda i: _backward("rnn_step_forward", (i["x"], i["prev_h"], i["Wx"], i["Wh"], i["b"]),
                                             "rnn_step_backward", (i["dnext_h"],), ("dx", "dprev_h", "dWx", "dWh", "db")),
    "rnn_forward": lambda i: {"h": _forward("rnn_forward", i["x"], i["h0"], i["Wx"], i["Wh"], i["b"])[0]},
    "rnn_backward": lambda i: _backward("rnn_forward", (i["x"], i["h0"], i["Wx"], i["Wh"], i["b"]),
                                        "rnn_backward", (i["dh"],), ("dx", "dh0", "dWx", "dWh", "db")),
    "word_embedding_forward": lambda i: {"out": _forward("word_embedding_forward", i["x"], i["W"])[0]},
    "word_embedding_backward": lambda i: {"dW": _layers().word_embedding_backward(
        i["dout"], _forward("word_embedding_forward", i["x"], i["W"])[1])},
    "temporal_affine": lambda i: dict(zip(("out", "dx", "dw", "db"), _temporal_affine(i))),
    "temporal_softmax_loss": lambda i: dict(zip(("loss", "dx"), _forward("temporal_softmax_loss", i["x"], i["y"], i["mask"]))),
    "rnn_loss": _loss,
    "rnn_sample": lambda i: {"captions": _model(i).sample(i["features"], max_length=int(i["max_length"]))},
    "lstm_step_forward": lambda i: dict(zip(("next_h", "next_c"), _forward(
        "lstm_step_forward", i["x"], i["prev_h"], i["prev_c"], i["Wx"], i["Wh"], i["b"])[:2])),
    "lstm_step_backward": lambda i: _backward(
        "lstm_step_forward", (i["x"], i["prev_h"], i["prev_c"], i["Wx"], i["Wh"], i["b"]), "lstm_step_backward",
        (i["dnext_h"], i["dnext_c"]), ("dx", "dprev_h", "dprev_c", "dWx", "dWh", "db")),
    "lstm_forward": lambda i: {"h": _forward("lstm_forward", i["x"], i["h0"], i["Wx"], i["Wh"], i["b"])[0]},
    "lstm_backward": lambda i: _backward("lstm_forward", (i["x"], i["h0"], i["Wx"], i["Wh"], i["b"]),
                                         "lstm_backward", (i["dh"],), ("dx", "dh0", "dWx", "dWh", "db")),
}
CALLS["lstm_loss"], CALLS["lstm_sample"] = CALLS["rnn_loss"], CALLS["rnn_sample"]


def _temporal_affine(i):
    out, cache = _forward("temporal_affine_forward", i["x"], i["w"], i["b"])
    return (out,) + tuple(_layers().temporal_affine_backward(i["dout"], cache))


def problem(name: str, got, expected, threshold: float):
    """Why ``got`` fails against ``expected`` (the grader's rules), or None if it passes."""
    if got is None:
        return f"{name}: missing from what your code returned"
    got, expected = np.asarray(got), np.asarray(expected)
    if got.shape != expected.shape:
        return f"{name}: shape {got.shape} but expected {expected.shape}"
    if got.dtype.kind == "f" and not np.all(np.isfinite(got)):
        return f"{name}: contains NaN or inf"
    if expected.dtype.kind in "biu":
        if got.dtype.kind not in ("iu" if name == "captions" else "biu"):
            return f"{name}: dtype {got.dtype} but expected integers"
        if name == "captions":
            diff = caption_difference(got, expected)
            return None if diff is None else ("captions: row {} differs from the expected greedy caption at position "
                                              "{}: got word {}, expected {}".format(*diff))
        return None if np.array_equal(got, expected) else f"{name}: differs from the expected values"
    if got.dtype.kind not in "biuf":
        return f"{name}: dtype {got.dtype} is not a number"
    err = scaled_error(got, expected)
    return f"{name}: error {err:.1e} of its largest entry > {threshold:.0e}" if err > threshold else None


def check_public_cases(qid: str, folder: Path = Path(".")) -> None:
    """Run every public case of ``qid``; raises AssertionError naming the case and the
    quantity that fails (the grader's message), returns None when all pass."""
    threshold, cases = load_cases(qid, folder)
    for case, (inputs, expected) in cases.items():
        got = CALLS[qid](inputs)
        for name, value in expected.items():
            why = problem(name, got.get(name), value, threshold)
            assert why is None, f"case {case}: {why}"
