"""A submission carried by its grading task, for workers that do not share the ``a3 grade``
process's file system (a Dask cluster, ``--scheduler``).

:func:`pack` (in the ``a3 grade`` process) reads a submission into a :class:`Parcel`: a zip's
bytes as they are, or a folder packed into a zip made here (deterministic: sorted entries,
fixed times; the files grading would copy, hidden folders and caches skipped as
submission._copy_folder does; a symbolic link is carried as a link, never followed, so the
worker refuses it as a local run does), with its sha256. A submission larger than the limit
raises :class:`ParcelTooLarge` (a SubmissionLayoutError: the batch records it as that
submission's row, "could not be opened", and goes on). :func:`unpack` (on the worker) checks
the hash and writes the submission back, under its own name, into a folder the worker made,
so that its id, fingerprint and grading are those of a local run.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.submission import MAX_FILES, SKIPPED_DIRS, SubmissionLayoutError

MAX_PARCEL_BYTES = 64 * 2**20  # what one task may carry to a worker
_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries' time: the same folder packs to the same bytes


class ParcelTooLarge(SubmissionLayoutError):
    """The submission is larger than a task may carry; the message names it and the limit."""


@dataclass(frozen=True)
class Parcel:
    """A submission as bytes: ``name`` (its file or folder name, which gives its id),
    ``folder`` (True: ``data`` is a zip of a folder made by pack; False: the file's bytes
    as they are), ``data`` and ``sha256`` (hex digest of ``data``)."""

    name: str
    folder: bool
    data: bytes
    sha256: str


def _too_large(path: Path, size: str, limit: int) -> ParcelTooLarge:
    return ParcelTooLarge(
        f"{path.name} is {size}, more than the {limit / 2**20:g} MiB a grading task may carry "
        f"to a Dask worker (--scheduler); grade it without --scheduler, or make it smaller"
    )


def pack(path: Path, limit: int = MAX_PARCEL_BYTES) -> Parcel:
    """The Parcel of the submission at ``path`` (a file: its bytes; a folder: a zip of it).
    Raises ParcelTooLarge when the file, or the folder's files together, exceed ``limit``
    bytes (a folder is not read past the limit), or the folder holds more than MAX_FILES
    entries. A missing path gives an empty file Parcel (the worker's grading says so)."""
    path = Path(path)
    if not path.is_dir():
        if path.is_file() and path.stat().st_size > limit:
            raise _too_large(path, f"{path.stat().st_size} bytes", limit)
        data = path.read_bytes() if path.is_file() else b""
        return Parcel(path.name, False, data, hashlib.sha256(data).hexdigest())
    buf = io.BytesIO()
    total = count = 0
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
            for name in dirs + sorted(files):  # hidden files too, as _copy_folder copies them
                entry = Path(root) / name
                rel = entry.relative_to(path).as_posix()
                count += 1
                if count > MAX_FILES:
                    raise _too_large(path, f"more than {MAX_FILES} files", limit)
                if entry.is_symlink():
                    info = zipfile.ZipInfo(rel, _TIME)
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    zf.writestr(info, os.readlink(entry))
                elif entry.is_dir():
                    zf.writestr(zipfile.ZipInfo(rel + "/", _TIME), b"")
                elif entry.is_file():
                    total += entry.stat().st_size
                    if total > limit:
                        raise _too_large(path, f"more than {total} bytes", limit)
                    info = zipfile.ZipInfo(rel, _TIME)
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, entry.read_bytes(), zipfile.ZIP_DEFLATED)
    data = buf.getvalue()
    return Parcel(path.name, True, data, hashlib.sha256(data).hexdigest())


def unpack(parcel: Parcel, dest: Path) -> Path:
    """Write ``parcel`` into the empty folder ``dest`` (made by the worker) and return the
    submission's path there (``dest/<name>``). Raises ValueError if the bytes do not match
    their hash or a folder's entry would leave ``dest``."""
    if hashlib.sha256(parcel.data).hexdigest() != parcel.sha256:
        raise ValueError(f"{parcel.name}: the submission's bytes do not match their sha256 (damaged in transit)")
    if "/" in parcel.name or parcel.name in ("", ".", ".."):
        raise ValueError(f"refusing the submission name {parcel.name!r}")
    target = Path(dest) / parcel.name
    if not parcel.folder:
        target.write_bytes(parcel.data)
        return target
    target.mkdir()
    with zipfile.ZipFile(io.BytesIO(parcel.data)) as zf:
        for info in zf.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise ValueError(f"{parcel.name}: refusing the entry {info.filename!r}")
            out = target / name
            out.parent.mkdir(parents=True, exist_ok=True)
            if info.is_dir():
                out.mkdir(exist_ok=True)
            elif stat.S_ISLNK(info.external_attr >> 16):
                os.symlink(zf.read(info).decode(), out)  # refused, never followed, by the grader
            else:
                out.write_bytes(zf.read(info))
    return target
