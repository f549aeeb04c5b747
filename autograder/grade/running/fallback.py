"""Isolation where bubblewrap cannot run (Gradescope's Docker, old kernels): the uid fallback.

Which isolation a grader uses (:func:`choose`, a ``sandbox.Isolation``; :func:`open_sandbox`
makes the object with which a student process runs under it, ``sandbox.Sandbox``'s protocol):
- ``bubblewrap``: usable here (``sandbox.bubblewrap_problem()`` is None); see sandbox.py
  (``sandbox.Bubblewrap``).
- ``uid``: bubblewrap unusable and the grader is root (:class:`UidFallback`). The student process
  - runs as a uid of its own (``sandbox.sandbox_uid``: 61000 and up, one per grader thread)
    through ``setpriv``: no capabilities (inheritable and bounding sets empty), no groups,
    no new privileges; in a session of its own (StudentProcess), under the part's limits
    and the sandbox's seccomp filter (syscall_filter.py), which it loads itself before any
    student code runs (``--fd-seccomp``: autograder/student_process/seccomp.py);
  - imports the student-process package from a copy (``<staging>/autograder/student_process``), never the engine;
  - finds closed to it, while it runs, everything it must not read (:func:`closing_plan`):
    the grading tree (the repository, or Gradescope's ``/autograder``) entry by entry, except
    the Python environment and the public assets inside it and the folders leading to them
    (which others may traverse but not list); plus, for ``a3 grade``, the results folder and
    the submissions. Only the bits for "others" change (the uid is neither owner nor in a
    group of anything). The original modes are saved first (STATE_DIR) and each path gets
    its mode back when no grader on the host wants it closed any more (:func:`hold`,
    :func:`release`), also on errors; a grader killed by SIGKILL leaves its hold behind, and
    the next hold or release on the host (or ``python -m autograder.grade.running.fallback --restore``)
    puts its paths back;
  - reaches its submission copy, the student-process copy and its exchange folder through the
    sandbox's view of that submission (``sandbox.view_folder``: a private, neutrally named
    folder, so no path it sees names the grader's folders), opened to its group only;
  - can write its exchange folder (also its HOME and TMPDIR) and the world-writable
    ``/tmp``, ``/var/tmp``, ``/dev/shm``, where everything it made is deleted, and every process
    of its uid killed, before each student process starts and when it ends (:func:`reap`);
  - cannot signal the grader (another uid, no CAP_KILL).
  What bubblewrap gives and this does not: no network namespace, the host's process list is
  visible (not their files or environment), and files that the host lets everyone read
  outside the grading tree stay readable (keep other copies of the repository private).
  It needs setpriv and a Python every user may run (:func:`python_problem`): on Gradescope the
  venv is ``/autograder/venv`` over ``/usr``'s Python; a Python under ``/root`` (mode 0700) does
  not do (then, as without root, only trusted submissions are graded).
- ``none``: bubblewrap unusable and not root, so nothing can isolate: refused
  (:class:`IsolationRefused`) unless the submissions are declared trusted
  (``A3_TRUSTED_SUBMISSIONS=1``, set by ``a3 grade --trusted-submissions``); then limits only
  (``sandbox.LimitsOnly``).

Switch: ``A3_BUBBLEWRAP=off`` makes bubblewrap count as unusable (tests, the Gradescope test).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import psutil

from autograder.config import REPO_ROOT, Limits
from autograder.grade.running import sandbox as _sandbox
from autograder.grade.running.sandbox import (  # noqa: F401 (BUBBLEWRAP_SWITCH, switched_off: named here too)
    BUBBLEWRAP_SWITCH,
    Bubblewrap,
    Isolation,
    LimitsOnly,
    Sandbox,
    filter_problem,
    switched_off,
)
from autograder.grade.running.syscall_filter import filter_fd
from autograder.student_process.assets import assets_dir

TRUSTED_SWITCH = "A3_TRUSTED_SUBMISSIONS"  # "1": grade without isolation when nothing can isolate
STATE_DIR = Path("/var/lib/a3-fallback")  # saved modes and holds (state.json), lock; root only
WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")


class IsolationRefused(RuntimeError):
    """Student code cannot be isolated here; the message says how to make it possible."""


def trusted() -> bool:
    """Whether the submissions are declared trusted (A3_TRUSTED_SUBMISSIONS=1)."""
    return os.environ.get(TRUSTED_SWITCH, "") == "1"


def choose(problem: str | None) -> Isolation:
    """The isolation for this process given ``problem`` (bubblewrap_problem()): BUBBLEWRAP,
    UID (root, setpriv and a Python every user may run), or LIMITS_ONLY when the submissions
    are trusted; else raises IsolationRefused saying what to do. (An Isolation is a str:
    "bubblewrap", "uid", "none".)"""
    if problem is None:
        return Isolation.BUBBLEWRAP
    why = None
    if os.geteuid() == 0:
        why = python_problem() if shutil.which("setpriv") else "setpriv (util-linux) is missing: install util-linux"
        why = why or filter_problem()
        if why is None:
            return Isolation.UID
    if trusted():
        return Isolation.LIMITS_ONLY
    raise IsolationRefused(
        f"cannot isolate student code here: {problem}; "
        + (
            why
            or "either install bubblewrap where it can run (Debian/Ubuntu: apt-get install bubblewrap; it "
            "needs unprivileged user namespaces), or run the grader as root, so that it can run student "
            "code as another user"
        )
        + f". If every submission is trusted, pass --trusted-submissions ({TRUSTED_SWITCH}=1) to grade "
        f"with resource limits only."
    )


def isolation_here() -> Isolation:
    """The isolation ``choose`` takes on this machine (said once with a warning when it is
    limits only; IsolationRefused when nothing can isolate and the submissions are not
    trusted). Chosen where the student code runs: a Dask worker's machine may differ from
    the one that started ``a3 grade``."""
    problem = _sandbox.bubblewrap_problem()
    kind = choose(problem)
    if kind is Isolation.LIMITS_ONLY:
        _sandbox.warn_once(problem)
    return kind


def open_sandbox(
    isolation: Isolation, limits: Limits, submission: Path, inputs: Path, staging: Path, scratch: Path | None = None
) -> Sandbox:
    """The sandbox (sandbox.Sandbox) of ``isolation`` for one student process; the inputs
    are Sandbox's."""
    kinds = {Isolation.BUBBLEWRAP: Bubblewrap, Isolation.UID: UidFallback, Isolation.LIMITS_ONLY: LimitsOnly}
    return kinds[isolation](limits, submission, inputs, staging, scratch)


