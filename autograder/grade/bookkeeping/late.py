"""Late work: when a submission was handed in, who handed it in, and what being late costs.

The time comes from a metadata file next to the submission, ``<id>.meta.json`` beside
``<id>/`` or ``<id>.zip`` (written by whoever exports the submissions from the LMS, never by
the student: a file inside the submission would let a student set their own time), with
``submitted_at`` (ISO 8601, e.g. ``2026-03-02T10:15:00+00:00``; Gradescope's ``created_at``
is accepted too) and optionally ``student_id``. Without it, the file time is used: the zip's
modification time, or the newest file's in a folder (copy with ``cp -p`` / ``rsync -t`` to
keep it). The rules are ``late:`` in grading_config.yml (config.LateRules).

Per-student extensions: ``extensions.csv`` in the folder of the submissions (beside them and
their metadata files), one row per student: ``student_id`` (the metadata's, else the
submission id) and either ``due`` (a new due date, ISO 8601, with a time zone) or
``extra_days`` (added to the due date); an optional ``reason`` is for the instructor. The
extension moves the due date before any penalty is computed, and the reports say so.
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from autograder.grade.results import ON_TIME, Late  # re-exported: defined beside the Entry that holds one
from autograder.submission import submission_id

if TYPE_CHECKING:
    from autograder.config import LateRules

META_SUFFIX = ".meta.json"
EXTENSIONS_FILE = "extensions.csv"
EXTENSION_COLUMNS = ("student_id", "due", "extra_days", "reason")


@dataclass(frozen=True)
class Extension:
    """One student's extension (a row of extensions.csv): a new due date, or days added."""

    due: datetime.datetime | None = None
    extra_days: float = 0.0

    def new_due(self, due: datetime.datetime) -> datetime.datetime:
        return self.due if self.due is not None else due + datetime.timedelta(days=self.extra_days)


def read_extensions(folder: Path) -> tuple:
    """({student id: Extension}, [problems as "file:line: message"]) of ``folder/extensions.csv``
    ({} and no problem when there is none). A bad row is reported and ignored."""
    path = Path(folder) / EXTENSIONS_FILE
    return _read_extensions(str(path), _stamp(path))


def _stamp(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=64)
def _read_extensions(path: str, stamp) -> tuple:
    if stamp is None:
        return {}, []
    out, problems = {}, []
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            unknown = sorted(set(reader.fieldnames or ()) - set(EXTENSION_COLUMNS))
            if "student_id" not in (reader.fieldnames or ()) or unknown:
                return {}, [
                    f"{path}:1: the header should name student_id and due or extra_days "
                    f"(columns: {', '.join(EXTENSION_COLUMNS)})"
                    + (f"; unknown column(s) {', '.join(unknown)}" if unknown else "")
                ]
            for n, row in enumerate(reader, start=2):
                who = (row.get("student_id") or "").strip()
                due_text, days_text = (row.get("due") or "").strip(), (row.get("extra_days") or "").strip()
                if not who:
                    if due_text or days_text:
                        problems.append(f"{path}:{n}: no student_id")
                    continue
                if bool(due_text) == bool(days_text):
                    problems.append(f"{path}:{n}: {who}: give either due or extra_days (not both, not neither)")
                    continue
                if due_text:
                    try:
                        due = datetime.datetime.fromisoformat(due_text.replace("Z", "+00:00"))
                    except ValueError:
                        due = None
                    if due is None or due.tzinfo is None:
                        problems.append(
                            f"{path}:{n}: {who}: due {due_text!r} should be a date and time with a "
                            f"time zone, like 2027-06-14T23:59:00-07:00"
                        )
                        continue
                    ext = Extension(due=due)
                else:
                    try:
                        days = float(days_text)
                    except ValueError:
                        days = -1.0
                    if not 0 <= days < 10000:
                        problems.append(f"{path}:{n}: {who}: extra_days {days_text!r} should be a number of days >= 0")
                        continue
                    ext = Extension(extra_days=days)
                if who in out:
                    problems.append(f"{path}:{n}: {who} has a second row; the first one is used")
                    continue
                out[who] = ext
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [f"{path}: cannot be read: {exc}"]
    return out, problems


def extension_for(path: Path) -> Extension | None:
    """The extension of the submission at ``path`` (by its student id), from the
    extensions.csv beside it, or None."""
    return read_extensions(Path(path).parent)[0].get(student_id(path))


def metadata_path(path: Path) -> Path:
    path = Path(path)
    return path.parent / (submission_id(path) + META_SUFFIX)


def read_metadata(path: Path) -> dict:
    """The submission's metadata file as a dict ({} if there is none or it is unreadable)."""
    try:
        data = json.loads(metadata_path(path).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _parse_time(text) -> datetime.datetime | None:
    try:
        when = datetime.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def submission_time(path: Path) -> tuple:
    """(aware datetime or None, where it came from: "metadata", "file time" or "unknown")."""
    path = Path(path)
    meta = read_metadata(path)
    for key in ("submitted_at", "created_at"):
        if key in meta and (when := _parse_time(meta[key])):
            return when, "metadata"
    try:
        if path.is_file():
            stamp = path.stat().st_mtime
        else:
            stamps = [p.stat().st_mtime for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
            stamp = max(stamps) if stamps else path.stat().st_mtime
    except OSError:
        return None, "unknown"
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC), "file time"


def student_id(path: Path) -> str:
    """The student id for the LMS: ``student_id`` of the metadata file, else the submission id."""
    return str(read_metadata(path).get("student_id") or submission_id(Path(path)))


def late_penalty(when: datetime.datetime | None, rules: LateRules | None, extension: Extension | None = None) -> Late:
    """What being handed in at ``when`` costs under ``rules`` (config.LateRules or None),
    counted from the due date that ``extension`` (optional) sets."""
    if rules is None:
        return ON_TIME
    due = rules.due if extension is None else extension.new_due(rules.due)
    note = ""
    if extension is not None:
        days = (
            f" ({extension.extra_days:g} extra day{'s' if extension.extra_days != 1 else ''})"
            if extension.due is None
            else ""
        )
        note = (
            f"due {due.isoformat(sep=' ', timespec='minutes')}{days} instead of "
            f"{rules.due.isoformat(sep=' ', timespec='minutes')}"
        )
    if when is None:
        return Late(0, 1.0, "", note)
    over = (when - due).total_seconds() - rules.grace_minutes * 60
    if over <= 0:
        return Late(0, 1.0, "", note)
    days = math.ceil(over / 86400)
    if rules.max_days_late is not None and days > rules.max_days_late:
        return Late(
            days,
            0.0,
            f"{days} day{'s' if days > 1 else ''} late, more than the {rules.max_days_late} allowed: no points",
            note,
        )
    factor = max(0.0, 1.0 - rules.penalty_per_day * days)
    return Late(
        days, round(factor, 6), f"{days} day{'s' if days > 1 else ''} late: -{(1 - factor) * 100:g}% of the score", note
    )
