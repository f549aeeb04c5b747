"""The attack suite (tests/attacks/): each attack scores 0 on the question it attacks, with a
message that says why, and the honest score on the questions graded after it in the same
student process; nothing it does reaches the grader, the gradebook or the host.

The suite requires the sandbox (bubblewrap): `.ci/run` installs it. A few tests show that
the defences are what stops an attack (without the sandbox, reading the fixtures wins).

Each attack is graded in a child process with an address-space limit and a deadline
(``bounded_grade``), so a defence that fails shows up as a failed test, never as a grader
that eats the machine or hangs the suite.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing
import os
import pkgutil
import re
import socket
import shutil
import stat
import string
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import psutil
import pytest

import attacks
from autograder.config import REPO_ROOT, load_config
from autograder.grade.judging.grader import grade_submission
from autograder.grade.running.sandbox import UID_BASE, UID_SLOTS, bubblewrap_problem
from autograder.grade.running.sandbox import Isolation
from conftest import make_submission

CONFIG = load_config()
ATTACKS = sorted(m.name for m in pkgutil.iter_modules(attacks.__path__))
HONEST = ("word_embedding_forward", "word_embedding_backward")  # graded after the attack
DEFAULT_TARGET = "cs231n/rnn_layers.py::rnn_step_forward"
GRADER_MEMORY = 4 * 2**30  # address space of the grading process of an attack test
GRADER_TIMEOUT = 400  # seconds for grading the attack and the honest questions


def attack_config(mod):
    """The configuration with the attack's own limits and time limit."""
    config = CONFIG
    if getattr(mod, "TIME_LIMIT", None):
        config = config.with_time_limit(mod.TIME_LIMIT)
    if getattr(mod, "LIMITS", None):
        part = config.parts["rnn"]
        part = dataclasses.replace(part, limits=dataclasses.replace(part.limits, **mod.LIMITS))
        config = dataclasses.replace(config, parts={**config.parts, "rnn": part})
    return config


