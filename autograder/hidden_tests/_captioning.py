"""Grader-side helpers for the captioning-model questions (overfit and sample)."""
from __future__ import annotations

import json

import h5py
import numpy as np

from autograder.question_api import ASSIGNMENT_DATA, Check, caption_difference
from autograder.hidden_tests._inputs import model_inputs

DATA_DIR = ASSIGNMENT_DATA / "coco_captioning"


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
    from autograder.question_api import compare_array, reference_module

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


def check_greedy(got, expected):
    """The greedy captions must be integers of the reference's shape (N, max_length) and
    match the reference's up to and including each first <END>; what follows <END> is
    not checked (the course: "you do not need to stop generating after an <END> token is
    sampled, but you can if you want to")."""
    from autograder.question_api import compare_array

    caps, ref = got.get("captions"), expected["captions"]
    if caps is None or np.shape(caps) != ref.shape or np.asarray(caps).dtype.kind not in "iu":
        return [compare_array("captions", caps, ref, 0)]   # names the missing, shape or dtype problem
    diff = caption_difference(caps, ref)
    if diff is not None:
        i, j, got_word, ref_word = diff
        hint = " (the first column must be the first sampled word, not <START>)" if j == 0 and got_word == 1 else ""
        return [Check("captions", False, f"captions: row {i} differs from the reference's greedy caption at "
                                          f"position {j}: got word {got_word}, expected {ref_word}{hint}")]
    return [Check("captions", True, "captions: every greedy caption matches the reference up to its <END>")]
