"""What starting and ending a student process takes, shared by the two ways it starts: on
its own (grade/running/student_process.py) and as a zygote's child (grade/running/zygote.py,
whose zygote is itself a student process started this way).

- :func:`student_process_env`: the environment it runs in.
- :func:`output_log`: the anonymous file that takes what it prints.
- :func:`kill_tree`: SIGKILL it, its process group and every descendant.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess

import psutil

from autograder.student_process.assets import ASSETS_ENV, assets_dir


def student_process_env() -> dict:
    """Environment of the student process: single-threaded BLAS and TensorFlow, no user site,
    no bytecode, and the public assets folder in A3_ASSETS."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k in ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
    }
    env.update(
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONNOUSERSITE="1",
        MPLBACKEND="Agg",
        TF_CPP_MIN_LOG_LEVEL="2",
        TF_NUM_INTEROP_THREADS="1",
        TF_NUM_INTRAOP_THREADS="1",
    )
    env[ASSETS_ENV] = str(assets_dir())
    return env


def output_log() -> int:
    """A new descriptor for a student process's stdout and stderr: an anonymous memory file
    (``memfd``), appended to, so that nothing inside names a host path (``/proc/self/fd/1``
    reads ``/memfd:output``) and the file-size limit still applies to what it prints. Its
    size is bounded by ``Limits.file_size``; it is freed when the grader closes it."""
    fd = os.memfd_create("output", os.MFD_CLOEXEC)
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_APPEND)
    return fd


def kill_tree(proc: subprocess.Popen) -> None:
    """SIGKILL ``proc``, its process group and every descendant, and reap it."""
    try:
        descendants = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        descendants = []
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for child in descendants:
        try:
            child.kill()
        except psutil.Error:
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
