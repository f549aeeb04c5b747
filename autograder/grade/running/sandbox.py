"""The sandbox around a student process: what it may see, who it runs as, what it may use.

With bubblewrap (``bwrap``) installed and usable, the student process gets
- a private root file system built from a few read-only binds: the system's ``/usr`` (and
  ``/bin``, ``/lib``... as they are), a handful of ``/etc`` files, the Python interpreter and
  its site-packages (at their own paths), and, at neutral paths, the student-process package
  (``/a3lib/autograder/student_process`` only: not the hidden tests, the fixtures, the reference or the
  rest of the repository), the public assets (``/assets``), the submission (``/submission``)
  and the question's inputs (``/io/in``, a folder of the grader's: see grade/running/exchange.py);
- no host folder it can write: its only writable place is a private ``/tmp`` (also its
  working folder and HOME), a tmpfs of at most ``Limits.file_size`` bytes in all
  (``--size``), gone with the sandbox; outputs go back on the reply pipe;
- no network (a new network namespace: not even the host's loopback), a separate PID
  namespace (it sees only its own processes; when the sandbox's first process dies, the
  kernel kills every other one), a new session (no terminal);
- a seccomp filter (grade/running/syscall_filter.py): no keyrings, no System V IPC or POSIX
  message queues, no new namespaces (so no nested user namespace), no mounts, no ptrace, bpf,
  perf events or userfaultfd; without root,
  bubblewrap's ``--disable-userns`` as well;
- an unprivileged user when the grader runs as root: bubblewrap runs as root (so it can bind
  files only root may read, such as a Python under /root) and ``setpriv`` drops to a uid of
  its own (one per grader thread on the machine, see ``sandbox_uid``) with no capabilities and no groups,
  so ``RLIMIT_NPROC`` counts only that sandbox's processes;
- no cgroup of its own (not implemented): its memory is bounded by the address-space limit
  plus the size of its /tmp, its processes by ``RLIMIT_NPROC`` of its uid.

What outlives a process inside the sandbox (issue 23). A zygote (grade/running/zygote.py)
forks every submission of a grading thread in one sandbox: one uid, one set of namespaces.
Each kind of state that survives the process that made it, and why none reaches the next
submission (the attack suite's test per kind, tests/attacks/, in brackets):
- IPC namespace: System V shared memory, message queues, semaphores: refused by the filter
  [leftovers]; POSIX message queues (``mq_open``, no ``/dev/mqueue`` needed): refused by the
  filter [posix_mqueue]; POSIX shared memory and semaphores are files in ``/dev/shm``:
  read-only (below).
- Mount namespace: files. Writable are only ``/tmp`` (emptied by ``clean``; then the grader mounts a fresh tmpfs
  there, so its inode numbers start again: grade/running/counters.py) [leftovers, tmp_inode];
  the root and ``/dev`` tmpfs that bwrap builds are remounted read-only (without root they
  belong to the sandbox user), every bind is read-only, ``/proc`` holds per-process files
  only [writable_places]; new mounts are refused by the filter.
- Network namespace: sockets (abstract unix names, the loopback's TCP/UDP ports) live only
  as long as a descriptor on them: ``clean`` kills every process, and a socket held only
  in flight (passed on a socket to itself) is released with its last process
  [abstract_socket];
  interfaces, addresses, routes, firewall rules need CAP_NET_ADMIN: impossible.
- UTS namespace: host and domain name: refused by the filter, and need CAP_SYS_ADMIN.
- PID namespace: processes (daemons, stopped or zombie ones): killed and reaped by
  ``clean`` [leftovers, background_writer]; the namespace's last process id: set by the
  grader after each ``clean`` (grade/running/counters.py), so every child is pid 100
  [pid_counter]; the zygote's own limits, priority, affinity:
  ``clean`` refuses a changed zygote [parent_limits, stop_parent].
- cgroup namespace: no cgroup file system is mounted and mounts are refused: impossible.
- The uid: kernel keyrings: refused by the filter [keyring]; its processes: killed;
  descriptors of any kind (memfd, pipes, eventfd, timerfd, signalfd, inotify, pidfd,
  epoll) die with the last process holding them, and a child cannot take one from the
  zygote (it is not dumpable, ``pidfd_getfd`` and ``ptrace`` are refused); fanotify needs
  CAP_SYS_ADMIN: impossible.
- Closed from outside: the two counters the zygote's children share, which the zygote
  cannot reset (no capabilities; ``unshare`` and mounts are refused): after each
  ``clean`` the grader enters the sandbox's namespaces in a short helper
  (grade/running/counters.py; as root, or as the owner of bwrap's user namespace) and
  mounts a fresh ``/tmp`` tmpfs (inode numbers restart) and writes the PID namespace's
  ``ns_last_pid`` (the next child is always pid 100); a zygote whose reset fails is
  retired [pid_counter, tmp_inode]. In the uid fallback (host PID namespace and
  ``/tmp``) both stay open.
- Not closed: global to the kernel, so open in every mode and closable only by a
  virtual machine per submission: the inode numbers of pipes, sockets, anonymous
  inodes and ``/proc`` entries (``get_next_ino``, one counter for the machine), the
  memory and load figures of ``/proc/meminfo`` and ``/proc/loadavg``, the machine's CPU
  time totals and its count of forks since boot (``/proc/stat``: "processes", which a
  child that starts n processes moves by n among the host's own). Each passes a few
  bits, not a store: a way to smuggle answers would need many submissions in a row.

Host paths: what the student process sees of the grader's folders is named neutrally.
Everything bound into the sandbox (the submission copy, the inputs, the library) lies in a
view (``view_folder``: ``/tmp/sandbox-<random>``, not ``$TMPDIR``), so the root field of
``/proc/self/mountinfo`` (a bind's source path in its own file system) names no submission,
grader process or test folder; in the uid fallback, whose student process sees host paths
(working folder, ``HOME``, the submission's path), it works in such a view too
[host_paths, in both]. The Python environment is bound at its own path (it is visible
anyway, in ``sys.path``).

In every case, with or without bubblewrap, resource limits (``Limits`` from
grading_config.yml) are set before the student's code starts: address space, CPU time,
processes (threads count too) and the size of any file written.

Without a usable bubblewrap (or with ``A3_BUBBLEWRAP=off``) a grader running as root takes the
uid fallback (autograder/grade/running/fallback.py): the student process runs as a uid of its own with
the grading tree closed to it. Not root, it refuses unless the submissions are declared trusted
(``A3_TRUSTED_SUBMISSIONS=1``); then it says so once (``warn_once``) and runs the student process
as its own user with the limits only: then it can read what the grader can read.
"""

