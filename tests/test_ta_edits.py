"""What a TA does, on a copy of the repository: edit a master notebook's prose
(assignment/notebooks/RNN_Captioning.py) and the input of one public case (``linspace`` of
rnn_step_forward, defined in autograder/hidden_tests/rnn_step_forward.py), run ``a3 build``,
and see the student notebook, ``a3 check``'s data (student_template/tests/public/<id>.npz)
and the graded public case (the fixture) change together, and nothing else of them.

The copy's grading_config.yml keeps Parts 1-2 only, so that the build does not spend
minutes on the TensorFlow parts' fixtures; the steps are the TA's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
import yaml

pytestmark = pytest.mark.slow  # the build trains the overfit checks' reference models (about 2 min)

REPO = Path(__file__).resolve().parent.parent
QID = "rnn_step_forward"
PROSE = (
    "# # Vanilla RNN: step forward\n",
    "# # Vanilla RNN: step forward\n# A sentence a TA added: mind the bias term.\n",
)
CASE_INPUT = ("x=ls(-0.4, 0.7, N, D)", "x=ls(-0.5, 0.9, N, D)")
NOT_PUBLISHED = ("PUBLISHED = {", "COURSE_VALUES_OF_THE_OLD_CASE = {")  # what the build's message asks
KEEP_PARTS = ("rnn", "lstm")  # the numpy parts: a build in seconds (public_data.PARTS needs both)


def copy_repo(dest: Path) -> Path:
    """The files git tracks, as they are in the working tree, copied to ``dest``; its
    grading_config.yml keeps KEEP_PARTS only."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in names.decode().split("\0"):
        if name and (REPO / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest / name)
    config = yaml.safe_load((dest / "grading_config.yml").read_text())
    config["parts"] = {part: config["parts"][part] for part in KEEP_PARTS}
    config["points"] = sum(config["parts"][part]["points"] for part in KEEP_PARTS)  # the total of the parts kept
    (dest / "grading_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, f"{path}: {old!r} is not there once"
    path.write_text(text.replace(old, new))


def run_in(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """``python *args`` with the copy's packages (never this worktree's) first on the path."""
    env = dict(os.environ, PYTHONPATH=str(copy), OPENBLAS_NUM_THREADS="1", MPLBACKEND="Agg")
    return subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, timeout=900)


def linspace_case(x_range) -> dict:
    """The inputs of rnn_step_forward's linspace case with x over ``x_range``, and next_h
    computed here, by the formula of the course."""
    N, D, H = 3, 10, 4
    ls = lambda lo, hi, *shape: np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape)  # noqa: E731
    inputs = dict(
        x=ls(*x_range, N, D),
        prev_h=ls(-0.2, 0.5, N, H),
        Wx=ls(-0.1, 0.9, D, H),
        Wh=ls(-0.3, 0.7, H, H),
        b=ls(-0.2, 0.4, H),
    )
    next_h = np.tanh(inputs["x"] @ inputs["Wx"] + inputs["prev_h"] @ inputs["Wh"] + inputs["b"])
    return dict(inputs, next_h=next_h)


def cells(path: Path) -> dict:
    return {c.id: c.source for c in nbformat.read(str(path), as_version=4).cells}


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """(copy, before): the copy after the TA's edits and ``a3 build``, and what its student
    notebook, public data and fixture were before."""
    from autograder.fixture_store import read_fixture

    copy = copy_repo(tmp_path_factory.mktemp("repo"))
    where = run_in(copy, "-c", "import autograder; print(autograder.__file__)")
    assert where.stdout.strip() == str(copy / "autograder" / "__init__.py"), where
    template = copy / "student_template"
    before = {
        "notebook": cells(template / "RNN_Captioning.ipynb"),
        "npz": dict(np.load(template / "tests" / "public" / f"{QID}.npz")),
        "fixture": read_fixture(QID, copy / "autograder" / "fixtures"),
    }
    edit(copy / "assignment" / "notebooks" / "RNN_Captioning.py", *PROSE)
    edit(copy / "autograder" / "hidden_tests" / f"{QID}.py", *CASE_INPUT)
    first = run_in(copy, "-m", "autograder.cli", "build")  # the course published this case's values
    assert first.returncode == 2 and "remove its published values" in first.stderr, first.stderr[-3000:]
    edit(copy / "autograder" / "hidden_tests" / f"{QID}.py", *NOT_PUBLISHED)
    build = run_in(copy, "-m", "autograder.cli", "build")
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return copy, before


