"""Part 4 (style transfer): the grader's loop check (source_checks), the reference's VGG16
feature extractor against the grader's own numpy forward pass and the published parameter
count, and (slow) the student notebook run top to bottom
with the reference. TensorFlow is imported once, by the module-scoped fixture ``st``."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.student_tools.source_checks import loops_in

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "student_template"
SOLUTIONS = REPO / "solutions"
NOTEBOOK = "StyleTransfer.ipynb"
NOTEBOOK_TIME_LIMIT = 300  # seconds, with the reference
VGG16_CONV_PARAMETERS = 14714688  # Keras VGG16(include_top=False).count_params()


@pytest.fixture(scope="module")
def st():
    """The reference's cs231n.style_transfer (imports TensorFlow, once for this module)."""
    from autograder.grade.judging.reference import reference_module

    return reference_module("style_transfer")


# ----------------------------------------------------------------------------------
# the "no loops" check of tv_loss, made on the source by the grader
# ----------------------------------------------------------------------------------

LOOPY = '''
import tensorflow as tf

def helper(x):
    return sum(v for v in x)

def with_for(img, w):
    total = 0
    for i in range(3):
        total += i
    return total

def with_helper(img, w):
    return helper(img)

def with_map(img, w):
    return tf.map_fn(lambda r: r, img)

def clean(img, w):
    return w * tf.reduce_sum(img[:, 1:] - img[:, :-1])

class Model:
    def method(self):
        while True:
            break
'''


def test_loops_are_found_in_the_function_and_the_helpers_it_calls():
    assert [w for _, _, w in loops_in(LOOPY, "with_for")] == ["a for loop"]
    assert loops_in(LOOPY, "with_helper") == [(5, "helper", "a generator expression")]
    assert [w for _, _, w in loops_in(LOOPY, "with_map")] == ["a call to map_fn"]
    assert [w for _, _, w in loops_in(LOOPY, "Model.method")] == ["a while loop"]
    assert loops_in(LOOPY, "clean") == []
    with pytest.raises(KeyError):
        loops_in(LOOPY, "missing")


def test_reference_tv_loss_has_no_loops():
    source = (SOLUTIONS / "cs231n" / "style_transfer.py").read_text()
    assert loops_in(source, "tv_loss") == []
    assert loops_in(source, "style_loss")  # the style loss loops over layers, as it may


# ----------------------------------------------------------------------------------
# the feature extractor and the grader's own forward pass agree
# ----------------------------------------------------------------------------------


def test_vgg16_extractor_has_the_published_parameter_count(st):
    model = st.vgg16_features()
    assert len(model.outputs) == len(st.VGG16_LAYERS) == 13
    assert model.count_params() == VGG16_CONV_PARAMETERS


def test_grader_forward_pass_matches_the_keras_extractor(st):
    from autograder.hidden_tests import _style

    rng = np.random.RandomState(231)
    img = rng.uniform(-1.5, 1.5, (1, 24, 20, 3)).astype(np.float32)
    keras_feats = st.extract_features(img, st.vgg16_features(8))
    numpy_feats = _style.vgg16_features(img, 8)
    for i, (k, n) in enumerate(zip(keras_feats, numpy_feats)):
        k = k.numpy()[0]
        assert k.shape == n.shape, (i, k.shape, n.shape)
        assert np.max(np.abs(k - n)) <= 1e-4 * max(1.0, float(np.max(np.abs(n)))), st.VGG16_LAYERS[i]


def test_reference_gram_matrix_is_normalised_by_HWC(st):
    f = np.random.RandomState(0).rand(1, 3, 4, 5).astype(np.float32)
    F = f.reshape(12, 5).astype(np.float64)
    np.testing.assert_allclose(st.gram_matrix(f).numpy(), F.T @ F / 60, rtol=1e-5)
    np.testing.assert_allclose(st.gram_matrix(f, normalize=False).numpy(), F.T @ F, rtol=1e-5)


