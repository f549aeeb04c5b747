"""The sandbox's fallback and its parts: limits apply without bubblewrap, the missing
sandbox is reported once, and the process inside runs as its own user in its own root."""

from __future__ import annotations

import json
import os
import string
import warnings

import pytest

from autograder.config import REPO_ROOT, ConfigError, Limits, load_config, parse_size
from autograder.grade.running import fallback, sandbox
from autograder.grade.judging.grader import grade_submission
from autograder.grade.running.sandbox import Isolation
from conftest import make_submission
from test_attacks import attack_config, attack_submission

CONFIG = load_config()

PROBE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """Reports what it sees, in the message of the exception it raises."""
    import json, os
    facts = {
        "uid": os.getuid(),
        "repo_visible": os.path.exists("$REPO/autograder/hidden_tests"),
        "solutions_visible": os.path.exists("$REPO/solutions"),
        "submission_writable": os.access(os.path.dirname(os.path.dirname(__file__)), os.W_OK),
        "processes_seen": len([p for p in os.listdir("/proc") if p.isdigit()]),
    }
    raise RuntimeError("PROBE:" + json.dumps(facts))
'''


def probe(tmp_path, isolation):
    ctx = {"REPO": str(REPO_ROOT)}
    sub = make_submission(
        tmp_path / "probe", {"cs231n/rnn_layers.py::rnn_step_forward": string.Template(PROBE).substitute(ctx)}
    )
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=isolation)
    text = result.questions["rnn_step_forward"].cases[0].messages[0]
    return json.JSONDecoder().raw_decode(text.rsplit("RuntimeError: PROBE:", 1)[1])[0]  # the formatter appends the line


def test_inside_the_sandbox_the_process_sees_only_what_it_needs(tmp_path):
    facts = probe(tmp_path, Isolation.BUBBLEWRAP)
    assert not facts["repo_visible"] and not facts["solutions_visible"]
    assert not facts["submission_writable"]
    assert facts["processes_seen"] <= 3  # bwrap's init, the worker (and nothing else)
    import os

    if os.geteuid() == 0:
        assert sandbox.UID_BASE <= facts["uid"] < sandbox.UID_BASE + sandbox.UID_SLOTS


def test_without_the_sandbox_the_same_probe_sees_the_repository(tmp_path):
    """The probe can fail: without bubblewrap, the repository is visible."""
    facts = probe(tmp_path, Isolation.LIMITS_ONLY)
    assert facts["repo_visible"]


def test_limits_apply_without_bubblewrap(tmp_path):
    mod = __import__("attacks.memory_bomb", fromlist=["x"])
    sub = attack_submission("memory_bomb", tmp_path / "bomb", {"REPO": str(REPO_ROOT)})
    result = grade_submission(
        sub, attack_config(mod), parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.LIMITS_ONLY
    )
    assert "MemoryError" in result.questions["rnn_step_forward"].cases[0].messages[0]


def test_a_missing_bubblewrap_is_reported_once(monkeypatch, tmp_path):
    monkeypatch.setattr(sandbox, "bubblewrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    monkeypatch.setattr(sandbox, "_warned", False)
    monkeypatch.setattr(sandbox.os, "geteuid", lambda: 1000)  # root would take the uid fallback
    monkeypatch.setenv("A3_TRUSTED_SUBMISSIONS", "1")  # not root: only for trusted work
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(3):
            isolation = fallback.isolation_here()
            box = fallback.open_sandbox(isolation, Limits(), tmp_path, tmp_path / f"io{i}", tmp_path / f"lib{i}")
            assert box.isolation is not sandbox.Isolation.BUBBLEWRAP and box.describe() == "no sandbox (limits only)"
    msgs = [str(w.message) for w in caught if issubclass(w.category, sandbox.SandboxWarning)]
    assert len(msgs) == 1 and "WITHOUT a sandbox" in msgs[0] and "not installed" in msgs[0]


def test_sizes_in_the_config():
    assert parse_size("4 GiB") == 4 * 2**30 and parse_size("512MiB") == 512 * 2**20
    assert parse_size("100 MB") == 10**8 and parse_size(1024) == 1024
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_a_bad_limit_names_its_line(tmp_path):
    text = (REPO_ROOT / "grading_config.yml").read_text().replace("memory: 4 GiB", "memory: 4 gigs")
    path = tmp_path / "g.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"g.yml:\d+: defaults.limits.memory: '4 gigs' is not a size"):
        load_config(path)


def test_the_tamper_check_sees_replaced_functions_only(monkeypatch):
    import builtins

    import numpy as np

    from autograder.student_process.tamper import Snapshot

    snap = Snapshot()
    monkeypatch.setattr(np, "_private_helper_for_test", lambda: 0, raising=False)  # an addition
    monkeypatch.setattr(np, "__version__", "0")  # a plain value
    assert snap.replaced() == []
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(builtins, "__import__", builtins.__import__)  # same object
    monkeypatch.setattr(builtins, "abs", lambda v: 0)
    assert sorted(snap.replaced()) == ["builtins.abs", "numpy.allclose"]


def test_the_reference_is_never_restarted_for_tampering(tmp_path):
    """No false alarm: libraries that patch each other's private names at import (TensorFlow
    pulls in typing_extensions, which replaces typing._check_generic) cost no restart."""
    from autograder.fixture_store import read_fixture
    from autograder.grade.running.student_process import StudentProcess

    for part in CONFIG.parts:
        with StudentProcess(REPO_ROOT / "solutions", tmp_path / part, limits=CONFIG.parts[part].limits) as sp:
            for q in CONFIG.parts[part].questions.values():
                if q.id.endswith(("_training", "style_transfer")):
                    continue  # long trainings; they import nothing new
                fixture = read_fixture(q.id)
                sp.run(q.id, {c: fixture[c][0] for c in q.cases}, q.time_limit)
            assert sp.restarts == 0, (part, sp.log_tail())


# ---------------------------------------------------------------- the grader-owned exchange
def test_remove_tree_takes_a_deep_chain_links_and_unreadable_folders(tmp_path):
    """Issue 11, hole 7: 1500 nested folders made shutil.rmtree raise RecursionError."""
    from autograder.grade.running.exchange import remove_tree

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep").write_text("keep")
    top = tmp_path / "top"
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    for _ in range(1500):
        os.mkdir("d", dir_fd=fd)
        sub = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = sub
    os.symlink(outside, "link", dir_fd=fd)
    os.mkfifo("fifo", dir_fd=fd)
    os.close(fd)
    (top / "locked").mkdir()
    (top / "locked" / "f").write_text("x")
    os.chmod(top / "locked", 0)
    assert remove_tree(top) is None
    assert not top.exists() and (outside / "keep").read_text() == "keep"
    assert remove_tree(top) is None  # gone already: nothing to say
    (tmp_path / "a-file").write_text("x")
    assert remove_tree(tmp_path / "a-file") is None and not (tmp_path / "a-file").exists()


def test_remove_tree_never_raises(monkeypatch, tmp_path):
    from autograder.grade.running import exchange

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "f").write_text("x")
    monkeypatch.setattr(exchange.os, "unlink", lambda *a, **k: (_ for _ in ()).throw(OSError("EIO")))
    problem = exchange.remove_tree(tmp_path / "t")
    assert problem and "EIO" in problem


def test_read_regular_follows_nothing_and_waits_for_nothing(tmp_path):
    """Issue 11, holes 1-3: a link to /dev/zero or to a host file, a FIFO, a large file."""
    from autograder.grade.running.exchange import UnsafeFile, read_regular

    (tmp_path / "ok.bin").write_bytes(b"abc")
    (tmp_path / "big.bin").write_bytes(b"x" * 101)
    (tmp_path / "secret").write_bytes(b"TOPSECRET")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "host").symlink_to(tmp_path / "secret")
    os.mkfifo(tmp_path / "fifo")
    assert read_regular(tmp_path, "ok.bin", 100) == b"abc"
    for name in ("zero", "host", "fifo", "big.bin"):
        with pytest.raises(UnsafeFile) as info:
            read_regular(tmp_path, name, 100)
        assert "TOPSECRET" not in str(info.value) and "dev" not in str(info.value)
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path, "missing", 100)


def test_outputs_on_the_pipe_are_bounded_before_they_are_read():
    """Issue 11, hole 9: the layout is checked (count, names, sizes) before any byte is read,
    and each image must be a plain numeric .npy whose header accounts for its bytes."""
    import numpy as np

    from autograder.student_process.protocol import (
        MAX_ARRAYS,
        ProtocolError,
        check_layout,
        decode_arrays,
        encode_arrays,
    )

    arrays = {"a": np.arange(6.0).reshape(2, 3), "b": np.asfortranarray(np.ones((3, 2), np.int32)), "c": np.float32(2)}
    layout, data = encode_arrays(arrays)
    assert check_layout(layout) == len(data)
    out = decode_arrays(layout, bytearray(data))
    assert all(np.array_equal(out[k], v) and out[k].dtype == np.asarray(v).dtype for k, v in arrays.items())
    for bad in (
        [["a", 1]] * 2,
        [[f"x{i}", 0] for i in range(MAX_ARRAYS + 1)],
        [["a", 2**40]],
        [["a", -1]],
        [["", 1]],
        "not a list",
        [["a", 1.5]],
    ):
        with pytest.raises(ProtocolError):
            check_layout(bad)
    with pytest.raises(ProtocolError, match="bytes of data"):
        decode_arrays([["a", len(data) - 1]], bytearray(data[:-1]))
    obj = np.lib.format.header_data_from_array_1_0(np.array([1.0]))
    obj["descr"] = "|O"
    import io

    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, obj)
    with pytest.raises(ProtocolError, match="not numeric"):
        decode_arrays([["o", len(buf.getvalue()) + 8]], bytearray(buf.getvalue() + b"\0" * 8))
    with pytest.raises(ProtocolError):
        encode_arrays({"o": np.array([object()])})


def test_the_seccomp_filter_refuses_what_it_lists():
    """Issue 11, hole 5 and 10: keyrings and new namespaces refused in a filtered process."""
    import shutil
    import subprocess
    import sys

    from autograder.grade.running.syscall_filter import filter_fd

    if shutil.which("bwrap") is None:
        pytest.skip("bubblewrap is not installed")
    probe = (
        "import ctypes, os\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "print(libc.syscall(248, b'user', b'k', b'v', 1, -4), ctypes.get_errno())\n"
        "print(libc.unshare(0x10000000), ctypes.get_errno())\n"
        "import threading; t = threading.Thread(target=lambda: None); t.start(); t.join()\n"
        "pid = os.fork()\n"
        "os._exit(0) if pid == 0 else print('fork', os.waitpid(pid, 0)[1])\n"
    )
    fd = filter_fd()
    try:
        done = subprocess.run(
            [
                "bwrap",
                "--unshare-pid",
                "--ro-bind",
                "/",
                "/",
                "--dev",
                "/dev",
                "--seccomp",
                str(fd),
                "--",
                sys.executable,
                "-c",
                probe,
            ],
            pass_fds=(fd,),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(fd)
    assert done.stdout.split("\n")[:3] == ["-1 1", "-1 1", "fork 0"], done.stdout + done.stderr


# ---------------------------------------------------------------- the grading process
def test_a_grading_process_past_its_deadline_or_dead_costs_only_its_submission(tmp_path):
    """Issue 11: a submission whose grading passes its deadline, or whose grading process
    dies, gets a zero result saying so; the next submission is graded as usual by a new
    grading process, and no temporary folder of the grader's is left."""
    import tempfile
    import threading
    import time

    from autograder.grade.results import result_from_dict
    from autograder.grade.bookkeeping.task import Supervisor

    hang = attack_submission("while_true", tmp_path / "hang", {"REPO": str(REPO_ROOT)})
    honest = make_submission(tmp_path / "honest")
    before = set(os.listdir(tempfile.gettempdir()))
    boss = Supervisor()
    only_first = one_question(CONFIG, "rnn_step_forward")
    try:
        late = result_from_dict(boss.grade(str(hang), only_first, ["rnn"], str(REPO_ROOT / "autograder/fixtures"), 20))
        assert late.error.startswith("timed out: grading this submission took more than 20 s"), late.error
        assert late.total == 0 and late.questions["rnn_step_forward"].cases[0].messages == [late.error]

        def kill_soon():
            time.sleep(8)
            os.kill(boss.proc.pid, 9)

        threading.Thread(target=kill_soon, daemon=True).start()
        dead = result_from_dict(boss.grade(str(hang), only_first, ["rnn"], str(REPO_ROOT / "autograder/fixtures"), 200))
        assert dead.error == "grader error: the grading process died (signal SIGKILL: out of memory?)", dead.error

        ok = result_from_dict(boss.grade(str(honest), only_first, ["rnn"], str(REPO_ROOT / "autograder/fixtures"), 200))
        assert ok.error == "" and ok.total == CONFIG.questions["rnn_step_forward"].points
    finally:
        boss.stop()
    left = {
        n
        for n in set(os.listdir(tempfile.gettempdir())) - before
        if n.startswith(("a3-grading-", "a3-hang-", "a3-honest-"))
    }
    assert not left, left


def one_question(config, qid):
    """``config`` with one question left in the part of ``qid``."""
    import dataclasses

    part = config.parts[config.questions[qid].part]
    part = dataclasses.replace(part, questions={qid: part.questions[qid]})
    return dataclasses.replace(config, parts={**config.parts, part.id: part})


@pytest.mark.skipif(os.geteuid() != 0, reason="sandbox uids are taken only by a grader running as root")
def test_graders_with_different_tmpdirs_never_share_a_sandbox_uid(tmp_path, monkeypatch):
    """Issue 23: the uids are locked in one registry per machine, not under ``$TMPDIR``: a
    grader whose TMPDIR differs from another's (which holds its uid, running nothing yet)
    never gets the same uid."""
    import subprocess
    import sys
    import tempfile
    import threading

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    holder = "from autograder.grade.running.sandbox import sandbox_uid; import sys\n"
    holder += "print(sandbox_uid(), flush=True); sys.stdin.read()"
    other = subprocess.Popen(
        [sys.executable, "-c", holder],
        env={**os.environ, "TMPDIR": str(tmp_path / "a")},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        held = int(other.stdout.readline())
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "b"))
        mine = []
        thread = threading.Thread(target=lambda: mine.append(sandbox.sandbox_uid()))  # a thread: a fresh claim
        thread.start()
        thread.join()
        assert mine and mine[0] != held, f"both graders got uid {held}"
    finally:
        other.communicate("")
        with sandbox._uid_mutex:
            claimed = sandbox._uid_locks.pop(thread.ident, None)
        for fh in claimed[1] if claimed else ():
            fh.close()


def test_the_view_of_a_killed_grading_process_is_swept_and_a_live_ones_kept(tmp_path):
    """Issue 23: a sandbox's view (/tmp/sandbox-<random>, what the student process sees)
    whose grading process was killed (at its deadline: no clean-up ran) is removed by the
    next sweep; the views of live processes are not."""
    import subprocess
    import sys
    from pathlib import Path

    code = "import os\nfrom autograder.grade.running.sandbox import view_folder\n"
    code += "print(view_folder(), flush=True)\nos._exit(0)"
    out = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(tmp_path)}, capture_output=True, text=True
    )
    left = Path(out.stdout.strip())
    assert left.is_dir() and sandbox.is_view(left), out
    mine = sandbox.view_folder()
    try:
        sandbox.sweep_views()
        suffix = left.name[len(sandbox.VIEW_PREFIX) :]
        assert not left.exists() and not list(left.parent.glob(f"{sandbox.VIEW_MARK}*-{suffix}"))
        assert mine.is_dir()
    finally:
        sandbox.remove_view(mine)
    assert not mine.exists()
