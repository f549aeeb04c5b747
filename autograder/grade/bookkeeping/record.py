"""What is kept of a graded submission, so that a stopped batch loses nothing.

Each graded submission leaves ``<out>/<id>/graded.json`` (written atomically, last, after its
reports): its result, its fingerprint, and its manual answers. A rerun of the same command
reads these records and grades only the submissions without one, or whose fingerprint
changed (the submission's files, the grading configuration, the fixtures or the hidden
tests), so an edited resubmission is regraded without asking. A change of the engine's own
code (grade/, student_process/) is not detected: use a fresh output folder, or ``--regrade``.

A record is a :class:`~autograder.grade.results.Record` (its JSON: ``Record.to_dict``); plain
JSON also lets a grading task return it from another machine (a Dask worker) without pickling
student data.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from autograder.grade.files import atomic_write
from autograder.grade.results import RECORD_VERSION, Record, result_from_dict, result_to_dict

RECORD_NAME = "graded.json"
__all__ = ["Record", "RECORD_VERSION", "result_from_dict", "result_to_dict"]  # results.py's, kept here too


# -- fingerprints ----------------------------------------------------------------------
def _hash_file(h, path: Path) -> None:
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)


def submission_fingerprint(path: Path) -> str:
    """sha256 of a submission's content: a zip's bytes, or a folder's file names and bytes
    (the files grading copies: hidden entries and caches skipped). A missing path hashes to
    a fixed value, so it is regraded once it appears."""
    from autograder.submission import SKIPPED_DIRS

    path = Path(path)
    h = hashlib.sha256()
    if path.is_file():
        _hash_file(h, path)
    elif path.is_dir():
        for file in sorted(
            p
            for p in path.rglob("*")
            if not any(part.startswith(".") or part in SKIPPED_DIRS for part in p.relative_to(path).parts)
        ):
            if file.is_symlink() or not file.is_file():
                h.update(f"\0entry {file.relative_to(path).as_posix()}\0".encode())
                continue
            h.update(f"\0file {file.relative_to(path).as_posix()}\0".encode())
            _hash_file(h, file)
    else:
        h.update(b"missing")
    return h.hexdigest()


def setup_fingerprint(config, parts, fixture_dir: Path) -> dict:
    """{part id: sha256 of what grading that part depends on besides the submission}: the
    configuration file, the part's id, the fixtures of its questions and every hidden-test
    module (with their shared helpers). Kept per part, so that a record made by a ``--parts``
    run is current for those parts in a later run of other parts. Changes to the engine's
    own code are not included."""
    from autograder.config import REPO_ROOT

    config_bytes = Path(config.path).read_bytes()
    tests = sorted((REPO_ROOT / "autograder" / "hidden_tests").glob("*.py"))
    setups = {}
    for part in parts:
        h = hashlib.sha256(config_bytes)
        h.update(f"\0part {part}\0".encode())
        for path in [Path(fixture_dir) / f"{q.id}.h5" for q in config.questions_in([part])] + tests:
            h.update(f"\0{path.name}\0".encode())
            if path.exists():
                _hash_file(h, path)
        setups[part] = h.hexdigest()
    return setups


# -- records on disk -------------------------------------------------------------------
def record_path(out_dir: Path, sid: str) -> Path:
    return Path(out_dir) / sid / RECORD_NAME


def write_record(out_dir: Path, record: Record) -> Path:
    """Write ``<out>/<id>/graded.json`` atomically."""
    path = record_path(out_dir, record.result.id)
    atomic_write(path, json.dumps(record.to_dict(), indent=1) + "\n")
    return path


def read_record(out_dir: Path, sid: str) -> Record | None:
    """The record of a graded submission, or None (none, unreadable, of another version or
    of another shape)."""
    path = record_path(out_dir, sid)
    try:
        data = json.loads(path.read_text())
        if isinstance(data, dict) and data.get("version") == RECORD_VERSION:
            return Record.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def parts_to_grade(record: Record | None, fingerprint: str, setup: dict) -> list:
    """The parts of ``setup`` ({part: fingerprint}, setup_fingerprint) that ``record`` does not
    hold graded from these very files with this very grading setup, in ``setup``'s order
    (all of them without a record, for other files, or for a record of an older kind)."""
    held = record.setup if record and record.fingerprint == fingerprint else {}
    return [part for part, sha in setup.items() if held.get(part) != sha]


def is_current(record: Record | None, fingerprint: str, setup: dict) -> bool:
    """The record holds every part of ``setup``, made from these very files with this very
    grading setup."""
    return not parts_to_grade(record, fingerprint, setup)