from __future__ import annotations

import enum
import fcntl
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings
from pathlib import Path

from autograder.config import Limits
from autograder.grade.running.exchange import close_quietly, private_folder, remove_tree
from autograder.grade.running.syscall_filter import filter_bpf, filter_fd
from autograder.student_process.assets import assets_dir

STUDENT_PROCESS_PACKAGE = Path(__file__).resolve().parents[2] / "student_process"
_PRLIMIT = shutil.which("prlimit") or "/usr/bin/prlimit"  # util-linux, as setpriv
UID_BASE = 61000  # sandbox uids: UID_BASE .. UID_BASE + UID_SLOTS - 1, no passwd entry
UID_SLOTS = 256
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC_FILES = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "alternatives",
    "localtime",
    "fonts",
    "nsswitch.conf",
    "passwd",
    "group",
    "mime.types",
)


class SandboxWarning(UserWarning):
    """The student process runs without bubblewrap: limits only, no isolation."""


BUBBLEWRAP_SWITCH = "A3_BUBBLEWRAP"  # "off": bubblewrap counts as unusable


def switched_off() -> str | None:
    """Why bubblewrap must not be used (the A3_BUBBLEWRAP switch), or None."""
    if os.environ.get(BUBBLEWRAP_SWITCH, "").strip().lower() == "off":
        return f"bubblewrap turned off ({BUBBLEWRAP_SWITCH}=off)"
    return None


def filter_problem() -> str | None:
    """None if the seccomp filter (syscall_filter.py), which the uid fallback's student process
    loads too, can be built here; else why not."""
    try:
        filter_bpf()
    except Exception as exc:  # ImportError, OSError: no pyseccomp or no libseccomp2
        return f"the seccomp filter cannot be built (libseccomp2 and pyseccomp are needed): {exc}"
    return None


