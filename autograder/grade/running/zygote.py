"""The grader's handle on a pre-started student process (a "zygote", issue 12).

Importing TensorFlow costs each student process 3 to 7 s of CPU, more than grading most of a
submission. With bubblewrap, a grading process therefore starts one sandboxed zygote per set
of limits (``python -m autograder.student_process --zygote``, autograder/student_process/
zygote.py) that imports the libraries once, and asks it to fork one child per submission.
The child is the student process of that submission (StudentProcess talks to it exactly as
to one it started itself), with the same sandbox, limits and fresh interpreter state.

Between two submissions nothing of the first reaches the second: before a submission's
files are staged (copied under ``submissions/``, which the sandbox sees read-only at
``/submission``), ``clean`` has the zygote kill every other process of the sandbox and
empty its ``/tmp`` and ``/dev/shm``, and the previous submission's staged copy and inputs
are removed by the grader (every kind of state that outlives a process, and how each is
closed, is listed in grade/running/sandbox.py). A zygote that does not answer in time (killed or stopped by a
child) is thrown away and a fresh one started; after ``MAX_FAILURES`` failed starts in a
grading process, or with ``A3_ZYGOTE=off``, student processes start one per submission as
before; the first time a zygote fails, the grading process says so on stderr, with why
(``fell_back``). Without bubblewrap there is no zygote (the uid fallback and the limits-only mode
start a process per submission).
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

import psutil

from autograder.config import Limits
from autograder.grade.running import counters
from autograder.grade.running.exchange import remove_tree
from autograder.grade.running.launch import kill_tree, student_process_env
from autograder.grade.running.sandbox import Bubblewrap, bubblewrap_problem, make_readable, remove_view, view_folder
from autograder.student_process.control import Clean, Cleaned, Fork, Forked, Hello

STARTUP_TIMEOUT = 90.0  # importing TensorFlow on a loaded machine
ORDER_TIMEOUT = 15.0
MAX_FAILURES = 3
SWITCH = "A3_ZYGOTE"
PREFIX = "a3-zygote-"  # + the grading process's pid + "-": see sweep_stale


def enabled() -> bool:
    """Whether zygotes may be used: bubblewrap is usable and ``A3_ZYGOTE`` is not ``off``."""
    return os.environ.get(SWITCH, "").lower() not in ("off", "0", "no") and bubblewrap_problem() is None


class Zygote:
    """One sandboxed zygote with its private folder (``root``: ``submissions/``, ``in/``,
    ``lib/`` and ``zygote.log``), for student processes with ``limits``, preloading
    ``preload`` (e.g. ``("tensorflow",)``)."""

    def __init__(self, limits: Limits, preload: tuple):
        self.limits, self.preload = limits, preload
        sweep_stale()
        self.root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self.view = view_folder()  # what the sandbox binds, named neutrally (issue 23)
        self.stage = self.view / "submissions"
        self.inputs = self.view / "in"
        for d in (self.stage, self.inputs):
            d.mkdir(mode=0o755)
        self.sandbox = Bubblewrap(limits, self.stage, self.inputs, self.view / "lib")
        self.sandbox.prepare()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.control = ours
        argv = [sys.executable, "-m", "autograder.student_process", "--zygote"]
        argv += ["--fd-control", str(theirs.fileno()), "--preload", ",".join(preload)]
        try:
            with open(self.root / "zygote.log", "ab") as log:
                self.proc = self.sandbox.start(argv, student_process_env(), log, (theirs.fileno(),), self.root)
        finally:
            theirs.close()
        self._ready = False  # its first answer (it imports for seconds) is awaited by ready()

    def ready(self) -> None:
        """Wait for the zygote's first answer (it has imported ``preload``), once; raises
        RuntimeError (the zygote closed) if it is not a single-threaded zygote's."""
        if self._ready:
            return
        hello = Hello.from_wire(self._answer(STARTUP_TIMEOUT))
        if hello is None or hello.threads != 1:
            tail = self.log_tail()
            self.close()
            why = "it did not answer" if not hello else f"it did not start single-threaded: {hello}"
            raise RuntimeError(why + (f"; its log ends: {tail}" if tail else ""))
        self._ready = True

    def log_tail(self, size: int = 400) -> str:
        """The last ``size`` bytes of the zygote's log (what it printed: an import error)."""
        try:
            with open(self.root / "zygote.log", "rb") as fh:
                fh.seek(max(0, fh.seek(0, os.SEEK_END) - size))
                return fh.read().decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def _answer(self, timeout: float) -> dict | None:
        """The zygote's next answer, or None if none came within ``timeout`` seconds."""
        self.control.settimeout(timeout)
        try:
            data = self.control.recv(65536)
            return json.loads(data) if data else None
        except (OSError, ValueError):
            return None

    def ask(self, order: Fork | Clean, fds: tuple = (), timeout: float = ORDER_TIMEOUT) -> dict | None:
        """Send ``order`` (with descriptors ``fds``) and return the answer (a JSON object, not
        yet read as its type), None if none came."""
        try:
            socket.send_fds(self.control, [json.dumps(order.to_wire()).encode()], list(fds))
        except OSError:
            return None
        return self._answer(timeout)

    def stage_submission(self, submission: Path) -> tuple:
        """Copy the grader's copy of a submission under ``submissions/``: (folder on the
        host, path inside the sandbox)."""
        token = secrets.token_hex(8)
        host = self.stage / token
        try:
            shutil.copytree(submission, host, copy_function=os.link)
        except OSError:
            remove_tree(host)
            shutil.copytree(submission, host)
        make_readable(host)
        return host, f"{self.sandbox.where()['submission']}/{token}"

    def inputs_folder(self) -> tuple:
        """A fresh folder for a submission's question inputs: (on the host, inside)."""
        token = secrets.token_hex(8)
        host = self.inputs / token
        host.mkdir(mode=0o755)
        return host, f"{self.sandbox.where()['inputs']}/{token}"

    def fork(self, submission_inside: str, seed: int, requests: int, replies: int, log: int) -> bool:
        """Start the child of one submission on the given descriptors; False on failure."""
        answer = self.ask(Fork(submission_inside, int(seed)), (requests, replies, log))
        return Forked.from_wire(answer) is not None

    def clean(self, wait: float = 0.0) -> tuple:
        """Kill every process of the sandbox but the zygote and empty its writable folders,
        then reset the counters its children share (grade/running/counters.py): (done, exit
        code of the last child or None); not done: retire the zygote (a failed reset also
        counts as a failed start of this thread's, said once). ``wait``: seconds to let the
        child end on its own first (to learn how it died)."""
        answer = Cleaned.from_wire(self.ask(Clean(wait), timeout=ORDER_TIMEOUT + wait))
        if answer is None or not answer.clean:
            return False, None
        if answer.cpu > self.limits.cpu_time / 2:
            return False, answer.status  # retire it before its own CPU limit
        why = counters.reset(self.proc.pid)  # else the next child reads them: retire it, and say why
        if why is not None:
            _failed((threading.get_ident(),), f"a zygote's counters could not be reset: {why}")
            return False, answer.status
        return True, answer.status

    def close(self) -> None:
        """Kill the sandbox and remove the private folder."""
        try:
            self.control.close()
        except OSError:
            pass
        if getattr(self, "proc", None) is not None:
            kill_tree(self.proc)
        remove_view(self.view)
        remove_tree(self.root)


