"""The student's commands: `a3 check QUESTION` runs the public tests, `a3 submit` packs a
zip that the grader accepts."""

from __future__ import annotations

import shutil
import zipfile

from autograder.config import REPO_ROOT
from autograder.grade.judging.grader import grade_submission
from autograder.student_tools import check, cli, pack

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
    assert result.part_score("rnn") == 25, [
        (q, c.messages) for q, r in result.questions.items() for c in r.cases if not c.passed
    ]


def test_submit_names_a_wrong_folder(tmp_path, capsys):
    assert pack.main(tmp_path, tmp_path / "s.zip") == 2
    assert "missing cs231n/__init__.py" in capsys.readouterr().err


# -- one line per case, a table of all, stubs listed at submit, a notebook front end ----------
def returns_none_step(x, prev_h, Wx, Wh, b):
    next_h = None  # forgot to compute it
    return next_h, (x, prev_h, Wx, Wh)


def test_check_prints_one_line_per_case_message_first(tmp_path, capsys):
    assert check.main("rnn_step_forward", TEMPLATE) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "failed: NotImplementedError: rnn_step_forward is not implemented yet (fill in the TODO in "
        "cs231n/rnn_layers.py) (rnn_step_forward, case 1 of 1)"
    ]
    done = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    assert check.main("rnn_loss", done) == 0
    # one line per graded public case of the question (a3/public_cases.py)
    assert capsys.readouterr().out.splitlines() == ["passed: rnn_loss, case 1 of 1"]


def test_check_says_which_function_returned_none(tmp_path, capsys):
    from autograder.build.splice import function_source, replace_function

    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    path = folder / "cs231n" / "rnn_layers.py"
    path.write_text(replace_function(path.read_text(), "rnn_step_forward", function_source(returns_none_step)))
    assert check.main("rnn_step_forward", folder) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(
        "failed: rnn_step_forward returned None as output 1 of 2 (then: rnn_step_forward returned None for next_h"
    )  # the grader's own message
    assert check.main("rnn_forward", folder) == 1  # called by another function: still named
    assert capsys.readouterr().out.startswith("failed: rnn_step_forward returned None")


def test_check_all_is_a_table_of_every_question(tmp_path, capsys):
    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    for name in list((folder / "tests").glob("*.py")) + list((folder / "tests" / "public").glob("*.npz")):
        if not name.stem.startswith(("rnn_", "word_embedding")):  # the numpy questions (no TensorFlow here)
            name.unlink()
    path = folder / "cs231n" / "rnn_layers.py"
    path.write_text(path.read_text().replace("return next_h, cache", "return None, cache", 1))
    assert cli.main(["check", "--all", "--dir", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["question", "result", "cases", "first", "problem"]
    rows = {ln.split()[0]: ln for ln in lines[1:] if ln.strip() and not ln.startswith(tuple("0123456789"))}
    assert set(rows) == set(check.available(folder))
    assert rows["word_embedding_forward"].split()[1:] == ["passed", "1/1"]
    assert rows["rnn_step_forward"].split()[1:3] == ["FAILED", "0/1"]
    assert "rnn_step_forward returned None as output 1 of 2" in rows["rnn_step_forward"]
    # rnn_step_backward passes: its cache is intact (only next_h was dropped)
    assert lines[-1] == f"{len(rows) - 5} of {len(rows)} questions pass their public tests", lines


def test_submit_lists_the_stubs_asks_nothing_and_writes_the_zip(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: it must not ask
    folder = student_copy(tmp_path, TEMPLATE / "cs231n")
    stubbed = pack.stubs(folder, pack.collect(folder))
    assert {"rnn_step_forward", "lstm_backward", "saliency_maps", "gram_matrix", "gan_loss"} <= set(stubbed)
    done = student_copy(tmp_path / "done", REPO_ROOT / "solutions" / "cs231n")
    assert pack.stubs(done, pack.collect(done)) == []
    assert pack.main(folder, tmp_path / "s.zip") == 0
    err = capsys.readouterr().err
    assert f"warning: {len(stubbed)} question(s) still stubs" in err and "rnn_step_forward" in err
    assert zipfile.ZipFile(tmp_path / "s.zip").testzip() is None


def test_the_template_has_a_pinned_notebook_front_end_that_starts():
    import subprocess
    import sys
    from pathlib import Path

    from packaging.requirements import Requirement

    from autograder.grade.environment import pins

    reqs = [
        Requirement(ln.split(" #")[0])
        for ln in (TEMPLATE / "requirements.txt").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    pinned = pins()
    front = [r for r in reqs if r.name in ("notebook", "jupyterlab")]
    assert front and all(str(r.specifier) == f"=={pinned[r.name]}" for r in front), front
    assert "jupyter notebook" in (TEMPLATE / "README.md").read_text()
    jupyter = Path(sys.executable).parent / "jupyter"
    proc = subprocess.run([str(jupyter), "notebook", "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == pinned["notebook"], proc.stderr[-1000:]
