"""The student's commands: `a3 check QUESTION` runs the public tests, `a3 submit` packs a
zip that the grader accepts."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from autograder.build.strip import strip_package
from autograder.config import REPO_ROOT, load_config
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
        "failed: rnn_step_forward, case linspace: rnn_step_forward is not implemented yet (fill in the TODO in "
        "cs231n/rnn_layers.py)"
    ]
    done = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    assert check.main("rnn_loss", done) == 0
    # one line per graded public case of the question (a3/public_cases.py), named as in the config
    assert capsys.readouterr().out.splitlines() == ["passed: rnn_loss, case published"]


def transposed_embedding(x, W):
    out = W.T[x]
    return out, (x, W)


def test_one_message_names_file_line_function_and_case_in_check_notebook_and_feedback(config, tmp_path, capsys):
    """A student's error (``W.T[x]``: an IndexError) is said the same way by ``a3 check``, the
    notebook's ``grader.check`` (Otter running tests/<id>.py) and the grader's feedback: the
    exception first, with file, line, function and code; the case by its name; and a failing
    grader.check shows that line below Otter's own few lines, nothing of the engine (it
    printed 40 lines of doctest transcript and frames before)."""
    from otter.test_files import OKTestFile

    from autograder.build.splice import function_source, replace_function
    from autograder.student_tools.packages import package_from

    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    path = folder / "cs231n" / "rnn_layers.py"
    path.write_text(replace_function(path.read_text(), "word_embedding_forward", function_source(transposed_embedding)))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "out = W.T[x]" in text)
    where = f"(cs231n/rnn_layers.py, line {line}, in word_embedding_forward: out = W.T[x])"
    assert check.main("word_embedding_forward", folder) == 1
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("failed: word_embedding_forward, case linspace: raised an error: IndexError: index ")
    assert said[0].endswith(where) and len(said) == 1, said
    result = grade_submission(folder, config, parts=["rnn"], only=["word_embedding_forward"])
    (case,) = [c for c in result.questions["word_embedding_forward"].cases if c.case == "linspace"]
    assert case.messages == [said[0].split(": ", 2)[2]]  # the feedback's message, the same text
    cwd = Path.cwd()
    try:  # as in the notebook's kernel: the assignment folder is the working directory and on the path
        os.chdir(folder)
        with package_from(folder), package_from(folder, "a3"):
            test = OKTestFile.from_file(str(folder / "tests" / "word_embedding_forward.py"))
            test.run({"__name__": "__main__"})
    finally:
        os.chdir(cwd)
    shown = test.summary().splitlines()  # our line first (the failure_message), then Otter's doctest report
    assert not test.passed_all and len(shown) <= 15, shown
    assert shown[1].strip() == "word_embedding_forward - 1 message: " + said[0].removeprefix("failed: "), shown
    assert shown[-1].strip() == said[0].removeprefix("failed: "), shown
    assert not any("Traceback" in ln or "public_cases.py" in ln for ln in shown), shown


def test_check_says_which_function_returned_none(tmp_path, capsys):
    from autograder.build.splice import function_source, replace_function

    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    path = folder / "cs231n" / "rnn_layers.py"
    path.write_text(replace_function(path.read_text(), "rnn_step_forward", function_source(returns_none_step)))
    assert check.main("rnn_step_forward", folder) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(
        "failed: rnn_step_forward, case linspace: rnn_step_forward returned None as output 1 of 2 "
        "(then: rnn_step_forward returned None for next_h"
    )  # the grader's own message
    assert check.main("rnn_forward", folder) == 1  # called by another function: still named
    assert capsys.readouterr().out.startswith("failed: rnn_forward, case linspace: rnn_step_forward returned None")


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


def stubbed_in_solutions(config) -> list:
    """The ids of the questions one of whose functions holds a ``# BEGIN SOLUTION`` region in
    solutions/ (the strip makes each a stub; style_transfer, which calls the others, has none)."""
    from autograder.build.strip import BEGIN, enclosing_function, function_spans

    ids = []
    for q in config.questions.values():
        text = (REPO_ROOT / "solutions" / q.file).read_text()
        spans = function_spans(text)
        regions = {enclosing_function(spans, n) for n, ln in enumerate(text.splitlines(), 1) if BEGIN.match(ln)}
        if regions & set(q.qualnames):
            ids.append(q.id)
    return ids


def test_submit_lists_the_stubs_asks_nothing_and_writes_the_zip(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: it must not ask
    folder = student_copy(tmp_path, TEMPLATE / "cs231n")
    stubbed = pack.stubs(folder, pack.collect(folder))
    graded = stubbed_in_solutions(load_config())
    assert sorted(stubbed) == sorted(graded) and len(stubbed) == len(set(stubbed)), set(stubbed) ^ set(graded)
    fresh = tmp_path / "fresh"  # what `a3 build` strips now, the same
    strip_package(REPO_ROOT / "solutions" / "cs231n", fresh / "cs231n", load_config())
    assert sorted(pack.stubs(fresh, sorted(p.relative_to(fresh) for p in fresh.rglob("*.py")))) == sorted(graded)
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


def test_check_all_orders_by_part_leaves_given_code_uncounted_and_takes_a_part(config, tmp_path, capsys):
    """``a3 check --all`` (the repository's a3 and the template's, one parser) lists the
    questions part by part in the config's order and does not count the 0-point given code;
    ``a3 check lstm`` checks the part. Parts 1-2 only (no TensorFlow here)."""
    from autograder import cli as repo_cli

    folder = student_copy(tmp_path, REPO_ROOT / "solutions" / "cs231n")
    numpy_parts = [q for q in config.questions_in(["rnn", "lstm"]) if "public" in q.cases.values()]
    kept = {q.id for q in numpy_parts}
    for path in list((folder / "tests").glob("*.py")) + list((folder / "tests" / "public").glob("*.npz")):
        if path.stem not in kept:
            path.unlink()
    given = [q.id for q in numpy_parts if q.points == 0]
    assert len(given) == 2  # temporal_affine, temporal_softmax_loss

    def table(argv, main=cli.main):
        assert main(argv) == 0
        lines = capsys.readouterr().out.splitlines()
        return [ln.split()[0] for ln in lines[1:] if ln.strip() and not ln[0].isdigit()], lines[-1]

    names, last = table(["check", "--all", "--dir", str(folder)])
    assert names == [q.id for q in numpy_parts]
    assert last == f"{len(names) - 2} of {len(names) - 2} questions pass their public tests"
    names, _ = table(["check", "lstm", "--dir", str(folder)], repo_cli.main)
    assert names == [q.id for q in numpy_parts if q.part == "lstm"]


def test_check_keeps_tensorflows_start_up_lines_out(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "check", "gan_loss", "--dir", str(TEMPLATE)],
        capture_output=True,
        timeout=300,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 1 and done.stdout.startswith(b"failed: gan_loss, case random: "), done
    assert b"oneDNN" not in done.stderr and b"absl" not in done.stderr, done.stderr