def bubblewrap_problem() -> str | None:
    """None if bubblewrap is installed and can start a sandbox here (and is not switched off
    with A3_BUBBLEWRAP=off), else why not."""
    return switched_off() or _bubblewrap_problem()


@functools.cache
def _bubblewrap_problem() -> str | None:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    probe = [bwrap, *_namespace_args(), "--ro-bind", "/", "/", "--", "/bin/true"]
    try:
        done = subprocess.run(probe, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap does not start here: {exc}"
    if done.returncode != 0:
        return f"bubblewrap does not start here: {done.stderr.decode(errors='replace').strip()}"
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        return "setpriv (util-linux) is missing, so the sandbox could not drop root"
    return filter_problem()


_warned = False


def warn_once(problem: str) -> None:
    """Say once per process that grading runs without the sandbox, and what that means."""
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(
            f"student code runs WITHOUT a sandbox: {problem}. Resource limits still "
            f"apply, but the student process runs as this user and can read what "
            f"it can read (hidden tests and fixtures included).",
            SandboxWarning,
            stacklevel=3,
        )


_uid_locks: dict = {}  # thread id -> (uid, [open lock files])
_uid_mutex = threading.Lock()
UID_REGISTRIES = ("/run/a3-sandbox-uids", "/var/lib/a3/sandbox-uids")  # root: one per machine


def uid_registry() -> Path:
    """The folder of the sandbox uids' lock files: one per machine, whatever ``TMPDIR`` is
    (two graders with different ones must not share a uid): the first of
    ``UID_REGISTRIES`` that this user can make and owns (root); else, without root (which
    never drops to a sandbox uid), ``<tmp>/a3-sandbox-uids-<uid>``."""
    for candidate in UID_REGISTRIES:
        path = Path(candidate)
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = path.lstat()
        except OSError:
            continue
        if path.is_dir() and not path.is_symlink() and info.st_uid == os.geteuid():
            return path
    path = Path(tempfile.gettempdir()) / f"a3-sandbox-uids-{os.geteuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def sandbox_uid() -> int:
    """A uid for the sandboxes of this grader thread, claimed with a lock file in the
    machine's ``uid_registry()`` so that two graders running at once (parallel worker
    processes, the threads of a Dask worker, or graders with different ``TMPDIR``s) never
    share one: RLIMIT_NPROC counts the processes of a uid, so a fork bomb in one sandbox
    cannot starve another. A uid that some process runs as now is skipped too (a grader of an
    older version locks elsewhere). The claim lasts as long as the process."""
    me = threading.get_ident()
    with _uid_mutex:
        if me in _uid_locks:
            return _uid_locks[me][0]
        lock_dir = uid_registry()
        running = _uids_running()  # also skip uids a grader of another registry holds
        for uid in range(UID_BASE, UID_BASE + UID_SLOTS):
            if uid in running or any(uid == held for held, _ in _uid_locks.values()):
                continue
            locks = [_lock_file(folder / str(uid)) for folder in (lock_dir, *_legacy_registry(lock_dir))]
            if all(locks):
                _uid_locks[me] = (uid, locks)
                return uid
            for fh in filter(None, locks):
                fh.close()
    raise RuntimeError(f"all {UID_SLOTS} sandbox uids are in use ({lock_dir})")


LEGACY_REGISTRY = Path("/tmp/a3-sandbox-uids")  # where graders before issue 23 lock, by default


def _legacy_registry(registry: Path) -> list:
    """[LEGACY_REGISTRY] if it is not ``registry`` and is a folder of this user's (made if
    missing): a uid is claimed there too, so that an older grader on the machine never
    takes it; else []."""
    if registry == LEGACY_REGISTRY or os.geteuid() != 0:
        return []
    try:
        LEGACY_REGISTRY.mkdir(mode=0o700, exist_ok=True)
        info = LEGACY_REGISTRY.lstat()
    except OSError:
        return []
    ours = LEGACY_REGISTRY.is_dir() and not LEGACY_REGISTRY.is_symlink() and info.st_uid == 0
    return [LEGACY_REGISTRY] if ours else []


def _lock_file(path: Path):
    """The open file ``path``, locked (flock) by this process, or None if another holds it."""
    fh = open(path, "w")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        return None
    return fh


def _namespace_args() -> list:
    args = [
        "--unshare-ipc",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
    ]
    if os.geteuid() != 0:
        # as root, bubblewrap's own --disable-userns would need a user namespace that maps
        # only root, which setpriv could not leave: the seccomp filter refuses them instead
        args[:0] = ["--unshare-user", "--disable-userns"]
    return args


# Where the sandbox sees what the grader binds (neutral paths: no host path of the grader's).
SUBMISSION_AT = "/submission"
LIB_AT = "/a3lib"
ASSETS_AT = "/assets"
INPUTS_AT = "/io/in"
TMP_AT = "/tmp"


def _mount_args(readable, tmp_size: int) -> list:
    """bwrap arguments for a fresh root with the given read-only binds ([(source, dest)]),
    parents made traversable, and a ``/tmp`` tmpfs of at most ``tmp_size`` bytes."""
    args = ["--tmpfs", "/"]
    made = {"/"}

    def parents(path: str):
        out = []
        for parent in reversed(Path(path).parents):
            p = str(parent)
            if p not in made:
                made.add(p)
                out += ["--perms", "0755", "--dir", p]
        return out

    for d in SYSTEM_DIRS:
        if os.path.islink(d):
            args += ["--symlink", os.readlink(d), d]
        elif os.path.isdir(d):
            args += ["--ro-bind", d, d]
        made.add(d)
    args += ["--perms", "0755", "--dir", "/etc"]
    made.add("/etc")
    for name in ETC_FILES:
        if os.path.lexists(f"/etc/{name}"):
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(int(tmp_size)), "--tmpfs", TMP_AT]
    made.update({"/proc", "/dev", TMP_AT})
    for src, dest in readable:
        args += parents(str(dest)) + ["--ro-bind", str(src), str(dest)]
        made.add(str(dest))
    # the root and /dev are tmpfs that bwrap made: without root they belong to the sandbox
    # user, who could leave files there for the next child of a zygote (issue 23)
    return args + ["--remount-ro", "/", "--remount-ro", "/dev"]