def test_the_student_notebook_changes_in_the_edited_cell_only(edited):
    copy, before = edited
    after = cells(copy / "student_template" / "RNN_Captioning.ipynb")
    gone = {i: s for i, s in before["notebook"].items() if after.get(i) != s}
    new = {i: s for i, s in after.items() if before["notebook"].get(i) != s}
    assert len(gone) == len(new) == 1, (gone, new)
    (old_text,), (new_text,) = gone.values(), new.values()
    assert "A sentence a TA added: mind the bias term." in new_text and "A sentence a TA added" not in old_text
    assert len(after) == len(before["notebook"])  # every other cell kept its id and its text


def test_a3_check_data_and_the_graded_public_case_change_together(edited):
    from autograder.fixture_store import read_fixture

    copy, before = edited
    old, new = linspace_case((-0.4, 0.7)), linspace_case((-0.5, 0.9))
    npz = dict(np.load(copy / "student_template" / "tests" / "public" / f"{QID}.npz"))
    fixture = read_fixture(QID, copy / "autograder" / "fixtures")
    assert set(npz) == set(before["npz"]) and npz["question|threshold"] == before["npz"]["question|threshold"]
    for name in ("x", "prev_h", "Wx", "Wh", "b"):
        np.testing.assert_allclose(before["npz"][f"linspace|in|{name}"], old[name], rtol=1e-12)
        np.testing.assert_allclose(npz[f"linspace|in|{name}"], new[name], rtol=1e-12)
        np.testing.assert_array_equal(fixture["linspace"][0][name], npz[f"linspace|in|{name}"])
    np.testing.assert_allclose(before["npz"]["linspace|out|next_h"], old["next_h"], rtol=1e-10)
    np.testing.assert_allclose(npz["linspace|out|next_h"], new["next_h"], rtol=1e-10)
    np.testing.assert_array_equal(fixture["linspace"][1]["next_h"], npz["linspace|out|next_h"])
    assert not np.allclose(new["next_h"], old["next_h"])
    for kind in (0, 1):  # the hidden case is untouched
        for name, value in before["fixture"]["random"][kind].items():
            np.testing.assert_array_equal(fixture["random"][kind][name], value)


def test_a3_check_runs_the_new_case_with_the_reference(edited, tmp_path):
    """``a3 check rnn_step_forward`` in the rebuilt student folder, with the reference
    package, passes on the new data; with a step that leaves out the bias it fails on it."""
    copy, _ = edited
    tree = tmp_path / "student"
    shutil.copytree(copy / "student_template", tree, ignore=shutil.ignore_patterns("cs231n"))
    shutil.copytree(copy / "solutions" / "cs231n", tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(tree), OPENBLAS_NUM_THREADS="1")
    check = [sys.executable, "-m", "a3.cli", "check", QID]
    ok = subprocess.run(check, cwd=tree, env=env, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    layers = tree / "cs231n" / "rnn_layers.py"
    text = layers.read_text()
    step = "np.tanh(x.dot(Wx) + prev_h.dot(Wh) + b)"
    assert text.count(step) == 1, "the reference's step changed: update this test"
    layers.write_text(text.replace(step, "np.tanh(x.dot(Wx) + prev_h.dot(Wh))"))
    bad = subprocess.run(check, cwd=tree, env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and f"failed: {QID}, case linspace: next_h" in bad.stdout, bad.stdout + bad.stderr
