"""The course's contract is the contract: the course's given cs231n/layers.py is shipped, the
comparison judges the answer and not its rounding, sampling need not stop at <END> (Parts
1-2), and the public test a student runs is the graded public case itself (every part)."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from autograder.build.public_data import public_questions
from autograder.config import REPO_ROOT, load_config
from autograder.student_tools.compare import compare_array, rel_error
from autograder.grade.judging.grader import grade_submission
from autograder.student_tools import check
from conftest import make_submission
from equivalents import replacements_of
from test_student_tools import student_copy

CONFIG = load_config()
SOLUTIONS = REPO_ROOT / "solutions" / "cs231n"
TEMPLATE = REPO_ROOT / "student_template" / "cs231n"


# ---------------------------------------------------------------- cs231n/layers.py
def numerical_gradient(f, x, dout, h=1e-5):
    """Centred differences of sum(f() * dout) with respect to ``x`` (changed in place and
    restored); an array of x's shape."""
    grad = np.zeros_like(x)
    for ix in np.ndindex(x.shape):
        old = x[ix]
        x[ix] = old + h
        plus = np.sum(f() * dout)
        x[ix] = old - h
        minus = np.sum(f() * dout)
        x[ix] = old
        grad[ix] = (plus - minus) / (2 * h)
    return grad


def test_layers_is_given_whole_and_imported_as_the_course_did():
    assert (TEMPLATE / "layers.py").read_text() == (SOLUTIONS / "layers.py").read_text()
    for root in (SOLUTIONS, TEMPLATE):
        head = (root / "classifiers" / "rnn.py").read_text().split("class CaptioningRNN")[0]
        assert "from cs231n.layers import *" in head and "from cs231n.rnn_layers import *" in head


def test_affine_and_relu_layers_match_numerical_gradients():
    from autograder.grade.judging.reference import reference_module

    layers = reference_module("layers")
    rng = np.random.RandomState(0)
    x, w, b = rng.randn(4, 2, 3), rng.randn(6, 5), rng.randn(5)
    out, cache = layers.affine_forward(x, w, b)
    assert np.allclose(out, x.reshape(4, 6) @ w + b)
    dout = rng.randn(*out.shape)
    dx, dw, db = layers.affine_backward(dout, cache)
    for arr, grad in ((x, dx), (w, dw), (b, db)):
        num = numerical_gradient(lambda: layers.affine_forward(x, w, b)[0], arr, dout)
        assert np.max(np.abs(num - grad)) < 1e-8
    r, rcache = layers.relu_forward(x)
    assert np.array_equal(r, np.maximum(x, 0))
    assert np.array_equal(layers.relu_backward(np.ones_like(x), rcache), (x > 0).astype(float))
    scores, y = rng.randn(5, 4), np.array([0, 3, 1, 2, 3])
    for loss_fn in (layers.softmax_loss, layers.svm_loss):
        loss, dscores = loss_fn(scores, y)
        num = numerical_gradient(lambda: np.array(loss_fn(scores, y)[0]), scores, np.array(1.0))  # noqa: B023
        assert np.max(np.abs(num - dscores)) < 1e-7, loss_fn.__name__


# ---------------------------------------------------------------- the measure
@pytest.mark.parametrize("scale", [1e-30, 1e-12, 1e-3, 1.0, 1e6, 1e30])
def test_rounding_passes_and_wrong_values_fail_at_every_scale(scale):
    rng = np.random.RandomState(1)
    ref = rng.randn(30, 40) * scale
    ref[0, 0] = 3.9e-11 / 2.5e-2 * scale  # a tiny entry, as in the issue
    rounded = ref * (1 + 4 * np.finfo(float).eps * rng.uniform(-1, 1, ref.shape))
    rounded[0, 0] = ref[0, 0] + 1.2e-15 / 2.5e-2 * scale
    assert compare_array("g", rounded, ref, 1e-8).passed
    wrong = ref.copy()
    wrong[3, 4] *= 1.01  # one entry 1% off
    assert not compare_array("g", wrong, ref, 1e-7).passed
    assert not compare_array("g", 2 * ref, ref, 1e-7).passed
    assert not compare_array("g", -ref, ref, 1e-7).passed