class Listener:
    """A TCP listener on 127.0.0.1 (never any other address) that records connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


def make_secret(folder: Path) -> Path:
    """A root-only host folder (mode 0700) holding a zip whose member starts with TOPSECRET."""
    folder.mkdir(mode=0o700)
    with zipfile.ZipFile(folder / "secret.zip", "w") as zf:
        zf.writestr("TOPSECRET.txt", "TOPSECRET: the grader's private data\n")
    os.chmod(folder / "secret.zip", 0o600)
    return folder


def tree_state(folder: Path) -> dict:
    """{relative path: (mode, uid, size)} of everything under ``folder``, itself included."""
    out = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        out[str(path.relative_to(folder))] = (stat.filemode(info.st_mode), info.st_uid, info.st_size)
    return out


@pytest.fixture
def place(tmp_path):
    """Where an attack may aim: a previous run's gradebook, a marker, a listener, a root-only
    folder."""
    out = tmp_path / "previous-run"
    out.mkdir()
    (out / "grades.csv").write_text("submission,total\nhonest,55\n")
    listener = Listener()
    ctx = {
        "REPO": str(REPO_ROOT),
        "OUT": str(out),
        "MARKER": str(tmp_path / "marker"),
        "PORT": str(listener.port),
        "SECRET": str(make_secret(tmp_path / "secret")),
    }
    yield ctx
    listener.close()
    ctx["connections"] = listener.connections


def attack_submission(name, folder, ctx) -> Path:
    mod = importlib.import_module(f"attacks.{name}")
    source = string.Template(mod.SOURCE).substitute(ctx)
    files = {rel: "PAYLOAD" for rel in getattr(mod, "PAYLOAD_FILES", [])}
    sub = make_submission(folder, {getattr(mod, "TARGET", DEFAULT_TARGET): source}, files)
    for rel in getattr(mod, "PAYLOAD_FILES", []):  # real pickles that would make the marker
        (sub / rel).write_bytes(_pickle_payload(ctx["MARKER"]))
    for rel, attr in getattr(mod, "HELPERS", {}).items():  # C programs the attack runs, built here
        if shutil.which("gcc") is None:
            pytest.skip("gcc is needed to build the attack's helper")
        source = sub / (rel + ".c")
        source.write_text(getattr(mod, attr))
        subprocess.run(["gcc", "-O2", "-o", str(sub / rel), str(source)], check=True)
    return sub


def _grade_child(conn, args, kwargs):
    import resource

    from autograder.grade.running import sandbox

    resource.setrlimit(resource.RLIMIT_AS, (GRADER_MEMORY, GRADER_MEMORY))
    following = kwargs.pop("then", ())
    try:
        result = grade_submission(*args, **kwargs)
        result.following = [grade_submission(path, *args[1:], **kwargs) for path in following]
        result.sandbox_uids = [uid for uid, _ in sandbox._uid_locks.values()]
        conn.send(("ok", result))
    except BaseException as exc:
        conn.send(("raised", f"{type(exc).__name__}: {exc}"))


def bounded_grade(*args, timeout: float = GRADER_TIMEOUT, **kwargs):
    """grade_submission(*args, **kwargs) in a child process with at most GRADER_MEMORY bytes
    of address space and ``timeout`` seconds; fails the test if it raises, dies or is late,
    and kills every process under it in any case. ``then=[paths]``: the same child grades
    these submissions next, the same way (their results in ``result.following``)."""
    ctx = multiprocessing.get_context("spawn")
    conn, child = ctx.Pipe()
    proc = ctx.Process(target=_grade_child, args=(child, args, kwargs))
    proc.start()
    child.close()
    try:
        if not conn.poll(timeout):
            pytest.fail(f"grading did not finish within {timeout} s")
        status, value = conn.recv()
    except EOFError:
        proc.join(5)
        pytest.fail(f"the grading process died (exit code {proc.exitcode})")
    finally:
        try:
            tree = psutil.Process(proc.pid).children(recursive=True)
        except psutil.Error:
            tree = []
        for p in [proc, *tree]:
            try:
                os.kill(p.pid, 9)
            except OSError:
                pass
        proc.join(10)
    if status != "ok":
        pytest.fail(f"grading raised {value}")
    return value


def _pickle_payload(marker: str) -> bytes:
    """Pickle bytes that, if ever unpickled, create ``marker`` (built without pickling an
    object of ours: GLOBAL builtins.open, then call it)."""
    return b"cbuiltins\nopen\n(" + b"V" + marker.encode() + b"\nVw\ntR."


def sandbox_processes(wait: float = 5.0, uids=None, before: float | None = None) -> list:
    """Live processes of a sandbox user (after up to ``wait`` s for killed ones to be reaped);
    with ``uids`` and ``before`` (a time.time()), only those of these uids started before then
    (other graders on the machine may be using other sandbox uids, or these ones since)."""
    deadline = time.monotonic() + wait
    wanted = set(uids) if uids is not None else set(range(UID_BASE, UID_BASE + UID_SLOTS))
    while True:
        out = []
        for p in psutil.process_iter(["uids", "status", "create_time"]):
            uids_ = p.info["uids"]
            if (
                uids_
                and uids_.real in wanted
                and p.info["status"] != psutil.STATUS_ZOMBIE
                and (before is None or (p.info["create_time"] or 0) < before)
            ):
                out.append(p)
        if not out or time.monotonic() > deadline:
            return out
        time.sleep(0.2)


def messages(result, qid) -> str:
    return "\n".join(m for c in result.questions[qid].cases for m in c.messages)


def test_the_sandbox_is_available():
    """CI installs bubblewrap; without it the rest of this file proves nothing."""
    assert bubblewrap_problem() is None, bubblewrap_problem()


@pytest.mark.parametrize("name", ATTACKS)
def test_attack_scores_zero_and_costs_nothing_else(name, place, tmp_path):
    mod = importlib.import_module(f"attacks.{name}")
    sub = attack_submission(name, tmp_path / name, place)
    secret = tree_state(Path(place["SECRET"]))
    scratch = tmp_path / "grader-tmp"
    scratch.mkdir()
    following = []
    if hasattr(mod, "NEXT_SOURCE"):
        source = string.Template(mod.NEXT_SOURCE).substitute(place)
        following = [make_submission(tmp_path / "next", {getattr(mod, "TARGET", DEFAULT_TARGET): source})]
    result = bounded_grade(
        sub,
        attack_config(mod),
        parts=["rnn"],
        only={mod.QUESTION, *HONEST},
        isolation=Isolation.BUBBLEWRAP,
        workdir=scratch,
        then=following,
    )
    for after in result.following:
        question = after.questions[mod.QUESTION]
        assert question.score == CONFIG.questions[mod.QUESTION].points, (
            f"{name} cost the next submission {mod.QUESTION}: {messages(after, mod.QUESTION)}"
        )
    text = messages(result, mod.QUESTION)
    assert result.questions[mod.QUESTION].score == 0, f"{name} scored: {text}"
    assert re.search(mod.MESSAGE, text), f"{name}: the report says {text!r}"
    forbidden = getattr(mod, "FORBIDDEN", None)
    assert not (forbidden and re.search(forbidden, text)), f"{name}: the report tells {text!r}"
    assert result.seconds < getattr(mod, "MAX_SECONDS", GRADER_TIMEOUT), f"{name} took {result.seconds:.0f} s"
    assert tree_state(Path(place["SECRET"])) == secret, f"{name} changed {place['SECRET']}"
    assert list(scratch.iterdir()) == [], f"{name} left {list(scratch.iterdir())}"
    ended = time.time()
    for qid in HONEST:
        assert result.questions[qid].score == CONFIG.questions[qid].points, (
            f"{name} cost {qid}: {messages(result, qid)}"
        )
    if name == "background_writer":
        time.sleep(6)  # past the moment the daemon would write
    assert not Path(place["MARKER"]).exists(), f"{name} wrote {place['MARKER']}"
    assert (Path(place["OUT"]) / "grades.csv").read_text() == "submission,total\nhonest,55\n"
    assert not (Path(place["OUT"]) / "attacker").exists()
    left = sandbox_processes(uids=result.sandbox_uids, before=ended)
    assert not left, f"{name} left processes behind: {left}"


def test_network_attack_reaches_the_listener_without_the_sandbox(tmp_path):
    """The network test can fail: the same code connects when not sandboxed."""
    listener = Listener()
    try:
        ctx = {"REPO": str(REPO_ROOT), "OUT": str(tmp_path), "MARKER": str(tmp_path / "m"), "PORT": str(listener.port)}
        sub = attack_submission("network", tmp_path / "sub", ctx)
        before = listener.connections
        grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.LIMITS_ONLY)
        time.sleep(0.5)
        assert listener.connections > before
    finally:
        listener.close()


def test_sandboxed_network_attack_makes_no_connection(tmp_path):
    listener = Listener()
    try:
        ctx = {"REPO": str(REPO_ROOT), "OUT": str(tmp_path), "MARKER": str(tmp_path / "m"), "PORT": str(listener.port)}
        sub = attack_submission("network", tmp_path / "sub", ctx)
        grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.BUBBLEWRAP)
        time.sleep(0.5)
        assert listener.connections == 0
    finally:
        listener.close()


def test_read_hidden_wins_without_the_sandbox(tmp_path):
    """The read attack is real: without the sandbox it finds the fixture and scores."""
    ctx = {"REPO": str(REPO_ROOT), "OUT": str(tmp_path), "MARKER": str(tmp_path / "m"), "PORT": "9"}
    sub = attack_submission("read_hidden", tmp_path / "sub", ctx)
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.LIMITS_ONLY)
    assert result.questions["rnn_step_forward"].passed


def test_background_writer_survives_without_the_sandbox(tmp_path):
    """The daemon attack is real: without the PID namespace its daemon outlives grading."""
    ctx = {"REPO": str(REPO_ROOT), "OUT": str(tmp_path), "MARKER": str(tmp_path / "marker"), "PORT": "9"}
    sub = attack_submission("background_writer", tmp_path / "sub", ctx)
    grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.LIMITS_ONLY)
    time.sleep(6)
    try:
        assert (tmp_path / "marker").exists()
    finally:
        for p in psutil.process_iter(["cmdline"]):
            if (
                p.info["cmdline"]
                and "autograder.student_process" in " ".join(p.info["cmdline"])
                and str(sub) in " ".join(p.info["cmdline"])
            ):
                p.kill()


class TreeMemory:
    """Samples the resident memory of a process and all its descendants every 0.2 s; ``peak``
    is the largest sum seen, in bytes."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop:
            try:
                root = psutil.Process(self.pid)
                total = 0
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(0.2)

    def stop(self):
        self._stop = True
        self.thread.join(2)


