"""One definition per public case: the public test a student runs (`a3 check <id>`, the
notebooks' `check_public_cases('<id>')`) calls the student's code with the grader's own calls,
judges with the grader's own checks, on the graded public cases' inputs and expected values,
with the judging parameters of grading_config.yml as the build found them."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np

from autograder.build.public_data import public_arrays, public_questions, write_public_data
from autograder.config import REPO_ROOT, load_config
from autograder.fixture_store import read_fixture
from autograder.question_api import question_hooks
from autograder.student_tools import check, public_cases
from autograder.student_tools.checks import CHECKS, SOURCE_CHECKS
from test_student_tools import student_copy

CONFIG = load_config()
TEMPLATE = REPO_ROOT / "student_template"
PUBLIC = [q.id for q in public_questions(CONFIG)]


def test_the_grader_and_the_public_cases_judge_with_the_same_functions():
    """Each question's hidden test takes its `check` / `check_source` from the shipped
    checks (one function object), so a3 check cannot judge otherwise than the grader."""
    for qid in PUBLIC:
        hooks = question_hooks(qid)
        assert hooks.check is CHECKS.get(qid), qid
        assert hooks.check_source is SOURCE_CHECKS.get(qid), qid
    assert set(CHECKS) | set(SOURCE_CHECKS) <= set(PUBLIC)


def test_the_public_data_holds_the_public_cases_only_and_the_configs_parameters():
    """tests/public/<id>.npz: exactly the public cases (inputs and expected values as in the
    fixture), and the question's threshold, function and seed as grading_config.yml says."""
    for qid in PUBLIC:
        q = CONFIG.questions[qid]
        question, cases = public_cases.load_cases(qid, TEMPLATE)
        assert set(cases) == {c for c, v in q.cases.items() if v == "public"}, qid
        assert (question.id, question.part, question.function, question.threshold, question.max_loss) == (
            q.id,
            q.part,
            q.function,
            q.threshold,
            q.max_loss,
        ), qid
        assert question.seed == CONFIG.seeds["fixtures"]
        fixture = read_fixture(qid)
        for case, (inputs, expected) in cases.items():
            assert inputs.keys() == fixture[case][0].keys(), (qid, case)
            assert all(np.array_equal(inputs[k], fixture[case][0][k]) for k in inputs), (qid, case)
            assert (expected is None) == (fixture[case][1] is None), (qid, case)


def near_step(x, prev_h, Wx, Wh, b):
    """rnn_step_forward with an error of 1e-6 of its largest entry: within 1e-5, not 1e-8."""
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    next_h = next_h + 1e-6 * np.max(np.abs(next_h))
    return next_h, (x, prev_h, Wx, Wh, b, next_h)


def test_a_threshold_changed_in_the_config_reaches_the_public_test(tmp_path):
    """A TA raises rnn_step_forward's threshold from 1e-8 to 1e-5: the public data the build
    writes changes (so `a3 build --check` calls the committed file stale), and a3 check's
    verdict on an answer 1e-6 off follows: failed before, passed after."""
    from autograder.build.splice import function_source, replace_function

    qid = "rnn_step_forward"
    folder = student_copy(tmp_path / "student", REPO_ROOT / "solutions" / "cs231n")
    path = folder / "cs231n" / "rnn_layers.py"
    path.write_text(replace_function(path.read_text(), qid, function_source(near_step).replace("near_step", qid)))
    assert not check.run_public_tests(qid, folder)[0].passed_all  # 1e-6 > 1e-8
    question = dataclasses.replace(CONFIG.questions[qid], threshold=1e-5)
    questions = dict(CONFIG.questions, **{qid: question})
    config = dataclasses.replace(CONFIG, questions=questions)
    shutil.rmtree(folder / "tests" / "public")
    write_public_data(config, REPO_ROOT / "autograder" / "fixtures", folder / "tests" / "public")
    assert (folder / "tests" / "public" / f"{qid}.npz").read_bytes() != (
        TEMPLATE / "tests" / "public" / f"{qid}.npz"
    ).read_bytes()
    assert public_cases.load_cases(qid, folder)[0].threshold == 1e-5
    assert check.run_public_tests(qid, folder)[0].passed_all  # 1e-6 <= 1e-5


def test_hidden_cases_never_reach_the_public_data():
    for qid in PUBLIC:
        q = CONFIG.questions[qid]
        arrays = public_arrays(q, read_fixture(qid), CONFIG.seeds["fixtures"])
        hidden = {c for c, v in q.cases.items() if v == "hidden"}
        assert not any(k.split("|")[0] in hidden for k in arrays), qid


def test_gan_cases_after_a_loaded_keras_model_and_the_notebooks_float_type_is_kept(tmp_path):
    """A student process (or a notebook) that loaded the SqueezeNet first fixes Keras's global
    dtype policy to float32: the GAN calls still build float64 models (the fixtures' type),
    and the public cases put the float type and policy back as they found them."""
    import keras

    folder = student_copy(tmp_path / "student", REPO_ROOT / "solutions" / "cs231n")
    for qid in ("saliency_maps", "dc_generator", "gan_training"):
        test, _ = check.run_public_tests(qid, folder)
        assert test.passed_all, (qid, [r.message for r in test.test_case_results])
    assert keras.backend.floatx() == "float32" and keras.config.dtype_policy().name == "float32"


def test_a_failing_grader_check_shows_the_useful_line_first(tmp_path):
    """Otter prints a test file's failure_message before its doctest transcript: a3 build sets
    it (build/notebooks.first_line_first) to what check_public_cases printed, so the line that
    names the question, the case and the problem is the first after the title."""
    import subprocess
    import sys

    folder = tmp_path / "student"
    shutil.copytree(TEMPLATE, folder, ignore=shutil.ignore_patterns("*.ipynb", "datasets"))
    rnn_layers = folder / "cs231n" / "rnn_layers.py"  # a slip with a line to point at
    text = rnn_layers.read_text()
    start = text.index("def word_embedding_forward")
    stub = text[start : text.index("\ndef ", start + 1)]
    body = stub[: stub.index('"""', stub.index('"""') + 3) + 3]
    rnn_layers.write_text(text.replace(stub, body + "\n    out = W.T[x]\n    return out, (x, W)\n"))
    script = "import otter; print(repr(otter.Notebook(tests_dir='tests').check('word_embedding_forward')))"
    proc = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, timeout=300)
    lines = proc.stdout.splitlines()
    assert lines[0] == "word_embedding_forward results:", proc.stdout + proc.stderr[-2000:]
    first = lines[1]
    assert first.strip().startswith("word_embedding_forward - 1 message: word_embedding_forward, case linspace:")
    assert "IndexError" in first and "cs231n/rnn_layers.py, line" in first and "out = W.T[x]" in first, first