def describe(kind: str, problem: str | None) -> str:
    """One line saying which isolation student code gets, for the start of a grading."""
    if kind == "bubblewrap":
        who = "as its own uid (61000+)" if os.geteuid() == 0 else "in a user namespace"
        return (
            f"isolation: bubblewrap: student code runs {who} in a private file system, "
            f"without network, in its own PID namespace, with resource limits"
        )
    if kind == "uid":
        return (
            f"isolation: uid fallback ({problem}): student code runs as its own uid (61000+) "
            f"without capabilities, groups or new privileges, under the sandbox's seccomp filter, "
            f"with resource limits; the engine, "
            f"solutions, fixtures, hidden tests, results and submissions are closed to it while "
            f"grading; it still has the network and sees the host's process list"
        )
    return (
        f"isolation: NONE ({problem}; submissions declared trusted): student code runs as this "
        f"user with resource limits only and can read whatever this user can"
    )


# -- who may read what -------------------------------------------------------------------
def _allows(st: os.stat_result, bits: int, gid: int | None) -> bool:
    """Whether a user who is not the owner (and in group ``gid`` if given) has ``bits`` (octal
    0o1 traverse, 0o4 read, for "others")."""
    if gid is not None and st.st_gid == gid:
        return (st.st_mode >> 3) & bits == bits
    return st.st_mode & bits == bits


