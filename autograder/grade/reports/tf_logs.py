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
import os
import re
import sys
import threading

TF_LOG_LINE = re.compile(
    rb"^(?:[IWEF]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ [\w./+-]+:\d+\]"  # absl / glog C++ lines
    rb"|WARNING: All log messages before absl::InitializeLog\(\) is called"
    rb"|(?:DEBUG|INFO|WARNING|ERROR):(?:tensorflow|absl|keras):)"
)  # Python loggers' default format
ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "ABSL_MIN_LOG_LEVEL": "3"}

_lock = threading.Lock()
_installed = []


def is_tensorflow_log(line: bytes) -> bool:
    return bool(TF_LOG_LINE.match(line))


def _pump(read_fd: int, write_fd: int) -> None:
    """Copy lines from ``read_fd`` to ``write_fd``, dropping TensorFlow's log lines. If this
    fails, file descriptor 2 is pointed back at the real standard error (never left blocked)."""
    buffer = b""
    try:
        while chunk := os.read(read_fd, 65536):
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            kept = b"".join(line + b"\n" for line in lines if not is_tensorflow_log(line))
            if kept:
                os.write(write_fd, kept)
        if buffer and not is_tensorflow_log(buffer):
            os.write(write_fd, buffer)
    except OSError:
        os.dup2(write_fd, 2)


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
        pump = threading.Thread(target=_pump, args=(read_fd, real), name="a3-stderr-filter", daemon=True)
        pump.start()
        _installed.append(real)
        atexit.register(_drain, real, pump)


def _drain(real: int, pump: threading.Thread) -> None:
    """At exit: point file descriptor 2 back at the real standard error, so that the filter
    reads the end of its pipe, and let it forward what is still in it (a daemon thread is
    otherwise stopped with the last lines, e.g. the error a command exits with, unwritten)."""
    try:
        sys.stderr.flush()
        os.dup2(real, 2)
        pump.join(timeout=2)
    except (OSError, ValueError):
        pass
