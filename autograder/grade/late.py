"""Late work: when a submission was handed in, who handed it in, and what being late costs.

The time comes from a metadata file next to the submission, ``<id>.meta.json`` beside
``<id>/`` or ``<id>.zip`` (written by whoever exports the submissions from the LMS, never by
the student: a file inside the submission would let a student set their own time), with
``submitted_at`` (ISO 8601, e.g. ``2026-03-02T10:15:00+00:00``; Gradescope's ``created_at``
is accepted too) and optionally ``student_id``. Without it, the file time is used: the zip's
modification time, or the newest file's in a folder (copy with ``cp -p`` / ``rsync -t`` to
keep it). The rules are ``late:`` in grading_config.yml (config.LateRules).
"""
from __future__ import annotations

import datetime
import json
import math
from dataclasses import dataclass
from pathlib import Path

from autograder.submission import submission_id

META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Late:
    """What lateness costs one submission: ``factor`` multiplies its score."""
    days: int                  # started days late after the grace period (0: on time)
    factor: float              # 1.0 on time, 0.0 past max_days_late
    text: str                  # for the reports, e.g. "2 days late: -20%"


ON_TIME = Late(0, 1.0, "")


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
    return when if when.tzinfo else when.replace(tzinfo=datetime.timezone.utc)


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
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc), "file time"


def student_id(path: Path) -> str:
    """The student id for the LMS: ``student_id`` of the metadata file, else the submission id."""
    return str(read_metadata(path).get("student_id") or submission_id(Path(path)))


def late_penalty(when: datetime.datetime | None, rules) -> Late:
    """What being handed in at ``when`` costs under ``rules`` (config.LateRules or None)."""
    if rules is None or when is None:
        return ON_TIME
    over = (when - rules.due).total_seconds() - rules.grace_minutes * 60
    if over <= 0:
        return ON_TIME
    days = math.ceil(over / 86400)
    if rules.max_days_late is not None and days > rules.max_days_late:
        return Late(days, 0.0, f"{days} day{'s' if days > 1 else ''} late, more than the "
                               f"{rules.max_days_late} allowed: no points")
    factor = max(0.0, 1.0 - rules.penalty_per_day * days)
    return Late(days, round(factor, 6), f"{days} day{'s' if days > 1 else ''} late: "
                                        f"-{(1 - factor) * 100:g}% of the score")