# 2 workers x (a student process: 4 GiB of address space + 256 MiB of /tmp; a grading process
# of Part 1, without TensorFlow: under 1 GiB) + the batch process and the pool: under 12 GiB
# (measured: 7.9 GiB with a memory bomb in each worker). By construction, whatever the part,
# at most workers x (8 GiB grading process + 4 GiB + 256 MiB) of address space.
BATCH_MEMORY = 12 * 2**30


def test_a_batch_of_all_attacks_completes_and_the_honest_grades_are_untouched(tmp_path, place):
    """Issue 11's batch: `a3 grade --workers 2` on a class folder holding every attack and two
    honest submissions: it finishes, writes every row, gives the honest ones full marks, leaves
    no process of a sandbox uid, no temporary folder, no changed file outside --out, and the
    grader's processes together stay under BATCH_MEMORY of resident memory."""
    folder = tmp_path / "class"
    folder.mkdir()
    make_submission(folder / "honest")
    make_submission(folder / "honest2")
    for name in ATTACKS:
        attack_submission(name, folder / name, place)
    watched = [folder, Path(place["OUT"]), Path(place["SECRET"])]
    before = [tree_state(w) for w in watched]
    grader_tmp = tmp_path / "grader-tmp"
    grader_tmp.mkdir()
    out = tmp_path / "out"
    started = time.time()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "grade",
            str(folder),
            "--out",
            str(out),
            "--parts",
            "rnn",
            "--quiet",
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "TMPDIR": str(grader_tmp)},
    )
    memory = TreeMemory(proc.pid)
    try:
        _, stderr = proc.communicate(timeout=3000)
    finally:
        memory.stop()
        proc.kill()
    assert proc.returncode == 0, stderr[-3000:]
    lines = (out / "grades.csv").read_text().splitlines()
    header = lines[0].split(",")
    rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
    assert set(rows) == {"honest", "honest2", *ATTACKS}
    for name in ("honest", "honest2"):
        assert float(rows[name][header.index("part:rnn")]) == CONFIG.parts["rnn"].points, rows[name]
    for name in ATTACKS:
        qid = importlib.import_module(f"attacks.{name}").QUESTION
        assert float(rows[name][header.index(qid)]) == 0, name
    time.sleep(5)
    assert not Path(place["MARKER"]).exists()
    assert [tree_state(w) for w in watched] == before, "a file outside --out changed"
    left = [p for p in sandbox_processes(before=time.time()) if p.create_time() > started and p.ppid() == 1]
    assert not left, f"orphaned sandbox processes: {left}"
    assert list(grader_tmp.iterdir()) == [], list(grader_tmp.iterdir())
    assert memory.peak < BATCH_MEMORY, f"the grader's processes used {memory.peak / 2**30:.1f} GiB"
    print(
        f"batch of {len(rows)}: {time.time() - started:.0f} s, peak resident memory of the grader's "
        f"processes {memory.peak / 2**30:.2f} GiB"
    )