def test_the_issue_example_fails_the_course_rel_error_and_passes_the_grade():
    """grad_W_embed: an entry of 3.9e-11 that differs by 1.2e-15, largest entry 2.5e-2."""
    ref = np.array([2.5e-2, -1.3e-2, 3.9e-11])
    got = ref + np.array([0.0, 0.0, 1.2e-15])
    assert rel_error(got, ref) > 1e-7  # the course's measure: fails on rounding
    check_ = compare_array("grad_W_embed", got, ref, 1e-7)
    assert check_.passed and "of its largest entry" in check_.message


def test_zero_arrays_and_a_zero_reference():
    assert compare_array("z", np.zeros(3), np.zeros(3), 1e-7).passed
    assert not compare_array("z", np.array([0.0, 1e-20, 0.0]), np.zeros(3), 1e-7).passed


# ---------------------------------------------------------------- sampling
def test_sampling_cases_all_compare_up_to_the_first_end():
    from autograder.hidden_tests._captioning import check_greedy

    ref = {"captions": np.array([[4, 2, 0, 0], [5, 5, 5, 5]])}
    for after in ([0, 0], [7, 2], [2, 9]):  # <NULL>, words, or <END> again after <END>
        got = {"captions": np.array([[4, 2] + after, [5, 5, 5, 5]])}
        assert check_greedy(got, ref)[0].passed
    assert not check_greedy({"captions": np.array([[4, 0, 0, 0], [5, 5, 5, 5]])}, ref)[0].passed
    for qid in ("rnn_sample", "lstm_sample"):
        assert "stops_at_end" not in CONFIG.questions[qid].cases


@pytest.mark.parametrize("qid", ["rnn_sample", "lstm_sample"])
def test_the_public_sample_case_checks_what_the_hidden_one_does(qid):
    """Both cases use the same check; the public one has captions that reach <END> (so
    writing the <END> itself is checked in public) and captions that do not."""
    from autograder.fixture_store import read_fixture
    from autograder.question_api import question_hooks

    question = CONFIG.questions[qid]
    assert question.cases["greedy"] == "public"
    captions = read_fixture(qid)["greedy"][1]["captions"]
    reach = [bool(np.any(row == 2)) for row in captions]
    assert any(reach) and not all(reach)
    assert question_hooks(qid).check.__code__.co_names == ("check_greedy",)


# ---------------------------------------------------------------- public test == graded public case
def _one_of(module: str, qid: str, listname: str):
    mod = importlib.import_module(f"{module}.{qid}")
    return mod.TARGET, getattr(mod, listname)[0]


_REFERENCE = {}  # part -> the reference graded once (its public cases of every question)


def _graded_reference(tmp_path, part):
    if part not in _REFERENCE:
        _REFERENCE[part] = grade_submission(make_submission(tmp_path / "ref"), CONFIG, parts=[part], only=set(PUBLIC))
    return _REFERENCE[part]


def _public_test_and_graded_case(tmp_path, qid, replacements):
    sub = make_submission(tmp_path / "sub", replacements)
    part = CONFIG.questions[qid].part
    result = (
        grade_submission(sub, CONFIG, parts=[part], only={qid}) if replacements else _graded_reference(tmp_path, part)
    )
    graded = all(c.passed for c in result.questions[qid].cases if c.visibility == "public")
    folder = student_copy(tmp_path / "student", sub / "cs231n")
    test, _nones = check.run_public_tests(qid, folder)
    return test.passed_all, graded


PUBLIC = [q.id for q in public_questions(CONFIG)]
PUBLIC_1_2 = [qid for qid in PUBLIC if CONFIG.questions[qid].part in ("rnn", "lstm")]


