"""The student's commands: `a3 check QUESTION` runs the public tests, `a3 submit` packs a
zip that the grader accepts."""
from __future__ import annotations

import shutil
import zipfile

from autograder.config import REPO_ROOT
from autograder.grade.grader import grade_submission
from autograder.student import check, pack

TEMPLATE = REPO_ROOT / "student_template"


def student_copy(tmp_path, package):
    """A student's folder: the template with ``package`` as its cs231n (no data needed)."""
    folder = tmp_path / "a3"
    shutil.copytree(TEMPLATE, folder, ignore=shutil.ignore_patterns("datasets", "__pycache__"))
    shutil.rmtree(folder / "cs231n")
    shutil.copytree(package, folder / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_check_fails_on_the_stub_and_passes_on_the_reference(tmp_path, capsys):
    assert check.main("rnn_step_forward", TEMPLATE) == 1
    done = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    assert check.main("rnn_step_forward", done) == 0
    assert check.main("rnn_step_forwrd", done) == 2
    assert "Did you mean rnn_step_forward?" in capsys.readouterr().err


def test_submit_packs_what_the_grader_grades(config, tmp_path):
    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    out = tmp_path / "submission.zip"
    assert pack.main(folder, out) == 0
    names = zipfile.ZipFile(out).namelist()
    assert "cs231n/rnn_layers.py" in names and "RNN_Captioning.ipynb" in names and "submission.json" in names
    assert not any(n.startswith(("datasets/", "tests/", "a3/")) for n in names)
    result = grade_submission(out, config, parts=["rnn"])
    assert result.part_score("rnn") == 25, [(q, c.messages) for q, r in result.questions.items() for c in r.cases if not c.passed]


def test_submit_names_a_wrong_folder(tmp_path, capsys):
    assert pack.main(tmp_path, tmp_path / "s.zip") == 2
    assert "missing cs231n/__init__.py" in capsys.readouterr().err
