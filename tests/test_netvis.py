"""Part 3 (network visualization): the trained SqueezeNet and its data, what the reference
does with it on held-out pictures (saliency on the object, fooling, class visualization),
the untouched template on the engine, and (slow) the
student notebook run top to bottom with the reference.

TensorFlow is imported once for this module (module-scoped fixtures)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import time

import numpy as np
import pytest

from autograder.config import REPO_ROOT
from autograder.grade.judging.grader import grade_submission
from autograder.grade.judging.reference import reference_module

DATA = REPO_ROOT / "assignment" / "data" / "netvis"
TEMPLATE = REPO_ROOT / "student_template"
SCRIPTS = REPO_ROOT / "assignment" / "scripts"
MIN_ACCURACY = 0.90
MIN_SALIENCY_ON_OBJECT = 0.45  # mean share of the saliency inside the object's mask grown by 2 px (0.526)
NOTEBOOK_TIME_LIMIT = 300


def _script(name):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def tf():
    import tensorflow

    return tensorflow


@pytest.fixture(scope="module")
def model(tf):
    return reference_module("netvis_utils").load_squeezenet()


@pytest.fixture(scope="module")
def heldout():
    utils = reference_module("netvis_utils")
    data = utils.load_heldout()
    data["X"] = utils.preprocess_image(data["images"])
    return data


@pytest.fixture(scope="module")
def nv(tf):
    return reference_module("net_visualization")


def test_model_info_and_shipped_pictures_come_from_the_script():
    shapes, train = _script("netvis_shapes"), _script("train_squeezenet")
    info = json.loads((DATA / "squeezenet.json").read_text())
    assert info["class_names"] == shapes.CLASSES and info["seed"] == train.SEED
    assert info["heldout_accuracy"] >= MIN_ACCURACY
    with np.load(DATA / "heldout.npz") as data:
        images, labels, masks = data["images"], data["labels"], data["masks"]
    assert images.shape == (train.HELDOUT_SHIPPED, 64, 64, 3) and images.dtype == np.uint8
    assert masks.shape == images.shape[:3] and masks.dtype == bool
    # the held-out split is seed SEED + 1: regenerate its labels and first pictures
    order = np.random.default_rng([train.SEED + 1, 10**6]).permutation(np.arange(train.NUM_HELDOUT) % 5)
    assert np.array_equal(order[: len(labels)], labels)
    for i in range(4):
        image, mask = shapes.render(np.random.default_rng([train.SEED + 1, i]), int(labels[i]))
        assert np.array_equal(image, images[i]) and np.array_equal(mask, masks[i])


def test_squeezenet_has_fire_modules_and_is_trained(model):
    squeezenet = reference_module("classifiers.squeezenet")
    fresh = squeezenet.SqueezeNet(5)
    assert [layer.name for layer in model.layers] == [layer.name for layer in fresh.layers]
    assert sum(1 for layer in model.layers if layer.name.endswith("_concat")) == 8
    assert model.count_params() == fresh.count_params()
    assert (DATA / "squeezenet.keras").stat().st_size < 8 * 2**20
    print(f"SqueezeNet parameters: {model.count_params()}")


def test_committed_model_is_accurate_on_held_out_pictures(model, heldout):
    pred = np.asarray(model(heldout["X"])).argmax(axis=1)
    accuracy = float(np.mean(pred == heldout["labels"]))
    print(f"accuracy on the {len(pred)} shipped held-out pictures: {accuracy:.3f}")
    assert accuracy >= MIN_ACCURACY


def test_reference_saliency_is_mostly_on_the_object(nv, model, heldout):
    """Share of each saliency map's total inside the object's mask grown by 2 pixels (the
    measure the notebook prints), over the shipped held-out pictures."""
    saliency = nv.compute_saliency_maps(heldout["X"], heldout["labels"], model)
    masks = heldout["masks"]
    region = masks.copy()
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            region |= np.roll(np.roll(masks, dy, axis=1), dx, axis=2)
    share = (saliency * region).sum(axis=(1, 2)) / saliency.sum(axis=(1, 2))
    print(
        f"saliency on the object: mean {share.mean():.3f}, median {np.median(share):.3f}, "
        f"min {share.min():.3f}; the region covers {region.mean():.3f} of a picture"
    )
    assert share.mean() >= MIN_SALIENCY_ON_OBJECT
    assert share.mean() > 2.5 * region.mean()


def test_reference_fools_the_model_with_small_changes(nv, model, heldout):
    changes = []
    for i in range(5):
        X = heldout["X"][i : i + 1]
        target = (int(heldout["labels"][i]) + 1 + i % 4) % 5
        X_fooling = nv.make_fooling_image(X, target, model)
        assert int(np.argmax(model(X_fooling))) == target
        assert not np.array_equal(X_fooling, X)
        changes.append(float(np.abs(X_fooling - X).mean()))
    print(f"fooling: mean absolute changes {np.round(changes, 4).tolist()}")
    assert max(changes) < 0.1  # preprocessed units: a few grey levels


def test_reference_class_visualization_reaches_its_class(nv, model, tf):
    X, _ = nv.create_class_visualization(3, model, num_iterations=50, seed=1)
    probs = tf.nn.softmax(model(X))[0].numpy()
    assert int(np.argmax(probs)) == 3 and probs[3] > 0.9, probs


def test_untouched_template_scores_zero_with_clear_messages(config, tmp_path):
    sub = tmp_path / "template"
    shutil.copytree(TEMPLATE / "cs231n", sub / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    start = time.monotonic()
    result = grade_submission(sub, config, parts=["netvis"])
    assert result.part_score("netvis") == 0
    for qid in config.parts["netvis"].questions:
        text = " ".join(m for c in result.questions[qid].cases for m in c.messages)
        assert f"{qid}: " in text and "is not implemented yet" in text, text
    print(f"template graded in {time.monotonic() - start:.1f} s")


@pytest.mark.slow
def test_student_notebook_runs_with_reference(config, tmp_path):
    """The committed student notebook, with the reference package and the data, runs top
    to bottom in under NOTEBOOK_TIME_LIMIT s; every grader.check passes; the model is fooled."""
    import nbformat
    from nbclient import NotebookClient

    name = config.parts["netvis"].notebook
    tree = tmp_path / "student"
    tree.mkdir()
    shutil.copy2(TEMPLATE / name, tree / name)
    shutil.copytree(TEMPLATE / "tests", tree / "tests")
    shutil.copytree(TEMPLATE / "a3", tree / "a3", ignore=shutil.ignore_patterns("__pycache__"))  # the test cells run a3
    shutil.copytree(TEMPLATE / "datasets" / "netvis", tree / "datasets" / "netvis")
    shutil.copytree(REPO_ROOT / "solutions" / "cs231n", tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ["MPLBACKEND"] = "Agg"
    nb = nbformat.read(str(tree / name), as_version=4)
    start = time.time()
    NotebookClient(
        nb, timeout=NOTEBOOK_TIME_LIMIT, kernel_name="python3", resources={"metadata": {"path": str(tree)}}
    ).execute()
    seconds = time.time() - start
    failing = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert not failing, f"{failing[0].get('ename')}: {failing[0].get('evalue')}"
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert len(checks) == len(config.parts["netvis"].questions)
    for c in checks:
        shown = " ".join(o.get("data", {}).get("text/plain", "") for o in c.outputs)
        assert "All test cases passed" in shown, f"{c.source}: {shown}"
    text = "\n".join(
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.get("output_type") == "stream"
    )
    assert "share of the saliency on the object" in text and "classified as" in text
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {}))
    assert images >= 4, f"only {images} figures"  # pictures, saliency, fooling, class visualization
    print(f"{name}: {seconds:.0f} s")
    assert seconds < NOTEBOOK_TIME_LIMIT


# ---------------------------------------------------------------- the course's forms and messages
def _fixture(qid):
    from autograder.fixture_store import read_fixture

    return read_fixture(qid)


def _question(config, qid):
    return config.questions[qid]


def test_class_visualization_accepts_the_courses_step_and_the_normalised_one(config):
    """The reference's step is the course's X + learning_rate * g; learning_rate * g / ||g||_2
    passes too; a step divided by ||g||^2, a descent step or half the penalty's effect does not."""
    from autograder.question_api import question_hooks

    hidden = question_hooks("class_visualization")  # its check, registered in student_tools/checks
    q = _question(config, "class_visualization")
    for case, (inputs, expected) in _fixture("class_visualization").items():
        X, lr = inputs["X"].astype(np.float64), float(inputs["learning_rate"])
        step = expected["X"].astype(np.float64) - X
        g = step / lr
        ok = {
            "course": X + lr * g,
            "normalised": X + lr * g / np.linalg.norm(g),
            "float32": (X + lr * g).astype(np.float32),
        }
        bad = {"squared_norm": X + lr * g / np.linalg.norm(g) ** 2, "descent": X - lr * g, "the_step_only": lr * g}
        for name, got in ok.items():
            checks = hidden.check(case, {"X": got}, expected, inputs, q)
            assert all(c.passed for c in checks), (case, name, [c.message for c in checks])
        for name, got in bad.items():
            checks = hidden.check(case, {"X": got}, expected, inputs, q)
            assert not all(c.passed for c in checks), (case, name)
            assert "learning_rate * g / ||g||_2 is accepted too" in checks[0].message