def sweep_stale(folder: Path | None = None) -> None:
    """Remove the private folders of zygotes whose grading process is gone (killed with
    SIGKILL, its atexit never ran; its sandbox died with it): ``<tmp>/a3-zygote-<pid>-*``
    (their views: sandbox.sweep_views)."""
    folder = Path(folder or tempfile.gettempdir())
    for path in folder.glob(f"{PREFIX}*"):
        pid = path.name[len(PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not psutil.pid_exists(int(pid)) and path.is_dir() and not path.is_symlink():
            remove_tree(path)


_zygotes: dict = {}  # (thread id, limits, preload) -> Zygote
_failures: dict = {}  # thread id -> failed starts
_lock = threading.Lock()
_told: list = []  # why the first fallback to a process per submission happened (said once)


def fell_back(why: str) -> None:
    """A submission's student process starts on its own because no zygote could serve it:
    say so once per grading process, on stderr (``a3 grade`` shows it), with why."""
    with _lock:
        if _told:
            return
        _told.append(why)
    print(
        f"a3: no zygote (pre-started student process) in grading process {os.getpid()}: {why}; "
        f"student processes start one per submission, each importing its libraries (slower)",
        file=sys.stderr,
        flush=True,
    )


def problems() -> dict:
    """What zygotes did in this process: {"failed starts": {thread id: count}, "fell back":
    why the first fallback happened, or None}: for tests that need a zygote, to say why
    there is none."""
    with _lock:
        return {"failed starts": dict(_failures), "fell back": _told[0] if _told else None}


def reset() -> None:
    """Forget failed starts and the fallback message (each test starts from a fresh state)."""
    with _lock:
        _failures.clear()
        _told.clear()


def prestart(limits: Limits, preload: tuple) -> None:
    """Start this grading thread's zygote for ``limits`` and ``preload`` if it has none, and
    return at once: its imports then overlap the grader's own work until ``take`` (which
    waits for it). Nothing happens if zygotes are not used or too many failed."""
    key = (threading.get_ident(), limits, tuple(preload))
    with _lock:
        cached = key in _zygotes
    if not cached:
        zygote = _start(key)
        if zygote is not None:
            give_back(zygote)


def take(limits: Limits, preload: tuple) -> Zygote | None:
    """The zygote of this grading thread for ``limits`` and ``preload`` (started now if
    needed, and ready), taken out of the cache until ``give_back``; None if zygotes are not
    used or it failed to start."""
    key = (threading.get_ident(), limits, tuple(preload))
    with _lock:
        found = _zygotes.pop(key, None)
    found = found or _start(key)
    try:
        if found is not None:
            found.ready()
        return found
    except RuntimeError as exc:
        _failed(key, f"a zygote did not start: {exc}")
        return None


def _start(key: tuple) -> Zygote | None:
    """A new zygote for ``key`` = (thread id, limits, preload), launched (not yet ready); None
    if zygotes are not used, this thread had MAX_FAILURES failed starts, or this one fails."""
    with _lock:
        if _failures.get(key[0], 0) >= MAX_FAILURES or not enabled():
            return None
    try:
        return Zygote(key[1], key[2])
    except (OSError, RuntimeError) as exc:
        _failed(key, f"a zygote could not be launched: {exc}")
        return None


def _failed(key: tuple, why: str) -> None:
    with _lock:
        _failures[key[0]] = _failures.get(key[0], 0) + 1
    fell_back(why)


def give_back(zygote: Zygote) -> None:
    """Keep a clean zygote for the next submission of this thread."""
    key = (threading.get_ident(), zygote.limits, zygote.preload)
    with _lock:
        old = _zygotes.pop(key, None)
        _zygotes[key] = zygote
    if old is not None:
        old.close()


def close_all() -> None:
    """Stop every cached zygote (at exit)."""
    with _lock:
        zygotes = list(_zygotes.values())
        _zygotes.clear()
    for z in zygotes:
        z.close()


atexit.register(close_all)
