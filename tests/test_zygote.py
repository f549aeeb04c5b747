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
from autograder.grade.running.sandbox import Isolation

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
    first = bounded_grade(
        subs[0], CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.BUBBLEWRAP, then=subs[1:]
    )
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


def test_a_question_after_its_zygote_died_between_questions_runs_in_a_fresh_one(tmp_path):
    """kill_grader's question kills its zygote and returns; its sandbox, and the child with it,
    end a moment later. If the child is gone before the next question is sent, the send
    breaks the pipe: that question must be run again in a fresh zygote, not lost ("the
    student process failed: Broken pipe", seen in a full run)."""
    import psutil

    from autograder.fixture_store import read_fixture
    from autograder.grade.running import zygote
    from autograder.grade.running.student_process import StudentProcess

    sub = make_submission(tmp_path / "s")
    inputs = {case: case_inputs for case, (case_inputs, _) in read_fixture("rnn_step_forward").items()}
    with StudentProcess(sub, tmp_path / "work", preload=(), isolation=Isolation.BUBBLEWRAP) as student:
        assert student.start() is None
        assert student.zygote is not None, f"this test needs a zygote, and none started: {zygote.problems()}"
        assert all(r.status == "ok" for r in student.run("rnn_step_forward", inputs, 60).values())
        sandbox = psutil.Process(student.zygote.proc.pid).children(recursive=True)
        zygote.kill_tree(student.zygote.proc)  # the whole sandbox, the child included
        assert not psutil.wait_procs(sandbox, timeout=30)[1]  # all gone: the next send breaks the pipe
        runs = student.run("rnn_step_forward", inputs, 60)
    assert all(r.status == "ok" for r in runs.values()), {c: r.message for c, r in runs.items()}


def test_a_local_pool_worker_starts_its_grading_process_and_zygotes_before_its_first_task(config):
    """``a3 grade`` opens its pool with ``warm``: each worker starts its grading process,
    and that its zygotes, before any task is submitted (their imports overlap the batch's
    start); the pool's close takes them all down."""
    import time

    import psutil

    from autograder.grade.bookkeeping.pool import LocalPool

    def zygotes() -> dict:
        """pid -> what it preloads, of the zygotes under this test process."""
        found = {}
        for proc in psutil.Process().children(recursive=True):
            try:
                argv = proc.cmdline()
                if argv[1:4] == ["-m", "autograder.student_process", "--zygote"] and proc.status() != "zombie":
                    found[proc.pid] = argv[argv.index("--preload") + 1]  # not bwrap's, not a child's
            except (psutil.Error, ValueError, IndexError):
                pass
        return found

    before = zygotes()  # this test process's own (other tests graded in it)
    pool = LocalPool(1, warm=(config, ["rnn", "netvis"]))
    try:
        deadline, new = time.monotonic() + 120, {}
        while time.monotonic() < deadline and len(new) < 2:
            time.sleep(0.5)
            new = {pid: preload for pid, preload in zygotes().items() if pid not in before}
        assert sorted(new.values()) == ["", "tensorflow"], new
    finally:
        pool.close(cancel=True)
    time.sleep(1)
    assert not set(zygotes()) & set(new), "the pool's close left its zygotes running"


def test_a_zygote_that_cannot_start_is_said_once_and_grading_goes_on(tmp_path, monkeypatch, capfd):
    """Issue 23: when no zygote can start, each submission gets a student process of its own
    (slower), and the grading process says so once on stderr, with why; the grades are the
    same."""
    from autograder.fixture_store import read_fixture
    from autograder.grade.running import zygote
    from autograder.grade.running.student_process import StudentProcess

    def broken(self, limits, preload):
        raise OSError("no room for its folder")

    zygote.close_all()  # no zygote cached by an earlier test of this process
    monkeypatch.setattr(zygote.Zygote, "__init__", broken)
    inputs = {case: case_inputs for case, (case_inputs, _) in read_fixture("rnn_step_forward").items()}
    for i in range(2):
        with StudentProcess(
            make_submission(tmp_path / f"s{i}"), tmp_path / f"w{i}", preload=(), isolation=Isolation.BUBBLEWRAP
        ) as st:
            assert all(r.status == "ok" for r in st.run("rnn_step_forward", inputs, 60).values())
            assert st.zygote is None
    said = [line for line in capfd.readouterr().err.splitlines() if "no zygote" in line]
    assert len(said) == 1 and "no room for its folder" in said[0], said