VIEW_BASE = Path("/tmp")  # where the folders a student process sees are made (not $TMPDIR)
VIEW_PREFIX = "sandbox-"
VIEW_MARK = "a3-view-"  # a3-view-<pid>-<random> beside sandbox-<random>: made by grading process <pid>
_marks: dict = {}  # view -> its mark


def view_folder() -> Path:
    """A new private folder (mode 0700) for what one sandbox shows the student process,
    named neutrally: ``/tmp/sandbox-<random>`` (``$TMPDIR`` if ``/tmp`` is not writable). A
    bind's source path is what ``/proc/self/mountinfo`` shows inside (its root field), and
    in the uid fallback the student process sees the folders themselves; the grader's own
    folders (``$TMPDIR``, ``a3-<submission>-...``, pytest's) would name the grader's run.
    A link beside it (``a3-view-<pid>-<random>``, never bound inside) says which grading
    process made it: ``sweep_views`` removes the views of processes that are gone (killed
    at their deadline, their ``remove_view`` never ran), whatever their ``$TMPDIR`` was."""
    sweep_views()
    base = VIEW_BASE if os.access(VIEW_BASE, os.W_OK | os.X_OK) else None
    view = private_folder(base, prefix=VIEW_PREFIX)
    mark = view.parent / f"{VIEW_MARK}{os.getpid()}-{view.name[len(VIEW_PREFIX) :]}"
    mark.symlink_to(view)
    _marks[view] = mark
    return view


def remove_view(view: Path) -> None:
    """Remove a view made by ``view_folder`` in this process, then its link."""
    if remove_tree(view) is not None or os.path.lexists(view):
        return  # its link stays: sweep_views retries once this process is gone
    mark = _marks.pop(Path(view), None)
    if mark is not None:
        remove_tree(mark)


