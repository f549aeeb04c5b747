"""Keep TensorFlow's log lines out of the instructor's terminal.

A grading process imports TensorFlow for some checks (Part 3's fooling images load the
grader's own model). TensorFlow 2.21 writes lines such as ``I0000 00:00:... port.cc:153]
oneDNN custom operations are on`` and ``WARNING: All log messages before absl::InitializeLog()
is called are written to STDERR`` from C++ before its logging is set up, so
``TF_CPP_MIN_LOG_LEVEL`` cannot hold them back. :func:`silence_tensorflow_logs` therefore sets
the variables (``TF_CPP_MIN_LOG_LEVEL``, absl's Python logging level) and passes the process's
standard error (file descriptor 2, which C++ writes to) through a filter thread that drops
the lines in TensorFlow's and absl's log formats and forwards every other line unchanged.
Called once per grading process (grade/bookkeeping/task.py); student processes write to their own log.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import select
import struct
import sys
import termios
import threading
import time

from autograder.student_tools.tf_quiet import TF_LOG_LINE  # one pattern for a3 check and the grader

ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "ABSL_MIN_LOG_LEVEL": "3"}

_lock = threading.Lock()
_installed = []


def is_tensorflow_log(line: bytes) -> bool:
    return bool(TF_LOG_LINE.match(line))


class _Filter:
    """The filter thread's state: the pipe's reading end ``read_fd`` (file descriptor 2
    writes into it), the real standard error ``real``, the unfinished last line, and a lock
    held while a chunk is read and forwarded."""

    def __init__(self, read_fd: int, real: int):
        self.read_fd, self.real = read_fd, real
        self.partial = b""
        self.busy = threading.Lock()

    def pump(self) -> None:
        """Copy lines from the pipe to the real standard error, dropping TensorFlow's log
        lines, until the pipe ends. If this fails, file descriptor 2 is pointed back at the
        real standard error (never left blocked)."""
        try:
            while True:
                select.select([self.read_fd], [], [])
                with self.busy:
                    chunk = os.read(self.read_fd, 65536)  # readable: does not block
                    if not chunk:
                        self._flush()
                        return
                    *lines, self.partial = (self.partial + chunk).split(b"\n")
                    kept = b"".join(line + b"\n" for line in lines if not is_tensorflow_log(line))
                    if kept:
                        os.write(self.real, kept)
        except OSError:
            os.dup2(self.real, 2)

    def _flush(self) -> None:
        if self.partial and not is_tensorflow_log(self.partial):
            os.write(self.real, self.partial)
        self.partial = b""

    def drain(self, timeout: float = 2.0) -> None:
        """At exit: point file descriptor 2 back at the real standard error and forward what
        the pipe still holds (a daemon thread is otherwise stopped with the last lines, e.g.
        the error a command exits with, unwritten). It returns as soon as the pipe is empty,
        not when it ends: the grading process, a child, keeps its own copy of the pipe."""
        try:
            sys.stderr.flush()
            os.dup2(self.real, 2)
        except (OSError, ValueError):
            return
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self.busy:
                if _pending(self.read_fd) == 0:
                    self._flush()
                    return
            time.sleep(0.01)


def _pending(fd: int) -> int:
    """Bytes waiting in the pipe ``fd`` (-1 if that cannot be known)."""
    try:
        return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
    except OSError:
        return -1


def silence_tensorflow_logs() -> None:
    """Set TensorFlow's logging variables and filter this process's standard error (see the
    module's docstring). Idempotent; call it before TensorFlow is imported."""
    with _lock:
        if _installed:
            return
        for key, value in ENV.items():
            os.environ.setdefault(key, value)
        try:
            import absl.logging

            absl.logging.set_verbosity(absl.logging.ERROR)
        except ImportError:
            pass
        sys.stderr.flush()
        real = os.dup(2)
        read_fd, write_fd = os.pipe()
        os.dup2(write_fd, 2)
        os.close(write_fd)
        pipe = _Filter(read_fd, real)
        threading.Thread(target=pipe.pump, name="a3-stderr-filter", daemon=True).start()
        _installed.append(real)
        atexit.register(pipe.drain)