def blocker(path: str | Path, gid: int | None = None) -> str | None:
    """None if a user that owns nothing (and is in group ``gid`` only) can read ``path``
    (a file, or a folder it may list), else the first folder or file in the way, with its
    mode, e.g. ``/root (mode 0700)``. Both the path as written and its target are checked."""
    for p in dict.fromkeys([os.path.abspath(path), os.path.realpath(path)]):
        p = Path(p)
        for folder in reversed(p.parents):
            st = os.stat(folder)
            if not _allows(st, 0o1, gid):
                return f"{folder} (mode {stat.S_IMODE(st.st_mode):04o})"
        try:
            st = os.stat(p)
        except OSError as exc:
            return f"{p} ({exc.strerror})"
        if not _allows(st, 0o5 if stat.S_ISDIR(st.st_mode) else 0o4, gid):
            return f"{p} (mode {stat.S_IMODE(st.st_mode):04o})"
    return None


def open_paths() -> list:
    """What the student process reads besides its own folders: the interpreter, the Python
    environment (prefixes and site-packages) and the public assets."""
    return [Path(sys.executable), *_sandbox.python_paths(), assets_dir()]


def python_problem() -> str | None:
    """None if a user that owns nothing can run this Python and read the assets, else why not
    and what to do."""
    for path in open_paths():
        why = blocker(path)
        if why:
            return (
                f"the uid fallback needs a Python environment and assets that every user can "
                f"read, and {path} is blocked by {why}: install the grading environment where "
                f"others can read it, e.g. `python3 -m venv /opt/a3-venv` with Python from /usr "
                f"(as on Gradescope: /autograder/venv), or make that folder traversable"
            )
    return None


def closing_plan(tree: str | Path, keep: Iterable = (), closed: Iterable = ()) -> dict:
    """{path: new mode} that closes ``tree`` to others except the paths of ``keep`` inside it
    (left as they are) and the folders leading to them (others may traverse, not list or
    write); and closes each existing path of ``closed``. Symbolic links are left alone."""
    tree = Path(os.path.realpath(tree))
    keep = {Path(os.path.realpath(k)) for k in keep}
    inside = [k for k in keep if tree in k.parents]
    changes = {}

    def close(path: Path, traverse: bool):
        mode = stat.S_IMODE(os.lstat(path).st_mode) & ~0o007
        changes[str(path)] = mode | 0o001 if traverse else mode

    def walk(folder: Path):
        close(folder, traverse=True)
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                if path in keep or entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False) and any(path in k.parents for k in inside):
                    walk(path)
                else:
                    close(path, traverse=False)

    if tree not in keep:
        walk(tree)
    for path in map(Path, closed):
        if path.exists() and not path.is_symlink():
            close(Path(os.path.abspath(path)), traverse=False)
    return changes


# -- changing modes and putting them back ---------------------------------------------------
_mutex = threading.Lock()
_mine = set()  # tokens of this process's holds


