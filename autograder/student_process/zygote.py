"""The pre-started student process (``python -m autograder.student_process --zygote``).

It runs inside the sandbox, once per grading process, imports the libraries every
submission needs (numpy, and TensorFlow with Keras for the TensorFlow parts: the 3 to 7 s
each student process used to pay), runs no TensorFlow operation (a process whose runtime
has started its threads cannot fork safely), and then forks one child per submission: the
child is an ordinary student process (``serve``), the zygote only waits for orders.

Orders come on the control socket (fd ``--fd-control``), one JSON line each, with file
descriptors attached (``socket.recv_fds``; the messages are control.py's types):
- ``Fork`` (``{"op": "fork", "submission": path, "seed": n}``) with three descriptors
  (requests, replies, log): fork a child that serves that submission; answer ``Forked``
  (``{"forked": pid}``).
- ``Clean`` (``{"op": "clean", "wait": s}``): kill every process of the sandbox but itself
  (the child, and whatever the child started), reap the child, empty ``/tmp`` and
  ``/dev/shm``; answer ``Cleaned`` (``{"clean": true, "changed": [], "status": exit status
  of the child or null, "cpu": own CPU seconds}``).
  The grader cleans after every submission, so the next one finds no process, file or
  shared memory left by the one before (System V IPC and POSIX message queues are
  refused by the seccomp filter; grade/running/sandbox.py lists every kind of state). A
  child may have changed the zygote's limits, priority or CPU affinity (``prlimit`` and
  ``setpriority`` work on any process of the same uid): then ``clean`` is false and the
  grader throws the zygote away, so no later child inherits them.
The zygote makes itself non-dumpable, so a child (same uid, no capabilities) can neither
trace it nor read its memory or descriptors through ``/proc``; it imports nothing after
its first fork and drops the working folder from ``sys.path``, so no file a child writes
is ever loaded by it. A child can still kill or stop it: the grader then notices (no
answer in time) and starts a fresh zygote; only that child's submission is affected.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import sys
import time

from autograder.student_process.control import Clean, Cleaned, Fork, Forked, Hello, Refused, order_from_wire

PR_SET_DUMPABLE = 4
WIPED = ("/tmp", "/dev/shm")
MAX_ORDER_BYTES = 65536


def preload(names: list):
    """Import the libraries every child needs (none of them may start a thread); return the
    tamper.Snapshot of what is loaded then, which every child inherits."""
    import numpy  # noqa: F401

    if "tensorflow" in names:
        import keras  # noqa: F401
        import tensorflow  # noqa: F401
    from autograder.student_process import calls  # noqa: F401
    from autograder.student_process.package import StudentPackage  # noqa: F401
    from autograder.student_process.protocol import send  # noqa: F401
    from autograder.student_process.tamper import Snapshot

    return Snapshot()


def own_state() -> dict:
    """What a child could change in this process from outside (same uid, no capabilities):
    its resource limits, priority, CPU affinity and scheduling policy, which every later
    child would inherit. The zygote refuses to go on when they changed (see ``main``)."""
    import resource

    limits = {name: resource.getrlimit(getattr(resource, name)) for name in dir(resource) if name.startswith("RLIMIT_")}
    return {
        "limits": limits,
        "priority": os.getpriority(os.PRIO_PROCESS, 0),
        "affinity": sorted(os.sched_getaffinity(0)),
        "scheduler": os.sched_getscheduler(0),
    }


def thread_count() -> int:
    """Threads of this process (the kernel's count: threads of C libraries too)."""
    return len(os.listdir("/proc/self/task"))


def _others() -> list:
    """Pids of the sandbox's live processes other than this one and the namespace's init."""
    me, pids = os.getpid(), []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in (1, me):
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != b"Z":
            pids.append(int(entry))
    return pids


def kill_others(reaped: dict, timeout: float = 5.0) -> bool:
    """SIGKILL every other process of the sandbox until none is left, adding the wait
    status of each child reaped to ``reaped``; False if some are still alive after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            os.kill(-1, signal.SIGKILL)  # all we may signal but ourselves and init
        except ProcessLookupError:
            pass
        reaped.update(_reap_all())
        if not _others():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)


def wait_for(pid: int, seconds: float) -> dict:
    """Wait up to ``seconds`` for child ``pid`` to end on its own: {pid: wait status} of
    the children reaped meanwhile."""
    deadline, reaped = time.monotonic() + seconds, {}
    while pid not in reaped and time.monotonic() < deadline:
        reaped.update(_reap_all())
        time.sleep(0.01)
    return reaped


def _reap_all() -> dict:
    """Reap this process's dead children: {pid: wait status}."""
    done = {}
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return done
        if pid == 0:
            return done
        done[pid] = status


def wipe(folders=WIPED) -> bool:
    """Empty the writable folders (a child may have made its folders unreadable). What is
    mounted inside them (the Python environment, bound at its own path, may lie under
    /tmp) is left alone, and so are the folders leading to it. False if it could not walk
    everything (e.g. folders nested deeper than the recursion limit)."""
    try:
        for folder in folders:
            if os.path.isdir(folder):
                _empty(folder)
        return True
    except (RecursionError, OSError):
        return False


def _empty(folder: str) -> None:
    device, made = os.lstat(folder).st_dev, []
    for dirpath, dirnames, filenames in os.walk(folder):
        kept = []
        for name in dirnames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            if info.st_dev != device:
                continue  # a mount point: not the children's
            if os.path.islink(path):
                filenames.append(name)
                continue
            try:
                os.chmod(path, 0o700)
            except OSError:
                pass
            kept.append(name)
            made.append(path)
        dirnames[:] = kept
        for name in filenames:
            try:
                os.unlink(os.path.join(dirpath, name))
            except OSError:
                pass
    for path in reversed(made):
        try:
            os.rmdir(path)
        except OSError:
            pass  # holds a mount point


def exit_code(status: int | None) -> int | None:
    """A wait status as Popen.returncode (negative: killed by that signal)."""
    if status is None:
        return None
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _fork_child(order: Fork, fds: list, control: socket.socket, serve, snapshot) -> int:
    """Fork the child of one submission; in the child, never return."""
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        return pid
    code = 0
    try:
        control.close()
        requests, replies, log = fds
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.setsid()
        os.chdir("/tmp")
        serve(order.submission, requests, replies, order.seed, snapshot)
    except BaseException:  # noqa: BLE001  (the child's end, whatever happened)
        code = 1
    finally:
        os._exit(code)


def main(control_fd: int, preloaded: list, serve) -> None:
    """Serve the grader's orders on ``control_fd`` until it closes the socket; a child
    runs ``serve(submission, fd_in, fd_out, seed)`` (__main__.serve)."""
    sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd(), "/tmp")]
    snapshot = preload(preloaded)
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    control = socket.socket(fileno=control_fd)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    answer = Hello(thread_count(), os.getpid())
    child, state = None, own_state()
    while True:
        control.sendall(json.dumps(answer.to_wire()).encode() + b"\n")
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, MAX_ORDER_BYTES, 3)
        except OSError:
            return
        if not data:
            return
        order = order_from_wire(json.loads(data))
        if isinstance(order, Fork) and len(fds) == 3 and thread_count() == 1:
            child = _fork_child(order, fds, control, serve, snapshot)
            answer = Forked(child)
        elif isinstance(order, Clean):
            for fd in fds:
                os.close(fd)
            reaped = wait_for(child, order.wait) if child else {}
            clean = kill_others(reaped) and wipe()
            status = reaped.get(child) if child else None
            child = None
            changed = [k for k, v in own_state().items() if v != state[k]]
            answer = Cleaned(clean and not changed, changed, exit_code(status), time.process_time())
        else:
            for fd in fds:
                os.close(fd)
            answer = Refused(f"unknown order, or not single-threaded ({thread_count()} threads)")
