"""Grader-side helpers for the captioning-model questions (overfit and sample)."""
from __future__ import annotations

import json

import h5py
import numpy as np

from autograder.config import REPO_ROOT
from autograder.grade.compare import Check
from autograder.student.checks.captioning import check_greedy  # noqa: F401  (the tests' name for it)
from autograder.hidden_tests._inputs import model_inputs

DATA_DIR = REPO_ROOT / "assignment" / "data" / "coco_captioning"


def small_data_inputs(rng, cell_type, num_train=50, num_epochs=50, batch_size=25, learning_rate=5e-3,
                      lr_decay=0.95, wordvec_dim=256, hidden_dim=512):
    """The course's overfit setup: ``num_train`` captions drawn (seeded) from the shipped
    training split, their 512-d features, and the training hyper-parameters."""
    with h5py.File(DATA_DIR / "coco2014_captions.h5", "r") as f:
        captions = f["train_captions"][:]
        image_idxs = f["train_image_idxs"][:]
    mask = np.sort(rng.choice(len(captions), num_train, replace=False))
    with h5py.File(DATA_DIR / "train2014_vgg16_fc7_pca.h5", "r") as f:
        features = f["features"][:][image_idxs[mask]]
    vocab = json.loads((DATA_DIR / "coco2014_vocab.json").read_text())
    words = np.array(vocab["idx_to_word"])
    inputs = model_inputs(cell_type, words, features.shape[1], wordvec_dim, hidden_dim, {})
    inputs.update(features=features.astype(np.float64), captions=captions[mask].astype(np.int64),
                  num_epochs=np.array(num_epochs), batch_size=np.array(batch_size),
                  learning_rate=np.array(learning_rate), lr_decay=np.array(lr_decay))
    return inputs


def check_overfit(got, inputs, question):
    """Every parameter must have moved during training, and the loss of the trained
    parameters, recomputed with the reference model on the same captions, must be below the
    question's ``max_loss``."""
    from autograder.grade.reference import reference_module
    from autograder.grade.compare import compare_array

    rnn = reference_module("classifiers.rnn")
    word_to_idx = {str(w): int(i) for w, i in zip(inputs["words"], inputs["word_ids"])}
    model = rnn.CaptioningRNN(word_to_idx, input_dim=int(inputs["input_dim"]),
                              wordvec_dim=int(inputs["wordvec_dim"]), hidden_dim=int(inputs["hidden_dim"]),
                              cell_type=str(inputs["cell_type"]), dtype=np.float64)
    checks = []
    for name, value in model.params.items():
        c = compare_array("param_" + name, got.get("param_" + name), value, np.inf)
        if not c.passed:
            checks.append(c)
    if checks:
        return checks
    for name in model.params:
        before, after = got.get("init_" + name), got["param_" + name]
        if before is not None and before.shape == after.shape:
            change = np.linalg.norm(after - before) / max(np.linalg.norm(before), 1e-12)
            if change < 1e-3:
                checks.append(Check("param_" + name, False, f"param_{name}: did not change during training "
                                                            f"(relative change {change:.1e}; is its gradient zero?)"))
    if checks:
        return checks
    for name in model.params:
        model.params[name] = got["param_" + name].astype(np.float64)
    loss, _ = model.loss(inputs["features"], inputs["captions"])
    limit = question.max_loss
    n = len(inputs["captions"])
    if not np.isfinite(loss) or loss >= limit:
        return [Check("final loss", False, f"final loss: the loss of your trained model on the {n} training "
                                           f"captions is {loss:.3g}, it must be below {limit:g}")]
    return [Check("final loss", True, f"final loss: {loss:.3g} < {limit:g} on the {n} training captions")]