@contextlib.contextmanager
def _state():
    """The saved modes and holds (STATE_DIR/state.json), under this process's mutex and the
    host-wide lock; written back (fsync'd, renamed) when the block ends."""
    with _mutex:
        STATE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(STATE_DIR)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077:
            raise RuntimeError(f"{STATE_DIR} must be a folder of this user's with mode 0700")
        with open(STATE_DIR / "lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                state = json.loads((STATE_DIR / "state.json").read_text())
            except FileNotFoundError:
                state = {"saved": {}, "holds": {}}
            yield state
            tmp = STATE_DIR / "state.json.tmp"
            with open(tmp, "w") as fh:
                json.dump(state, fh)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(STATE_DIR / "state.json")


def _alive(hold: dict) -> bool:
    try:
        return psutil.Process(hold["pid"]).create_time() == hold["started"]
    except psutil.Error:
        return False


def _set_mode(path: str, record, mode: int) -> None:
    """chmod ``path`` if it is still the file that was recorded (never through a link)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if (st.st_dev, st.st_ino) == tuple(record[1:]) and not stat.S_ISLNK(st.st_mode):
        os.chmod(path, mode)


def _put_back(state: dict) -> int:
    """Forget the holds of processes that are gone, and put back the saved mode of every path
    that no remaining hold wants; returns how many."""
    state["holds"] = {t: h for t, h in state["holds"].items() if _alive(h)}
    wanted = {p for h in state["holds"].values() for p in h["paths"]}
    done = [p for p in state["saved"] if p not in wanted]
    for path in done:
        record = state["saved"].pop(path)
        _set_mode(path, record, record[0])
    return len(done)


def hold(changes: dict) -> str:
    """Apply ``changes`` ({path: mode}) until :func:`release` of the returned token. Original
    modes are saved (fsync'd) before any change; a path goes back to its original mode when
    no hold wants it any more, holds of processes that died included (their paths are put
    back by the next hold or release on the host, or ``--restore``)."""
    changes = dict(changes)
    token = f"{os.getpid()}-{os.urandom(6).hex()}"
    with _state() as state:
        _put_back(state)
        for path in list(changes):
            if path not in state["saved"]:
                try:
                    st = os.lstat(path)
                except FileNotFoundError:  # gone since the plan was made
                    del changes[path]
                    continue
                state["saved"][path] = [stat.S_IMODE(st.st_mode), st.st_dev, st.st_ino]
        state["holds"][token] = {
            "pid": os.getpid(),
            "started": psutil.Process().create_time(),
            "paths": sorted(changes),
        }
    _mine.add(token)
    try:
        with _state() as state:
            for path, mode in changes.items():
                _set_mode(path, state["saved"][path], mode)
    except BaseException:
        release(token)
        raise
    return token


def release(token: str) -> None:
    """End the hold ``token``: every path no other hold wants gets its original mode back."""
    _mine.discard(token)
    with _state() as state:
        state["holds"].pop(token, None)
        _put_back(state)


def restore_abandoned() -> int:
    """Put back the modes that holds of processes now gone left changed; returns how many."""
    with _state() as state:
        return _put_back(state)


@atexit.register
def _release_all() -> None:
    for token in list(_mine):
        release(token)


@contextlib.contextmanager
def held(changes: dict) -> Iterator[None]:
    """:func:`hold` for the duration of a ``with`` block."""
    token = hold(changes)
    try:
        yield
    finally:
        release(token)


def announce(trust: bool = False, say: Callable[[str], object] | None = None) -> str:
    """For the start of a grading run (``a3 grade``, Gradescope): choose the isolation and say
    which it is once (``say``, default stderr).
    ``trust`` declares the submissions trusted (A3_TRUSTED_SUBMISSIONS=1, also for the grading
    processes started from here). Returns the kind (see :func:`choose`); raises
    IsolationRefused with what to do."""
    if trust:
        os.environ[TRUSTED_SWITCH] = "1"
    problem = _sandbox.bubblewrap_problem()
    kind = choose(problem)
    (say or (lambda m: print(m, file=sys.stderr, flush=True)))(describe(kind, problem))
    return kind


@contextlib.contextmanager
def closed_while_grading(kind: str, tree: str | Path, closed: Iterable = ()) -> Iterator[None]:
    """With the uid fallback (``kind`` Isolation.UID, "uid"), keep ``tree`` (except the Python
    environment and the assets) and the paths of ``closed`` closed to others for the block;
    else nothing."""
    if kind != Isolation.UID:
        yield
        return
    with held(closing_plan(tree, open_paths(), closed)):
        yield


# -- the student process as another uid ----------------------------------------------------
def drop_to(uid: int) -> list:
    """setpriv and its arguments: run the rest of the command as ``uid`` (gid ``uid``), no
    groups, no capabilities (inheritable and bounding), no_new_privs."""
    return [
        shutil.which("setpriv") or "/usr/bin/setpriv",
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
    ]


def processes_of(uid: int) -> list:
    """Live (not zombie) processes whose real uid is ``uid``."""
    out = []
    for p in psutil.process_iter(["uids", "status"]):
        uids = p.info["uids"]
        if uids and uids.real == uid and p.info["status"] != psutil.STATUS_ZOMBIE:
            out.append(p)
    return out


def reap(uid: int) -> None:
    """Kill every process of ``uid`` (kill(-1) from that uid: atomic, even against a fork
    bomb) and delete what it made in the world-writable folders (without following links)."""
    kill_all = "import os, signal\ntry:\n os.kill(-1, signal.SIGKILL)\nexcept ProcessLookupError:\n pass"
    for _ in range(5):
        if not processes_of(uid):
            break
        subprocess.run(
            [*drop_to(uid), sys.executable, "-S", "-c", kill_all],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=30,
        )
        time.sleep(0.05)
    for folder in WORLD_WRITABLE:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


class UidFallback(Sandbox):
    """A student process as a sandbox uid of its own, without bubblewrap (the module's doc):
    sandbox.Sandbox's protocol and inputs, ``scratch`` required (its working folder, HOME
    and TMPDIR, owned by the uid). The submission copy, the scratch folder and the
    student-process copy (``staging``) lie in the sandbox's view, one private folder of the
    grader's (mode 0700), which is opened to the group of the uid (its gid is the same
    number) only."""

    isolation = Isolation.UID

    def __init__(self, limits: Limits, submission: Path, inputs: Path, staging: Path, scratch: Path):
        super().__init__(limits, submission, inputs, scratch)
        self.staging = self._plan_view(Path(staging))
        self.uid = _sandbox.sandbox_uid()
        self.base = Path(os.path.commonpath([self.submission, self.scratch, self.staging]))
        self._token = None

    def prepare(self) -> None:
        """Fill the view, give the uid its scratch folder, copy the student-process package,
        open the view to the uid's group, check that everything the student process needs is
        readable, and close the grading tree."""
        self._fill_view()
        _sandbox.make_readable(self.submission)
        os.chmod(self.scratch, 0o700)
        os.chown(self.scratch, self.uid, self.uid)
        st = os.lstat(self.base)
        if (
            not stat.S_ISDIR(st.st_mode)
            or st.st_uid != os.geteuid()
            or st.st_mode & 0o007
            or st.st_gid not in (os.getegid(), self.uid)
        ):
            raise RuntimeError(
                f"the uid fallback needs the submission, the student-process package and the exchange "
                f"folder inside one private folder of the grader's, not {self.base}"
            )
        _sandbox.student_process_library(self.staging)
        shutil.copytree(
            _sandbox.STUDENT_PROCESS_PACKAGE,
            self.staging / "autograder" / "student_process",
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
        _sandbox.make_readable(self.staging)
        os.chown(self.base, os.geteuid(), self.uid)
        os.chmod(self.base, 0o750)
        for path in (self.submission, self.scratch, self.staging):  # the grader's folders on the
            for folder in list(path.parents)[: len(path.relative_to(self.base).parts) - 1]:  # way: traverse
                os.chown(folder, os.geteuid(), self.uid)
                os.chmod(folder, 0o710)
        for path in (self.submission, self.staging):
            why = blocker(path, self.uid)
            if why:
                raise IsolationRefused(f"the sandbox user cannot read {path}: {why}")
        self._token = hold(closing_plan(REPO_ROOT, open_paths()))

    def command(self, argv: list, env: dict) -> tuple:
        """(argv, env) running ``argv`` as the uid under the limits, after killing whatever of
        that uid is left; the student process loads the filter itself (no bubblewrap to do
        it) before it imports anything of the submission: autograder/student_process/seccomp.py."""
        self.close_fds()
        self._fill_view()
        self.fds = [filter_fd()]
        argv = [*argv, "--fd-seccomp", str(self.fds[0])]
        reap(self.uid)
        env = dict(
            env,
            PYTHONPATH=str(self.staging),
            HOME=str(self.scratch),
            TMPDIR=str(self.scratch),
            MPLCONFIGDIR=str(self.scratch / ".matplotlib"),
            KERAS_HOME=str(self.scratch / ".keras"),
        )
        return [*self.limit_args(), *drop_to(self.uid), os.path.abspath(argv[0]), *argv[1:]], env

    def _cwd(self, cwd):
        return self.scratch

    def close(self) -> None:
        """Kill what is left of the uid, let go of the protection (once) and remove the view."""
        reap(self.uid)
        if self._token:
            release(self._token)
            self._token = None
        super().close()

    def describe(self) -> str:
        return f"uid fallback, uid {self.uid}, seccomp, no network isolation"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m autograder.grade.running.fallback",
        description="Put back file modes that a killed grader left changed.",
    )
    ap.add_argument("--restore", action="store_true", required=True)
    ap.parse_args(argv)
    print(f"restored the modes of {restore_abandoned()} paths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