def sweep_views() -> None:
    """Remove the views (and their links) of grading processes that are gone."""
    marks = [m for base in {VIEW_BASE, Path(tempfile.gettempdir())} for m in base.glob(f"{VIEW_MARK}*")]
    for mark in marks:
        pid = mark.name[len(VIEW_MARK) :].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)) or not mark.is_symlink():
            continue
        target = Path(os.readlink(mark))
        if is_view(target):
            remove_tree(target)
        remove_tree(mark)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_view(folder: Path) -> bool:
    """Whether ``folder`` is a folder made by ``view_folder``."""
    bases = {VIEW_BASE, Path(tempfile.gettempdir())}
    return folder.name.startswith(VIEW_PREFIX) and folder.parent in bases


def python_paths() -> list:
    """The interpreter and its packages: prefixes and site-packages, resolved."""
    paths = {Path(os.path.abspath(p)) for p in (sys.prefix, sys.base_prefix)}
    paths |= {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.executable).resolve().parent.parent}
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            paths.add(Path(os.path.abspath(entry)))
    return _outermost(paths)


def _outermost(paths) -> list:
    """Drop paths inside another one of the list."""
    paths = sorted({Path(p) for p in paths}, key=lambda p: len(p.parts))
    out = []
    for p in paths:
        if not any(p == q or q in p.parents for q in out):
            out.append(p)
    return out


def student_process_library(staging: Path) -> Path:
    """A folder holding an empty ``autograder/__init__.py`` and a mount point for the
    student-process package: the only part of the grader the sandbox sees (PYTHONPATH points here)."""
    (staging / "autograder" / "student_process").mkdir(parents=True, exist_ok=True)
    (staging / "autograder" / "__init__.py").write_text("")
    for p in (staging, staging / "autograder", staging / "autograder" / "student_process"):
        p.chmod(0o755)
    (staging / "autograder" / "__init__.py").chmod(0o644)
    return staging


