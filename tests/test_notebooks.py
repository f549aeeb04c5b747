"""The notebook step of ``a3 build`` (autograder/build/notebooks.py): the text master
notebooks become student notebooks and public Otter tests, deterministically, without
leaking solutions, the public tests of questions with public-case data generated; the
reference passes every public test and the stripped stubs fail them; and (slow) both
student notebooks run top to bottom with the reference.

The slow test uses the ``slow`` marker (register it in the pytest configuration).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

from autograder.build import BuildError
from autograder.build.notebooks import (
    LEAK_MARKERS,
    assign_notebooks,
    check_masters,
    generated_tests,
    master_path,
    read_master,
    read_questions,
)
from autograder.build.public_data import public_questions as public_data_questions
from autograder.build.public_data import copy_student_process_code, write_public_data
from autograder.build.strip import strip_package
from autograder.config import load_config
from autograder.fixture_store import FIXTURE_DIR

REPO = Path(__file__).resolve().parent.parent
MASTERS = REPO / "assignment" / "notebooks"
SOLUTIONS = REPO / "solutions" / "cs231n"
DATA = REPO / "assignment" / "data" / "coco_captioning"
TEMPLATE = REPO / "student_template"
PARTS = ("rnn", "lstm")  # the captioning notebooks (data, written questions, overfit runs)
NOTEBOOK_TIME_LIMIT = 300  # seconds per notebook with the reference
MIN_VAL_BLEU = 0.5

# Runs every public test file of a tree with otter's OKTestFile, in a fresh interpreter
# (so that `cs231n` is the tree's package), and prints {question: [passed, summary]}.
RUNNER = r"""
import json, os, sys, time
sys.path.insert(0, os.getcwd())
from otter.test_files import OKTestFile
try:                      # imported and started once, before the clock starts (as in a notebook kernel)
    import tensorflow
    tensorflow.constant(0.0) + 1.0      # the runtime starts on the first op
except ImportError:
    pass
out = {}
for name in sorted(os.listdir('tests')):
    if not name.endswith('.py'):
        continue
    t = time.time()
    test = OKTestFile.from_file(os.path.join('tests', name))
    test.run({})
    out[name[:-3]] = [test.passed_all, test.summary(), time.time() - t]
