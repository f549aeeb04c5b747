"""The pre-started student process (issue 12, grade/running/zygote.py): the submissions a
grading process grades are run by children of one zygote, each in a fresh interpreter, and
``A3_ZYGOTE=off`` starts a sandbox per submission as before. What a child may do to the next
submission is in the attack suite (tests/attacks/leftovers.py, parent_limits.py,
stop_parent.py: each grades a probe submission next)."""

from __future__ import annotations

import os
import re

import pytest
from conftest import make_submission
from test_attacks import CONFIG, bounded_grade, messages

from autograder.grade.running.sandbox import bubblewrap_problem

pytestmark = pytest.mark.skipif(bubblewrap_problem() is not None, reason="zygotes need bubblewrap")

# Reports who started it: the parent's pid, start time and command line, and whether a
# module a previous submission imported is already loaded (a fresh interpreter has none).
WHO = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, sys
    parent = os.getppid()
    with open(f"/proc/{parent}/stat") as fh:
        started = fh.read().rsplit(")", 1)[1].split()[19]
    with open(f"/proc/{parent}/cmdline", "rb") as fh:
        zygote = b"--zygote" in fh.read()
    seen = "cs231n_marker" in sys.modules
    sys.modules["cs231n_marker"] = sys
    raise RuntimeError(f"WHO parent={parent}:{started} zygote={zygote} seen={seen}")
'''


def _who(result) -> dict:
    text = messages(result, "rnn_step_forward")
    found = re.search(r"WHO parent=(\S+) zygote=(\w+) seen=(\w+)", text)
    assert found, text
    return {"parent": found[1], "zygote": found[2] == "True", "seen": found[3] == "True"}


def _grade_three(tmp_path):
    subs = [make_submission(tmp_path / f"s{i}", {"cs231n/rnn_layers.py::rnn_step_forward": WHO}) for i in range(3)]
    first = bounded_grade(subs[0], CONFIG, parts=["rnn"], only={"rnn_step_forward"}, sandbox=True, then=subs[1:])
    return [_who(r) for r in [first, *first.following]]


def test_one_zygote_forks_a_fresh_process_for_each_submission(tmp_path):
    who = _grade_three(tmp_path)
    assert all(w["zygote"] for w in who), who
    assert len({w["parent"] for w in who}) == 1, f"not one zygote for the grading process: {who}"
    assert not any(w["seen"] for w in who), f"a child saw what an earlier one imported: {who}"


def test_the_switch_starts_a_sandbox_per_submission(tmp_path, monkeypatch):
    monkeypatch.setenv("A3_ZYGOTE", "off")
    who = _grade_three(tmp_path)
    assert not any(w["zygote"] or w["seen"] for w in who), who


def test_folders_of_zygotes_whose_grading_process_died_are_swept(tmp_path):
    """A grading process killed with SIGKILL (a deadline, a test harness) never runs its
    atexit: the next zygote started on the machine removes its folder."""
    import subprocess
    import sys

    from autograder.grade.running.zygote import PREFIX, sweep_stale

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{PREFIX}{int(dead.stdout)}-abc"
    alive = tmp_path / f"{PREFIX}{os.getpid()}-abc"
    for folder in (stale, alive):
        (folder / "submissions").mkdir(parents=True)
    sweep_stale(tmp_path)
    assert not stale.exists() and alive.exists()


def test_a_local_pool_worker_starts_its_grading_process_and_zygotes_before_its_first_task(config):
    """``a3 grade`` opens its pool with ``warm``: each worker starts its grading process,
    and that its zygotes, before any task is submitted (their imports overlap the batch's
    start); the pool's close takes them all down."""
    import time

    import psutil

    from autograder.grade.bookkeeping.pool import LocalPool

    pool = LocalPool(1, warm=(config, ["rnn", "netvis"]))
    me = psutil.Process()
    try:
        deadline, zygotes = time.monotonic() + 120, []
        while time.monotonic() < deadline and len(zygotes) < 2:
            time.sleep(0.5)
            zygotes = []
            for proc in me.children(recursive=True):
                try:
                    argv = proc.cmdline()
                    if argv[1:4] == ["-m", "autograder.student_process", "--zygote"]:  # not bwrap's
                        zygotes.append(argv)
                except psutil.Error:
                    pass
        assert sorted(z[z.index("--preload") + 1] for z in zygotes) == ["", "tensorflow"], zygotes
    finally:
        pool.close(cancel=True)
    time.sleep(1)
    left = []
    for proc in me.children(recursive=True):
        try:
            if proc.status() != psutil.STATUS_ZOMBIE and (
                "--zygote" in proc.cmdline() or "_grading_process" in " ".join(proc.cmdline())
            ):
                left.append(proc.cmdline())
        except psutil.Error:
            pass
    assert not left
