"""``a3 grade``'s command line: its terminal shows only its own lines (TensorFlow's start-up
log lines of the grading processes are filtered out), bad ``--workers`` values are argument
errors, and ``--help`` lists the part ids."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from autograder.cli import main
from autograder.config import REPO_ROOT
from autograder.grade.reports.tf_logs import TF_LOG_LINE

TF_LINES = [
    b"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
    b"I0000 00:00:1795992061.566076   10539 port.cc:153] oneDNN custom operations are on. You may see",
    b"W1129 22:40:37.123456   10539 cpu_feature_guard.cc:210] This TensorFlow binary is optimized",
    b"WARNING:absl:Compiled the loaded model, but the compiled metrics have yet to be built.",
]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_workers_are_argument_errors(value, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["grade", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", value])
    assert stop.value.code == 2
    assert "--workers" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_help_lists_the_parts(config, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["grade", "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    for part in config.parts.values():
        assert f"  {part.id}" in text and part.title in text


def test_the_filter_drops_tensorflow_lines_and_keeps_the_others():
    code = (
        "import os, sys\nfrom autograder.grade.reports.tf_logs import silence_tensorflow_logs\n"
        "silence_tensorflow_logs()\n"
        f"os.write(2, b'\\n'.join({TF_LINES!r}) + b'\\nmine: kept\\n')\n"
        "print('python: kept too', file=sys.stderr, flush=True)\nimport time; time.sleep(0.5)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, cwd=REPO_ROOT)
    assert done.stderr == b"mine: kept\npython: kept too\n"
    assert all(TF_LOG_LINE.match(line) for line in TF_LINES)


def test_the_last_lines_before_exit_pass_the_filter():
    """A command that prints its error and exits at once (a3 build's "the reference fails
    ..."): before, the filter thread died with the process and the message was lost."""
    code = (
        "import sys\nfrom autograder.grade.reports.tf_logs import silence_tensorflow_logs\n"
        "silence_tensorflow_logs()\n"
        "print('a3 build: the reference fails q case c', file=sys.stderr)\nsys.exit(2)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, cwd=REPO_ROOT)
    assert done.returncode == 2
    assert done.stderr == b"a3 build: the reference fails q case c\n"


def test_the_exit_does_not_wait_for_a_child_holding_standard_error():
    """The pool worker's grading process, still running, inherits the filtered standard
    error: the worker's exit forwarded the last lines, then waited its 2 s for the end of a
    pipe that the child kept open (the a3 process's pool shutdown took 2.1 s). Here the
    drain may wait 120 s and a child holds the pipe for 300 s: the parent must still exit
    (within 60 s) as soon as its last words, a line without its newline, are through."""
    code = (
        "import subprocess, sys\nfrom autograder.grade.reports import tf_logs\n"
        "tf_logs._Filter.drain.__defaults__ = (120.0,)\n"
        "tf_logs.silence_tensorflow_logs()\n"
        "child = subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
        "print(child.pid, flush=True)\nsys.stderr.write('last words')\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO_ROOT)
    child = int(proc.stdout.readline())
    try:
        proc.wait(timeout=60)
        assert proc.stderr.read() == b"last words"
    finally:
        subprocess.run(["kill", "-9", str(child)])
        proc.kill()


def test_grading_a_tensorflow_part_prints_no_tensorflow_log_line(tmp_path):
    """Part 3's checks import TensorFlow in the grading process (the grader's own model):
    before, its oneDNN and absl lines were printed among a3's."""
    sub = tmp_path / "class" / "tina"
    shutil.copytree(
        REPO_ROOT / "student_template" / "cs231n", sub / "cs231n", ignore=shutil.ignore_patterns("__pycache__")
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "grade",
            str(sub),
            "--out",
            str(tmp_path / "out"),
            "--parts",
            "netvis",
            "--workers",
            "1",
            "--no-similarity",
        ],
        capture_output=True,
        timeout=600,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stderr.replace(b"\r", b"\n").splitlines()
    assert not [line for line in lines if TF_LOG_LINE.match(line) or b"oneDNN" in line], done.stderr[-3000:]
    assert b"to grade on a local pool of 1 worker process" in done.stderr
    assert b"class page:" in done.stdout