def make_readable(root: Path) -> None:
    """Let the sandbox user read a tree the grader made (with mkdtemp) and no one else writes."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644)


class Isolation(enum.StrEnum):
    """Which isolation student code gets: what ``fallback.choose`` finds usable here (``a3
    grade`` says it once, ``fallback.announce``), given to ``fallback.open_sandbox``. Its
    value is the word ``fallback.describe`` and ``closed_while_grading`` take."""

    BUBBLEWRAP = "bubblewrap"  # Bubblewrap, below
    UID = "uid"  # fallback.UidFallback: root without a usable bubblewrap
    LIMITS_ONLY = "none"  # LimitsOnly, below: trusted submissions only


class Sandbox:
    """How to start one student process: the protocol every isolation implements
    (``Bubblewrap``, ``LimitsOnly`` below, ``fallback.UidFallback``), made by
    ``fallback.open_sandbox``.

    - ``prepare()``: before the first student process (make the folders it reads readable).
    - ``command(argv, env)``: (argv, env) that run ``argv`` (a Python command) isolated; the
      descriptors in ``fds`` must be passed to it and closed after (``start`` does both).
    - ``describe()``: one line for logs and reports.
    - ``close()``: after the last student process.
    - ``where()``: the paths the student process sees: {"submission", "inputs", "cwd"}.
    - ``isolation``: which Isolation it is.

    Inputs (every implementation):
    - limits: Limits (address space and file size in bytes, CPU seconds, processes).
    - submission: the submission folder (read-only inside).
    - inputs: the grader's folder of question inputs (read-only inside; see
      grade/running/exchange.py); the grader writes it, the student process never can.
    - staging: a private folder of the grader's for the student-process library.
    - scratch: without bubblewrap, the student process's working folder (with bubblewrap its
      private /tmp is).
    With bubblewrap or the uid fallback, the student process sees none of these folders by
    their path: the sandbox makes a view of its own (``view_folder``) and puts in it (the
    uid fallback's ``prepare``, else the first ``command``) a copy of the submission (hard
    links), the library, the scratch folder and the inputs folder, which ``inputs`` becomes
    a link to (the grader writes there as before); ``close`` removes the view. A submission
    that already lies in a view (a zygote's) is used as it is, with ``inputs`` and
    ``staging`` (then in the same view) as given.
    """

    isolation: Isolation

    def __init__(self, limits: Limits, submission: Path, inputs: Path, scratch: Path | None = None):
        self.limits = limits
        self.submission = Path(submission)
        self.inputs = Path(inputs)
        self.scratch = Path(scratch) if scratch is not None else None
        self.view = None  # the neutral folder of what the student process sees (view_folder)
        self._filled = True  # whether the view holds its copies (see _fill_view)
        self._given = None  # (submission, inputs) as given, if this sandbox makes its own view
        self.fds = []  # descriptors the next command needs passed (the filter)

    def _plan_view(self, staging: Path) -> Path:
        """Choose the view (``view_folder``) and the paths in it: the submission, the inputs,
        the library (returned) and the scratch folder. A submission already in a view (the
        zygote's ``submissions/``, whose owner fills and removes it) is used as it is; else
        this sandbox makes its own view and fills it (``_fill_view``)."""
        if is_view(self.submission.parent):
            self.view = self.submission.parent
            return staging
        self.view = view_folder()
        self._filled = False
        self._given = (self.submission, self.inputs)
        self.submission, self.inputs = self.view / "submission", self.view / "in"
        if self.scratch is not None:
            self.scratch = self.view / "scratch"
        return self.view / "lib"

    def _fill_view(self) -> None:
        """Once: a copy of the submission in the view (hard links where it can), the view's
        inputs folder, whose path the grader's inputs folder becomes a link to (the grader
        writes the inputs there), and the scratch folder."""
        if self._filled:
            return
        self._filled = True
        given_submission, given_inputs = self._given
        try:
            shutil.copytree(given_submission, self.submission, symlinks=True, copy_function=os.link)
        except OSError:
            remove_tree(self.submission)
            shutil.copytree(given_submission, self.submission, symlinks=True)
        self.inputs.mkdir(mode=0o755)
        os.chmod(self.inputs, 0o755)
        if given_inputs.is_symlink() or given_inputs.exists():
            remove_tree(given_inputs)
        given_inputs.symlink_to(self.inputs)
        if self.scratch is not None:
            self.scratch.mkdir()

    def prepare(self) -> None:
        """Before the first student process: nothing to do here."""

    def close(self) -> None:
        """After the last student process: a view of this sandbox's own is removed."""
        if self._given is not None:
            remove_view(self.view)

    def where(self) -> dict:
        """The paths the student process sees: {"submission", "inputs", "cwd"}."""
        return {"submission": str(self.submission), "inputs": str(self.inputs), "cwd": str(self.scratch or self.inputs)}

    def command(self, argv: list, env: dict) -> tuple:
        """(argv, env) that run ``argv`` (a Python command) in the sandbox; the descriptors
        in ``self.fds`` must be passed to it (``pass_fds``) and closed after (``close_fds``)."""
        raise NotImplementedError

    def describe(self) -> str:
        """One line for logs and reports."""
        raise NotImplementedError

    def start(self, argv: list, env: dict, log, pass_fds: tuple, cwd) -> subprocess.Popen:
        """Start ``argv`` (a Python command) in the sandbox, in a session of its own, with an
        empty stdin, stdout and stderr to ``log`` (an open file or a descriptor), and the descriptors
        ``pass_fds`` (which the caller still closes); in the uid fallback, in its scratch folder
        rather than ``cwd``."""
        cmd, env = self.command(argv, env)
        try:
            return subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                pass_fds=(*pass_fds, *self.fds),
                cwd=self._cwd(cwd),
                env=env,
                start_new_session=True,
            )
        finally:
            self.close_fds()

    def _cwd(self, cwd):
        """The folder the command starts in, given the caller's ``cwd``."""
        return cwd

    def close_fds(self) -> None:
        """Close the descriptors of the last command (once it has started)."""
        close_quietly(self.fds)
        self.fds = []

    def limit_args(self, own_uid: bool = True) -> list:
        """prlimit(1) and its arguments: the resource limits, set on the command it runs and
        inherited by everything that starts (bwrap, setpriv, the student process, its children).
        A command rather than a Popen preexec_fn, which is unsafe in a threaded grader.
        ``own_uid``: the student process runs as a uid of its own; else it keeps this one,
        whose other processes count too (RLIMIT_NPROC)."""
        lim, cpu = self.limits, int(self.limits.cpu_time)
        nproc = lim.processes + (0 if own_uid else _processes_of(os.getuid()))
        return [
            _PRLIMIT,
            f"--as={lim.memory}",
            f"--cpu={cpu}:{cpu + 5}",
            f"--fsize={lim.file_size}",
            "--core=0",
            f"--nproc={nproc}",
            "--",
        ]