def test_every_part_has_public_cases_that_a3_check_runs():
    """a3 check runs the graded public cases of every question that has one, in every part
    (tests/public/<id>.npz in the template), including style_transfer and gan_training."""
    folder = REPO_ROOT / "student_template"
    assert {CONFIG.questions[qid].part for qid in PUBLIC} == set(CONFIG.parts)
    assert {"style_transfer", "gan_training"} <= set(PUBLIC)
    assert set(PUBLIC) <= set(check.available(folder))
    assert {p.stem for p in (folder / "tests" / "public").glob("*.npz")} == set(PUBLIC)


@pytest.mark.parametrize("qid", PUBLIC)
def test_public_test_agrees_with_the_graded_public_case(qid, tmp_path):
    """On a correct implementation written differently (an equivalent), on a wrong one (a
    mutant), and on the reference, `a3 check <id>` passes exactly when the graded public
    cases of <id> do."""
    eq_target, equivalent = _one_of("equivalents", qid, "EQUIVALENTS")
    mu_target, mutant = _one_of("mutants", qid, "MUTANTS")
    mu_target = getattr(mutant, "target", None) or mu_target
    runs = {
        "reference": {},
        "equivalent": replacements_of(equivalent, eq_target),
        "mutant": {mu_target: mutant.source(mu_target) if hasattr(mutant, "changes") else mutant},
    }
    outcomes = {}
    for name, reps in runs.items():
        outcomes[name] = _public_test_and_graded_case(tmp_path / name, qid, reps)
        assert outcomes[name][0] == outcomes[name][1], (
            f"{name}: a3 check {outcomes[name][0]}, graded {outcomes[name][1]}"
        )
    assert outcomes["reference"] == (True, True)


def test_a_rounding_different_step_passes_both_checks_of_rnn_loss(tmp_path):
    """The issue's case: tanh written as 2 * sigmoid(2a) - 1 in rnn_step_forward; the
    course's rel_error fails grad_W_embed on rounding, `a3 check` passed: now both pass."""
    from equivalents.rnn_step_forward import TARGET, tanh_via_sigmoid

    assert _public_test_and_graded_case(tmp_path, "rnn_loss", {TARGET: tanh_via_sigmoid.source(TARGET)}) == (True, True)


def test_no_part_1_2_mutant_is_caught_by_hidden_cases_only(tmp_path):
    """Every requirement a hidden case checks is also checked by a public case, so that
    `a3 check` warns before the deadline: no mutant loses only hidden cases."""
    hidden_only = []
    for qid in PUBLIC_1_2:
        question = CONFIG.questions[qid]
        mod = importlib.import_module(f"mutants.{qid}")
        for i, mutant in enumerate(mod.MUTANTS):
            target = getattr(mutant, "target", None) or mod.TARGET
            sub = make_submission(
                tmp_path / f"{qid}-{i}", {target: mutant.source(target) if hasattr(mutant, "changes") else mutant}
            )
            cases = grade_submission(sub, CONFIG, parts=[question.part], only={qid}).questions[qid].cases
            if all(c.passed for c in cases if c.visibility == "public") and not all(c.passed for c in cases):
                hidden_only.append(f"{qid}: {mutant.__name__}")
    assert not hidden_only, hidden_only


# ---------------------------------------------------------------- scalars
def test_a_one_element_result_is_the_scalar_it_holds():
    """The course's checks took a loss of shape (1,) (rel_error on .numpy()): so does the
    comparison, and the calls' ``scalar`` takes it where the course's loops did float(loss);
    more than one element is still refused."""
    from autograder.student_process.calls.common import CallError, scalar

    assert compare_array("loss", np.array([2.5]), np.array(2.5), 1e-6).passed
    assert compare_array("loss", np.array([[2.5]]), np.array(2.5), 1e-6).passed
    assert not compare_array("loss", np.array([2.6]), np.array(2.5), 1e-6).passed
    assert not compare_array("loss", np.array([2.5, 2.5]), np.array(2.5), 1e-6).passed
    assert scalar(np.array([2.5]), "the loss", "f") == 2.5 and type(scalar(np.float32(1), "l", "f")) is float
    with pytest.raises(CallError, match="expected a scalar"):
        scalar(np.ones(2), "the loss", "f")