print('RESULTS' + json.dumps(out))
"""


@pytest.fixture(scope="module")
def config():
    return load_config()


@pytest.fixture(scope="module")
def assigned(config, tmp_path_factory):
    """Run the notebook step twice into two folders; returns (result, out1, out2)."""
    out1 = tmp_path_factory.mktemp("assigned1")
    out2 = tmp_path_factory.mktemp("assigned2")
    dist = tmp_path_factory.mktemp("otter_dist")
    result = assign_notebooks(config, MASTERS, out1, log=lambda *a: None, otter_dist=dist)
    assign_notebooks(config, MASTERS, out2, log=lambda *a: None)
    return result, out1, out2


def public_questions(config, parts=PARTS):
    return [q for p in parts for q in config.parts[p].questions.values() if "public" in q.cases.values()]


def notebook_parts(config):
    """Every part with a master notebook (the Otter step assigns them all)."""
    return [p.id for p in config.parts.values() if p.notebook]


def make_tree(tmp: Path, assigned_dir: Path, package: str, config=None, data=False) -> Path:
    """A student folder: the generated notebooks and tests, with ``cs231n`` the reference
    (package='reference') or the stripped stubs (package='stubs'), and optionally the data
    at datasets/coco_captioning; the Part 3 and 5 assets always."""
    tree = tmp / package
    shutil.copytree(assigned_dir, tree)
    # the public tests of Parts 1-2 run a3/public_cases.py on tests/public/<id>.npz, which
    # the build adds to the template beside Otter's output
    shutil.copytree(REPO / "autograder" / "student_tools", tree / "a3", ignore=shutil.ignore_patterns("__pycache__"))
    copy_student_process_code(tree / "a3")
    write_public_data(load_config(), FIXTURE_DIR, tree / "tests" / "public")
    if package == "reference":
        shutil.copytree(SOLUTIONS, tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        strip_package(SOLUTIONS, tree / "cs231n", config)
    for folder in ("netvis", "gan", "pictures"):  # Parts 3-5 read them (SqueezeNet, digits, pictures)
        shutil.copytree(TEMPLATE / "datasets" / folder, tree / "datasets" / folder)
    if data:
        shutil.copytree(DATA, tree / "datasets" / "coco_captioning")
    return tree


def run_public_tests(tree: Path) -> dict:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", MPLBACKEND="Agg")
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER], cwd=tree, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULTS")][-1]
    return json.loads(line[len("RESULTS") :])


# ----------------------------------------------------------------------------------
# (a) the step runs, is deterministic, covers every public question and leaks nothing
# ----------------------------------------------------------------------------------


def test_assign_writes_notebooks_tests_and_zips(assigned, config):
    result, out1, _ = assigned
    names = sorted(p.name for p in result["notebooks"])
    assert names == sorted(config.parts[p].notebook for p in notebook_parts(config))
    for path in result["notebooks"] + result["tests"]:
        assert path.exists() and path.is_relative_to(out1)
    assert len(result["autograder_zips"]) == len(notebook_parts(config))
    for z in result["autograder_zips"]:
        assert z.exists() and z.stat().st_size > 0


def test_assign_is_deterministic(assigned):
    _, out1, out2 = assigned
    files1 = sorted(p.relative_to(out1) for p in out1.rglob("*") if p.is_file())
    files2 = sorted(p.relative_to(out2) for p in out2.rglob("*") if p.is_file())
    assert files1 == files2
    for rel in files1:
        assert (out1 / rel).read_bytes() == (out2 / rel).read_bytes(), f"{rel} differs between two runs"


def test_every_public_question_has_a_test_file(assigned, config):
    _, out1, _ = assigned
    have = {p.stem for p in (out1 / "tests").glob("*.py")}
    want = {q.id for q in public_questions(config, notebook_parts(config))}
    assert want <= have, f"no public test file for {sorted(want - have)}"
    # and no test file without a public question (e.g. overfit questions have none)
    assert have <= want, f"unexpected test files {sorted(have - want)}"


def test_points_come_from_the_config(assigned, config):
    _, out1, _ = assigned
    for q in public_questions(config, notebook_parts(config)):
        spec = {}
        exec((out1 / "tests" / f"{q.id}.py").read_text(), spec)
        assert spec["test"]["name"] == q.id
        assert spec["test"]["points"] == q.points, q.id
        assert all(not c["hidden"] for c in spec["test"]["suites"][0]["cases"])


def test_notebooks_have_check_cells_and_written_questions(assigned, config):
    _, out1, _ = assigned
    for part in notebook_parts(config):
        nb = nbformat.read(str(out1 / config.parts[part].notebook), as_version=4)
        sources = [c.source for c in nb.cells]
        assert any("grader = otter.Notebook(" in s for s in sources)
        for q in config.parts[part].questions.values():
            if "public" in q.cases.values():
                assert f'grader.check("{q.id}")' in sources, q.id
        if config.parts[part].written:  # a written (manual) question: a cell to answer in
            assert sum("_Type your answer here" in s for s in sources) == len(config.parts[part].written), part
        assert len({c.id for c in nb.cells}) == len(nb.cells)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert {q for p in config.parts.values() for q in p.written} == {
        "rnn_inline_question_1",
        "lstm_inline_question_1",
        "netvis_inline_question_1",
        "gan_inline_question_1",
        "gan_inline_question_2",
        "gan_inline_question_3",
    }


def test_no_solution_reaches_students(assigned):
    result, _, _ = assigned
    for path in result["notebooks"] + result["tests"]:
        text = path.read_text()
        for marker in LEAK_MARKERS:
            assert marker not in text, f"{path.name} contains {marker!r}"
    # the reference answers of the written questions are gone
    for path in result["notebooks"]:
        assert "**Answer.**" not in path.read_text()


def test_masters_are_text_notebooks_that_jupyter_saves_unchanged(config):
    """Each part's master is a jupytext percent-format text notebook; no generated master
    (.ipynb) or generator script sits beside them; reading and writing a master back, as
    Jupyter does on save, gives the same text."""
    import jupytext

    want = {master_path(MASTERS, config.parts[p].notebook).name for p in notebook_parts(config)}
    assert {p.name for p in MASTERS.iterdir() if p.is_file()} == want
    for name in sorted(want):
        text = (MASTERS / name).read_text()
        assert text.startswith("# ---\n# jupyter:\n") and "format_name: percent" in text, name
        assert jupytext.writes(jupytext.reads(text, fmt="py:percent"), fmt="py:percent") == text, name


def test_generated_public_tests_are_not_in_the_masters(assigned, config):
    """Questions with public-case data: the master holds only the question's markers, the
    build writes the test (the runner of the graded public cases); other public questions
    keep their authored test cells."""
    _, out1, _ = assigned
    generated = generated_tests(config)
    assert generated == {q.id for q in public_data_questions(config)} and generated
    for part in notebook_parts(config):
        path = master_path(MASTERS, config.parts[part].notebook)
        found = read_questions(read_master(path))
        for qid, q in found.items():
            if qid in generated:
                assert q["test_blocks"] == 0 and q["tests"] == 0, f"{path.name}: {qid} has authored tests"
            elif qid in config.questions and "public" in config.questions[qid].cases.values():
                assert q["tests"] > 0, f"{path.name}: {qid} has no authored test"
        assert "check_public_cases" not in path.read_text(), path.name
    for qid in generated:
        spec = {}
        exec((out1 / "tests" / f"{qid}.py").read_text(), spec)
        code = spec["test"]["suites"][0]["cases"][0]["code"]
        assert f"check_public_cases('{qid}')" in code and len(spec["test"]["suites"][0]["cases"]) == 1, qid


def _tiny_master(tmp_path, body: str, config):
    """A copy of the masters in which RNN_Captioning.py's rnn_step_forward question gets
    ``body`` cells right after its BEGIN QUESTION cell."""
    masters = tmp_path / "masters"
    shutil.copytree(MASTERS, masters)
    path = masters / "RNN_Captioning.py"
    text = path.read_text()
    marker = "# # BEGIN QUESTION\n# name: rnn_step_forward\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + body, 1))
    return masters


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "\n# %% [raw]\n# # BEGIN TESTS\n\n# %%\nassert True\n\n# %% [raw]\n# # END TESTS\n",
            "rnn_step_forward': its public test is generated from its public cases",
        ),
        ("# points: 3\n", "rnn_step_forward' writes 'points:'; points live in grading_config.yml"),
    ],
)
def test_check_masters_refuses_authored_tests_of_generated_questions_and_points(tmp_path, config, body, message):
    check_masters(config, MASTERS)
    with pytest.raises(BuildError, match=re.escape(message)):
        check_masters(config, _tiny_master(tmp_path, body, config))


def test_check_masters_wants_authored_tests_where_no_public_data_exists(tmp_path, config):
    """A public question without public-case data (today those of Parts 3-5) needs test cells."""
    masters = tmp_path / "masters"
    shutil.copytree(MASTERS, masters)
    authored = [q for q in public_questions(config, notebook_parts(config)) if q.id not in generated_tests(config)]
    if not authored:
        pytest.skip("every public question's test is generated")
    qid, part = authored[0].id, authored[0].part
    path = master_path(masters, config.parts[part].notebook)
    nb = read_master(path)
    q = read_questions(nb)[qid]
    start = next(i for i in range(q["cell"], q["end"]) if nb.cells[i].source.startswith("# BEGIN TESTS"))
    del nb.cells[start : q["end"]]
    jupytext.write(nb, str(path), fmt="py:percent")
    with pytest.raises(
        BuildError, match=f"question '{qid}' has a public case .* but no Otter question with test cells"
    ):
        check_masters(config, masters)


# ----------------------------------------------------------------------------------
# (b) the reference passes every public test, the stubs fail them
# ----------------------------------------------------------------------------------


def test_reference_passes_every_public_test(assigned, config, tmp_path):
    _, out1, _ = assigned
    results = run_public_tests(make_tree(tmp_path, out1, "reference"))
    assert results, "no public tests ran"
    for qid, (passed, summary, _) in results.items():
        assert passed, f"{qid}:\n{summary}"


def test_stubs_fail_public_tests(assigned, config, tmp_path):
    _, out1, _ = assigned
    results = run_public_tests(make_tree(tmp_path, out1, "stubs", config=config))
    for q in public_questions(config, notebook_parts(config)):
        passed, summary, _ = results[q.id]
        if q.given:  # given code is complete in the student package
            assert passed, f"{q.id} (given) fails on the student package:\n{summary}"
        else:
            assert not passed, f"{q.id} passes on the unimplemented stubs"
            assert "is not implemented yet" in summary, summary  # the grader's words for a stub


# ----------------------------------------------------------------------------------
# (c) slow: both student notebooks run top to bottom with the reference
# ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_student_notebooks_run_with_reference(assigned, config, tmp_path):
    from nbclient import NotebookClient

    _, out1, _ = assigned
    tree = make_tree(tmp_path, out1, "reference", data=True)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ["MPLBACKEND"] = "Agg"
    timings, bleu = {}, None
    for part in PARTS:
        name = config.parts[part].notebook
        nb = nbformat.read(str(tree / name), as_version=4)
        start = time.time()
        NotebookClient(
            nb, timeout=NOTEBOOK_TIME_LIMIT, kernel_name="python3", resources={"metadata": {"path": str(tree)}}
        ).execute()
        timings[name] = time.time() - start
        text = "\n".join(
            o.get("text", "")
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.get("output_type") == "stream"
        )
        failing = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
        assert not failing, f"{name}: {failing[0].get('ename')}: {failing[0].get('evalue')}"
        assert timings[name] < NOTEBOOK_TIME_LIMIT, f"{name} took {timings[name]:.0f} s"
        # every grader.check cell reports that its public tests passed
        checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
        assert checks
        for c in checks:
            shown = " ".join(o.get("data", {}).get("text/plain", "") for o in c.outputs)
            assert "All test cases passed" in shown, f"{name}: {c.source}: {shown}"
        # the course's own checks in the notebook: every printed value and gradient error is
        # small (the largest the course expects: 2e-5, for the captioning model's gradients)
        errors = re.findall(r"^\s*(\S+) (?:relative )?error:\s+(\S+)\s*$", text, re.MULTILINE)
        assert len(errors) >= 10, f"{name}: only {len(errors)} error lines printed"
        large = [(what, value) for what, value in errors if not float(value) < 2e-5]
        assert not large, f"{name}: {large}"
        # the overfit runs reach the configured losses
        m = re.search(r"Final loss: ([0-9.]+)", text)
        assert m and float(m.group(1)) < config.questions[f"{part}_overfit"].max_loss, text[-2000:]
        if part == "lstm":
            m = re.search(r"unigram BLEU on validation images: ([0-9.]+)", text)
            assert m, "the LSTM notebook printed no validation BLEU"
            bleu = float(m.group(1))
    print(f"notebook times: {timings}; LSTM validation unigram BLEU: {bleu}")
    assert bleu >= MIN_VAL_BLEU