class LimitsOnly(Sandbox):
    """No isolation, the resource limits only: the student process runs as this user in
    ``scratch`` (or ``inputs``) and can read what it can read. For trusted submissions."""

    isolation = Isolation.LIMITS_ONLY

    def __init__(self, limits, submission, inputs, staging=None, scratch=None):
        super().__init__(limits, submission, inputs, scratch)

    def command(self, argv: list, env: dict) -> tuple:
        self.close_fds()
        return self.limit_args(own_uid=False) + list(argv), env

    def describe(self) -> str:
        return "no sandbox (limits only)"


class Bubblewrap(Sandbox):
    """The student process in a bubblewrap sandbox (the module's docstring); as root, as a
    sandbox uid of its own. Raises RuntimeError (why) if bubblewrap is not usable here."""

    isolation = Isolation.BUBBLEWRAP

    def __init__(self, limits, submission, inputs, staging, scratch=None):
        problem = bubblewrap_problem()
        if problem:
            raise RuntimeError(problem)
        super().__init__(limits, submission, inputs, scratch)
        self.staging = student_process_library(self._plan_view(Path(staging)))
        self._uid = sandbox_uid() if os.geteuid() == 0 else None  # None: this user, in a user namespace

    def prepare(self) -> None:
        """Make the submission readable by the sandbox user (the view is filled by the first
        ``command``: a submission that a zygote serves needs none)."""
        if self._uid is not None:
            make_readable(self.submission if self._filled else self._given[0])  # hard links share modes

    def where(self) -> dict:
        return {"submission": SUBMISSION_AT, "inputs": INPUTS_AT, "cwd": TMP_AT}

    def command(self, argv: list, env: dict) -> tuple:
        self.close_fds()
        self._fill_view()
        readable = [(p, p) for p in python_paths()]
        readable += [
            (self.staging, LIB_AT),
            (STUDENT_PROCESS_PACKAGE, f"{LIB_AT}/autograder/student_process"),
            (assets_dir(), ASSETS_AT),
            (self.submission, SUBMISSION_AT),
            (self.inputs, INPUTS_AT),
        ]
        readable = [(Path(s), d) for s, d in readable if Path(s).exists()]
        env = dict(
            env,
            PYTHONPATH=LIB_AT,
            HOME=TMP_AT,
            MPLCONFIGDIR=f"{TMP_AT}/matplotlib",
            KERAS_HOME=f"{TMP_AT}/keras",
            TMPDIR=TMP_AT,
            A3_ASSETS=ASSETS_AT,
        )
        self.fds = [filter_fd()]
        cmd = [
            *self.limit_args(own_uid=self._uid is not None),
            shutil.which("bwrap"),
            *_namespace_args(),
            *_mount_args(readable, self.limits.file_size),
            "--seccomp",
            str(self.fds[0]),
            "--chdir",
            TMP_AT,
            "--",
        ]
        if self._uid is not None:
            cmd += [
                shutil.which("setpriv"),
                f"--reuid={self._uid}",
                f"--regid={self._uid}",
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs",
            ]
        argv = [os.path.abspath(argv[0]), *argv[1:]]  # no '..' through folders the sandbox lacks
        return cmd + argv, env

    def describe(self) -> str:
        who = f"uid {self._uid}" if self._uid is not None else "this user in a user namespace"
        return f"bubblewrap, {who}, no network, seccomp"


def _uids_running() -> set:
    """The uids of the processes alive now."""
    uids = set()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                uids.add(entry.stat().st_uid)
            except OSError:
                pass
    return uids


def _processes_of(uid: int) -> int:
    """Processes and threads of ``uid`` now (what RLIMIT_NPROC counts)."""
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    with open(f"/proc/{entry.name}/status") as fh:
                        for line in fh:
                            if line.startswith("Threads:"):
                                count += int(line.split()[1])
                                break
            except OSError:
                pass
    return count