def _fooling_messages(config, case, make_image):
    from autograder.question_api import question_hooks

    hidden = question_hooks("fooling_image")  # its check, registered in student_tools/checks
    inputs, expected = _fixture("fooling_image")[case]
    X, ref = inputs["X"], expected["X_fooling"]
    checks = hidden.check(case, {"X_fooling": make_image(X, ref)}, expected, inputs, _question(config, "fooling_image"))
    assert not all(c.passed for c in checks)
    return " ".join(c.message for c in checks)


def test_fooling_image_steps_past_the_target_is_told_so_without_the_normalisation_hint(config, tf):
    """Going on after the model is fooled (here: four times the reference's change, the same
    direction) is a failure whose message says what was seen: a point on the way already
    fools the model. It does not blame the normalisation of the step."""
    text = _fooling_messages(config, "picture_a", lambda X, ref: X + 4 * (ref - X))
    assert "part of the way, is already classified as the target" in text, text
    assert "normalised" not in text and "||g||" not in text, text


def test_fooling_image_hints_at_normalisation_only_where_the_scale_shows_it(config, tf):
    """Scores x 100 and a change 100 times the reference's: consistent with a step that grows
    with the scores, so the hint names the normalisation. The same change in the unscaled
    case gives no such hint (the grader cannot tell the cause there)."""
    text = _fooling_messages(config, "scores_times_100", lambda X, ref: X + 100 * (ref - X))
    assert "a step without the division grows with them" in text, text
    text = _fooling_messages(config, "picture_a", lambda X, ref: X + 100 * (ref - X))
    assert "normalised" not in text and "||g||" not in text, text


def test_fooling_image_that_is_not_fooled_gets_no_guessed_cause(config, tf):
    """A tiny change that fools nothing: the message says what the model sees and how much the
    image changed; in the case whose scores are divided by 100 it adds the normalisation
    hint (a step without the division shrinks with the scores), elsewhere nothing."""
    tiny = lambda X, ref: X + 1e-3 * (ref - X)  # noqa: E731
    text = _fooling_messages(config, "picture_a", tiny)
    assert "not as the target" in text and "mean absolute change" in text, text
    assert "normalised" not in text and "part of the way" not in text, text
    text = _fooling_messages(config, "scores_divided_by_100", tiny)
    assert "a step without the division shrinks with them" in text, text
