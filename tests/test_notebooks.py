"""The notebook step of ``a3 build`` (autograder/build/notebooks.py): the master notebooks
of Parts 1-2 become student notebooks and public Otter tests, deterministically, without
leaking solutions; the reference passes every public test and the stripped stubs fail
them; and (slow) both student notebooks run top to bottom with the reference.

The slow test uses the ``slow`` marker (register it in the pytest configuration).
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder.build.notebooks import LEAK_MARKERS, assign_notebooks
from autograder.build.public_data import write_public_data
from autograder.build.strip import strip_package
from autograder.config import load_config
from autograder.fixture_store import FIXTURE_DIR

REPO = Path(__file__).resolve().parent.parent
MASTERS = REPO / "assignment" / "notebooks"
SOLUTIONS = REPO / "solutions" / "cs231n"
DATA = REPO / "assignment" / "data" / "coco_captioning"
PARTS = ("rnn", "lstm")          # the captioning notebooks (data, written questions, overfit runs)
NOTEBOOK_TIME_LIMIT = 300   # seconds per notebook with the reference
MIN_VAL_BLEU = 0.5
PUBLIC_TEST_SECONDS = {"gan": 3.0}   # per part, default 1 s: building a Keras model takes a moment

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
    return [q for p in parts for q in config.parts[p].questions.values()
            if "public" in q.cases.values()]


def notebook_parts(config):
    """Every part with a master notebook (the Otter step assigns them all)."""
    return [p.id for p in config.parts.values() if p.notebook]


def make_tree(tmp: Path, assigned_dir: Path, package: str, config=None, data=False) -> Path:
    """A student folder: the generated notebooks and tests, with ``cs231n`` the reference
    (package='reference') or the stripped stubs (package='stubs'), and optionally the data
    at datasets/coco_captioning."""
    tree = tmp / package
    shutil.copytree(assigned_dir, tree)
    # the public tests of Parts 1-2 run a3/public_cases.py on tests/public/<id>.npz, which
    # the build adds to the template beside Otter's output
    shutil.copytree(REPO / "autograder" / "student_tools", tree / "a3", ignore=shutil.ignore_patterns("__pycache__"))
    write_public_data(load_config(), FIXTURE_DIR, tree / "tests" / "public")
    if package == "reference":
        shutil.copytree(SOLUTIONS, tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        strip_package(SOLUTIONS, tree / "cs231n", config)
    if data:
        shutil.copytree(DATA, tree / "datasets" / "coco_captioning")
    return tree


def run_public_tests(tree: Path) -> dict:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", MPLBACKEND="Agg")
    proc = subprocess.run([sys.executable, "-c", RUNNER], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULTS")][-1]
    return json.loads(line[len("RESULTS"):])


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
        if config.parts[part].written:       # a written (manual) question: a cell to answer in
            assert sum("_Type your answer here" in s for s in sources) == len(config.parts[part].written), part
        assert len({c.id for c in nb.cells}) == len(nb.cells)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert {q for p in config.parts.values() for q in p.written} == {
        "rnn_inline_question_1", "lstm_inline_question_1", "netvis_inline_question_1",
        "gan_inline_question_1", "gan_inline_question_2", "gan_inline_question_3"}


def test_no_solution_reaches_students(assigned):
    result, _, _ = assigned
    for path in result["notebooks"] + result["tests"]:
        text = path.read_text()
        for marker in LEAK_MARKERS:
            assert marker not in text, f"{path.name} contains {marker!r}"
    # the reference answers of the written questions are gone
    for path in result["notebooks"]:
        assert "**Answer.**" not in path.read_text()


def test_committed_masters_match_their_generator(tmp_path):
    """assignment/notebooks/*.ipynb are what make_masters.py writes (edit the script)."""
    spec = importlib.util.spec_from_file_location("make_masters", MASTERS / "make_masters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = str(tmp_path)
    module.rnn_notebook()
    module.lstm_notebook()
    for name in ("RNN_Captioning.ipynb", "LSTM_Captioning.ipynb"):
        assert (tmp_path / name).read_bytes() == (MASTERS / name).read_bytes(), \
            f"{name} is stale: run assignment/notebooks/make_masters.py"


# ----------------------------------------------------------------------------------
# (b) the reference passes every public test, the stubs fail them
# ----------------------------------------------------------------------------------

def test_reference_passes_every_public_test(assigned, config, tmp_path):
    _, out1, _ = assigned
    results = run_public_tests(make_tree(tmp_path, out1, "reference"))
    assert results, "no public tests ran"
    for qid, (passed, summary, seconds) in results.items():
        assert passed, f"{qid}:\n{summary}"
        limit = PUBLIC_TEST_SECONDS.get(config.questions[qid].part, 1.0)
        assert seconds < limit, f"{qid} took {seconds:.2f} s (public tests must be fast)"


def test_stubs_fail_public_tests(assigned, config, tmp_path):
    _, out1, _ = assigned
    results = run_public_tests(make_tree(tmp_path, out1, "stubs", config=config))
    for q in public_questions(config, notebook_parts(config)):
        passed, summary, _ = results[q.id]
        if q.given:   # given code is complete in the student package
            assert passed, f"{q.id} (given) fails on the student package:\n{summary}"
        else:
            assert not passed, f"{q.id} passes on the unimplemented stubs"
            assert "NotImplementedError" in summary, summary


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
        NotebookClient(nb, timeout=NOTEBOOK_TIME_LIMIT, kernel_name="python3",
                       resources={"metadata": {"path": str(tree)}}).execute()
        timings[name] = time.time() - start
        text = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                         for o in c.outputs if o.get("output_type") == "stream")
        failing = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                   if o.get("output_type") == "error"]
        assert not failing, f"{name}: {failing[0].get('ename')}: {failing[0].get('evalue')}"
        assert timings[name] < NOTEBOOK_TIME_LIMIT, f"{name} took {timings[name]:.0f} s"
        # every grader.check cell reports that its public tests passed
        checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
        assert checks
        for c in checks:
            shown = " ".join(o.get("data", {}).get("text/plain", "") for o in c.outputs)
            assert "All test cases passed" in shown, f"{name}: {c.source}: {shown}"
        # the overfit runs reach the configured losses
        m = re.search(r"Final loss: ([0-9.]+)", text)
        assert m and float(m.group(1)) < config.questions[f"{part}_overfit"].max_loss, text[-2000:]
        if part == "lstm":
            m = re.search(r"unigram BLEU on validation images: ([0-9.]+)", text)
            assert m, "the LSTM notebook printed no validation BLEU"
            bleu = float(m.group(1))
    print(f"notebook times: {timings}; LSTM validation unigram BLEU: {bleu}")
    assert bleu >= MIN_VAL_BLEU
