"""Opening a submission: a folder or a zip holding the filled-in ``cs231n/`` package and
the notebooks, unpacked or copied into a scratch folder (no absolute paths, no ``..``, no
links, bounded size and count): grading never runs in the instructor's copy. A wrong layout
raises :class:`SubmissionLayoutError` naming what is wrong."""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_FILES = 2000
MAX_TOTAL_BYTES = 300 * 2**20
PACKAGE_MARKER = Path("cs231n") / "__init__.py"
SKIPPED_DIRS = {"__pycache__", "__MACOSX", "datasets"}  # not copied from a submission folder


class SubmissionLayoutError(Exception):
    """The submission is not laid out as expected; the message says what was found."""


def submission_id(path: Path) -> str:
    """The id of a submission: its folder name or its zip's stem."""
    path = Path(path)
    return path.stem if path.suffix == ".zip" else path.name


def _extract(zip_path: Path, dest: Path) -> None:
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SubmissionLayoutError(f"{zip_path.name} is not a readable zip file ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_FILES:
            raise SubmissionLayoutError(
                f"{zip_path.name} holds {len(infos)} entries, more than the {MAX_FILES} allowed"
            )
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise SubmissionLayoutError(
                f"{zip_path.name} unpacks to {total} bytes, more than the {MAX_TOTAL_BYTES} allowed"
            )
        for info in infos:
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
                raise SubmissionLayoutError(
                    f"{zip_path.name}: refusing the entry '{info.filename}' (absolute path or '..')"
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise SubmissionLayoutError(f"{zip_path.name}: refusing the symbolic link '{info.filename}'")
        written = 0
        for info in infos:
            target = dest / info.filename
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > MAX_TOTAL_BYTES:
                        raise SubmissionLayoutError(f"{zip_path.name} unpacks to more than {MAX_TOTAL_BYTES} bytes")
                    out.write(chunk)


def _copy_folder(src: Path, dest: Path) -> None:
    """Copy a submission folder (bounded, no links), so grading never runs in, or writes
    to, the instructor's copy, and a link cannot point the grader at other files."""
    count = total = 0
    for root, dirs, files in os.walk(src):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]  # .venv, .git, caches
        for name in dirs + files:
            path = Path(root) / name
            if path.is_symlink():
                raise SubmissionLayoutError(f"{src.name}: refusing the symbolic link '{path.relative_to(src)}'")
        for name in files:
            path = Path(root) / name
            count += 1
            total += path.stat().st_size
            if count > MAX_FILES or total > MAX_TOTAL_BYTES:
                raise SubmissionLayoutError(f"{src.name}: more than {MAX_FILES} files or {MAX_TOTAL_BYTES} bytes")
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _find_root(folder: Path, label: str) -> Path:
    if (folder / PACKAGE_MARKER).is_file():
        return folder
    subdirs = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "__MACOSX"))]
    if len(subdirs) == 1 and (subdirs[0] / PACKAGE_MARKER).is_file():
        return subdirs[0]  # a zip of the folder instead of its contents: accept it
    found = sorted(str(p.relative_to(folder)) for p in folder.rglob("__init__.py") if p.parent.name == "cs231n")[:3]
    hint = f" (found {', '.join(found)})" if found else ""
    raise SubmissionLayoutError(
        f"{label}: no cs231n/__init__.py at the top of the submission{hint}; "
        f"pack it with `a3 submit` from the assignment folder"
    )


def open_submission(path: Path, scratch: Path) -> Path:
    """Return the folder that contains ``cs231n/`` for a submission folder or zip.

    Inputs: path of the submission; scratch, an empty folder to extract a zip into.
    Returns the root folder of the submission. Raises SubmissionLayoutError.
    """
    path = Path(path)
    if not path.exists():
        raise SubmissionLayoutError(f"{path}: no such file or folder")
    if path.is_file() and path.suffix != ".zip":
        raise SubmissionLayoutError(f"{path.name}: a submission is a folder or a .zip file")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    if path.is_file():
        _extract(path, scratch)
    else:
        _copy_folder(path, scratch)
    return _find_root(scratch, path.name)
