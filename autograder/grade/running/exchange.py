"""The grader-owned exchange with a student process: folders only the grader can write, files
read without following any name, and removal that cannot fail.

- :func:`private_folder`: a new folder of the grader's (mode 0700 unless told otherwise),
  inside which it writes the inputs of each question (:func:`write_inputs`). The student
  process gets the inputs folder read-only (bubblewrap binds it at ``/io/in``); it never gets
  a host folder it can write, and the grader never ``chmod``s, ``chown``s or writes by path
  inside a folder the student process can write.
- :func:`read_regular`: the bytes of a file in a folder the student process may have
  changed: opened with ``O_NOFOLLOW | O_NONBLOCK`` relative to a folder descriptor, checked
  with ``fstat`` to be a regular file of bounded size, read from that descriptor only. A
  symbolic link, a FIFO, a device or a folder raises :class:`UnsafeFile` with a message that
  says nothing about where it points. (Outputs of the bubblewrap sandbox come on the reply
  pipe and need no file at all; this is for the paths that still read a file.)
- :func:`remove_tree`: iterative removal (no recursion, so a folder chain thousands deep
  is no problem) that never follows a link and never raises.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from autograder.student_process.protocol import save_arrays

OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
DIR_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC


class UnsafeFile(Exception):
    """A file the grader was to read is not a regular file of bounded size."""


def private_folder(parent: str | Path | None = None, prefix: str = "a3-", mode: int = 0o700) -> Path:
    """A new folder (``tempfile.mkdtemp`` in ``parent``) that only the grader can write;
    ``mode`` 0o711 lets another user traverse it to a folder it was given by name."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(path, mode)
    return path


def write_inputs(in_root: Path, name: str, inputs: dict) -> Path:
    """Write each case's inputs ({case: {input name: ndarray}}) to ``in_root/name/<case>.npz``,
    readable by all, writable by the grader only; returns the folder. ``in_root`` must be a
    folder of the grader's that the student process cannot write."""
    folder = Path(in_root) / name
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    for case, arrays in inputs.items():
        path = folder / f"{case}.npz"
        save_arrays(path, arrays, allow_text=True)
        os.chmod(path, 0o644)
    return folder


def read_regular(folder: str | Path | int, name: str, max_bytes: int) -> bytes:
    """The bytes of the regular file ``name`` in ``folder`` (a path, or a descriptor of an
    open folder), at most ``max_bytes``. Raises FileNotFoundError if it is missing and
    UnsafeFile if it is anything but a regular file of at most ``max_bytes`` (a link, a
    FIFO, a device: it is never followed, never waited on, and the message does not say
    what it is)."""
    dir_fd = folder if isinstance(folder, int) else os.open(folder, DIR_FLAGS)
    try:
        try:
            fd = os.open(name, OPEN_FLAGS, dir_fd=dir_fd)
        except FileNotFoundError:
            raise
        except OSError:
            raise UnsafeFile(f"{name} is not a regular file") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UnsafeFile(f"{name} is not a regular file")
            if info.st_size > max_bytes:
                raise UnsafeFile(f"{name} is larger than {max_bytes} bytes")
            chunks, left = [], max_bytes + 1
            while left > 0:
                chunk = os.read(fd, min(left, 2**20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            if left <= 0:
                raise UnsafeFile(f"{name} is larger than {max_bytes} bytes")
            return b"".join(chunks)
        finally:
            os.close(fd)
    finally:
        if not isinstance(folder, int):
            os.close(dir_fd)


def close_quietly(fds) -> None:
    """Close each descriptor of ``fds``, ignoring any already closed."""
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def remove_tree(path: str | Path) -> str | None:
    """Remove ``path`` and everything under it without recursion and without following a
    link (a link is removed, not its target). Never raises: returns None when the path is
    gone, else what stopped it. Meant for folders no other process writes any more (the
    student processes that could write there are dead)."""
    path = os.fspath(path)
    try:
        try:
            fd = os.open(path, DIR_FLAGS)
        except FileNotFoundError:
            return None
        except OSError:  # not a folder (or a link to one): just the name
            os.unlink(path)
            return None
        names = []  # the folders from ``path`` down to ``fd``
        while True:
            try:
                os.fchmod(fd, 0o700)  # a folder the student made unreadable
            except OSError:
                pass
            child = None
            with os.scandir(fd) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        child = entry.name
                        break
                    os.unlink(entry.name, dir_fd=fd)
            if child is not None:
                sub = os.open(child, DIR_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = sub
                names.append(child)
                continue
            if not names:
                os.close(fd)
                os.rmdir(path)
                return None
            parent = os.open("..", DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = parent
            os.rmdir(names.pop(), dir_fd=fd)
    except Exception as exc:  # a clean-up must never cost a grade
        try:
            os.close(fd)
        except Exception:
            pass
        return f"could not remove {path}: {type(exc).__name__}: {exc}"