# ---------------------------------------------------------------- hostile submission files
def _zip(path: Path, entries: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _package_entries() -> dict:
    sol = REPO_ROOT / "solutions"
    return {str(p.relative_to(sol)): p.read_bytes() for p in (sol / "cs231n").rglob("*.py")}


def zip_bomb(tmp_path):
    """1 GiB of zeros compressed to about 1 MiB."""
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("cs231n/__init__.py", "")
        with zf.open("cs231n/zeros.bin", "w", force_zip64=True) as fh:
            block = b"\0" * 2**24
            for _ in range(64):
                fh.write(block)
    return path, r"unpacks to"


def thousands_of_files(tmp_path):
    entries = _package_entries()
    entries.update({f"cs231n/junk/{i}.py": "" for i in range(5000)})
    return _zip(tmp_path / "many.zip", entries), r"more than (the )?2000"


def dotdot_name(tmp_path):
    entries = _package_entries()
    entries["../../escaped.py"] = "print('out')"
    return _zip(tmp_path / "dotdot.zip", entries), r"refusing the entry"


def symlink_out(tmp_path):
    sub = make_submission(tmp_path / "linked")
    (sub / "cs231n" / "secrets.py").symlink_to(REPO_ROOT / "solutions" / "cs231n" / "rnn_layers.py")
    return sub, r"symbolic link"


@pytest.mark.parametrize("build", [zip_bomb, thousands_of_files, dotdot_name, symlink_out])
def test_hostile_submission_files_are_refused_with_a_message(build, tmp_path):
    path, message = build(tmp_path)
    result = grade_submission(path, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.BUBBLEWRAP)
    assert result.total == 0
    assert re.search(message, result.error), result.error
    assert not (tmp_path.parent / "escaped.py").exists()


def test_a_notebook_that_is_not_json_costs_nothing(tmp_path):
    """Notebooks are not executed for grading: a broken one does not matter to the package."""
    sub = make_submission(tmp_path / "sub", files={"RNN_Captioning.ipynb": "{not json"})
    result = grade_submission(
        sub, CONFIG, parts=["rnn"], only={"rnn_step_forward", *HONEST}, isolation=Isolation.BUBBLEWRAP
    )
    assert all(q.passed for q in result.questions.values())