def test_clean_gives_the_sandbox_a_fresh_tmp():
    """Issue 23 (grade/running/counters.py): after ``clean``, the zygote is kept (the reset
    worked: a retired zygote would hide the counters from the attacks pid_counter and
    tmp_inode for the wrong reason) and a new file in its /tmp gets the same inode number as
    after the previous clean, however many files were made in between; the /tmp mount keeps
    its flags and options."""
    import psutil

    from autograder.config import Limits
    from autograder.grade.running import counters, zygote

    z = zygote.Zygote(Limits(), ())
    try:
        z.ready()
        init = psutil.Process(z.proc.pid).children()[0].pid  # the sandbox's first process
        mount = counters.tmp_mount(init)
        first_inodes = []
        for files in (3, 50):  # made by the grader (root): new names each round
            assert z.clean() == (True, None), zygote.problems()
            for i in range(files):
                with open(f"/proc/{init}/root/tmp/{files}-{i}", "x") as fh:
                    if i == 0:
                        first_inodes.append(os.fstat(fh.fileno()).st_ino)
        assert z.clean() == (True, None), zygote.problems()
        with open(f"/proc/{init}/root/tmp/last", "x") as fh:
            first_inodes.append(os.fstat(fh.fileno()).st_ino)
        assert len(set(first_inodes)) == 1, first_inodes
        assert counters.tmp_mount(init) == mount
    finally:
        z.close()


def test_a_mount_under_the_sandboxs_tmp_survives_the_fresh_tmp():
    """A checkout under /tmp (a fresh clone in /tmp, as CI may make) has its Python
    environment bound at its own path, under the sandbox's /tmp: the fresh /tmp of
    ``clean`` must carry that mount over, read-only as it was (the first version of
    counters.py dropped it, and every next child of the zygote died on its imports). Here a
    small read-only tmpfs is mounted at /tmp/checkout inside (as root, with nsenter)."""
    import subprocess

    import psutil

    from autograder.config import Limits
    from autograder.grade.running import counters, zygote

    z = zygote.Zygote(Limits(), ())
    try:
        z.ready()
        init = psutil.Process(z.proc.pid).children()[0].pid
        kept = counters.nested_mounts(init) + ["/tmp/checkout"]  # with the checkout's, if under /tmp
        script = (
            "mkdir -p /tmp/checkout && mount -t tmpfs -o size=64k none /tmp/checkout && "
            "echo kept > /tmp/checkout/marker && mount -o remount,ro /tmp/checkout"
        )
        subprocess.run(["nsenter", "-t", str(init), "-m", "--", "sh", "-c", script], check=True)
        assert counters.nested_mounts(init) == kept
        for _ in range(2):
            assert z.clean() == (True, None), zygote.problems()
            assert counters.nested_mounts(init) == kept
            with open(f"/proc/{init}/root/tmp/checkout/marker") as fh:
                assert fh.read() == "kept\n"
            with pytest.raises(OSError):
                open(f"/proc/{init}/root/tmp/checkout/new", "x").close()  # still read-only
    finally:
        z.close()


def test_a_zygote_whose_counters_cannot_be_reset_is_retired_and_said(monkeypatch):
    """A failed reset retires the zygote (``clean`` is not done) and counts as a failed start,
    whose reason the grading process says once."""
    from autograder.config import Limits
    from autograder.grade.running import counters, zygote

    monkeypatch.setattr(counters, "reset", lambda bwrap: "no ns_last_pid here")
    z = zygote.Zygote(Limits(), ())
    try:
        z.ready()
        assert z.clean() == (False, None)
        assert "no ns_last_pid here" in zygote.problems()["fell back"], zygote.problems()
    finally:
        z.close()