# ----------------------------------------------------------------------------------
# the notebook
# ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_student_notebook_runs_with_reference(config, tmp_path):
    """The committed student notebook, with the reference package, runs top to bottom in
    under NOTEBOOK_TIME_LIMIT, its public checks pass, every transfer lowers the loss and
    shows pictures."""
    import nbformat
    from nbclient import NotebookClient

    tree = tmp_path / "student"
    tree.mkdir()
    shutil.copy2(TEMPLATE / NOTEBOOK, tree / NOTEBOOK)
    shutil.copytree(TEMPLATE / "tests", tree / "tests")
    shutil.copytree(TEMPLATE / "a3", tree / "a3")  # the public tests use a3's checks, as students' do
    shutil.copytree(SOLUTIONS / "cs231n", tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TEMPLATE / "datasets" / "pictures", tree / "datasets" / "pictures")  # as students have them
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["TF_NUM_INTRAOP_THREADS"] = os.environ["TF_NUM_INTEROP_THREADS"] = "1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    nb = nbformat.read(str(tree / NOTEBOOK), as_version=4)
    start = time.time()
    NotebookClient(
        nb, timeout=NOTEBOOK_TIME_LIMIT, kernel_name="python3", resources={"metadata": {"path": str(tree)}}
    ).execute()
    seconds = time.time() - start
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert len(checks) == len([q for q in config.parts["style"].questions.values() if "public" in q.cases.values()])
    for c in checks:
        shown = " ".join(o.get("data", {}).get("text/plain", "") for o in c.outputs)
        assert "All test cases passed" in shown, f"{c.source}: {shown}"
    text = "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    runs = re.findall(r"total loss ([0-9.e+-]+) -> ([0-9.e+-]+)", text)
    assert len(runs) == 5, text[-2000:]  # three transfers, inversion, texture
    for before, after in runs:
        assert float(after) < 0.5 * float(before), runs
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pictures) >= 5
    print(f"{NOTEBOOK}: {seconds:.0f} s; losses {runs}")
    assert seconds < NOTEBOOK_TIME_LIMIT


# ----------------------------------------------------------------------------------
# a failed transfer names the student's functions the given loop ran
# ----------------------------------------------------------------------------------


def _result(qid, passed, config):
    from autograder.grade.results import CaseResult, QuestionResult

    q = config.questions[qid]
    return QuestionResult(
        qid,
        q.part,
        q.points,
        [
            CaseResult(qid, c, v, 0.0 if not passed else 1.0, 1.0, ["what the check saw"], passed)
            for c, v in q.cases.items()
        ],
    )


@pytest.mark.parametrize(
    "failing, says",
    [
        (("style_loss",), "style_loss fails its own question"),
        (("gram_matrix", "tv_loss"), "gram_matrix, tv_loss fail their own question"),
        ((), "each of them passes its own question"),
    ],
)
def test_failed_transfer_names_the_losses_the_loop_used(config, failing, says):
    from autograder.grade.judging.grader import note_uses

    results = {
        qid: _result(qid, qid not in failing, config)
        for qid in ("content_loss", "gram_matrix", "style_loss", "tv_loss")
    }
    transfer = _result("style_transfer", False, config)
    note_uses(transfer, config, results)
    for case in transfer.cases:
        text = " ".join(case.messages)
        assert "runs your content_loss, gram_matrix, style_loss, tv_loss" in text and says in text, text
    passed = _result("style_transfer", True, config)
    note_uses(passed, config, results)
    assert all(c.messages == ["what the check saw"] for c in passed.cases)


def test_wrong_style_loss_is_named_and_the_given_loop_is_not_blamed(config, tmp_path):
    """Graded for real: a style_loss with the wrong sign fails its question, and the
    transfer's message names it instead of telling the student to fix the loop."""
    from autograder.grade.judging.grader import grade_submission
    from conftest import make_submission
    from mutants import edit

    wrong = edit("minus", "", ("loss += style_weights[i]", "loss -= style_weights[i]"))
    target = "cs231n/style_transfer.py::style_loss"
    sub = make_submission(tmp_path / "sub", {target: wrong.source(target)})
    result = grade_submission(sub, config, parts=["style"], only={"style_loss", "style_transfer"})
    assert not result.questions["style_loss"].passed and not result.questions["style_transfer"].passed
    text = " ".join(m for c in result.questions["style_transfer"].cases for m in c.messages)
    assert "style_loss fails its own question in this submission" in text, text
    assert "the loop must" not in text, text
