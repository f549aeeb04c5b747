"""The class gradebook: ``grades.csv`` (a row per submission, a column per question) and
``lms.csv`` (for the LMS import: a student-id column, a column per part, the total). Both are
written atomically (a temporary file renamed over the old one), so a reader or a crash never
sees half a file. The batch (grade/bookkeeping/batch.py) passes every submission recorded in the output
folder, not only those of the current run, so a run adds or replaces rows and never drops one.

Each row has a ``status`` (``results.SubmissionStatus``, set by whoever decided it):
``graded``, ``could not be opened`` (no package, a broken zip, not a folder or zip), ``timed
out`` (the submission's deadline) or ``grader error`` (the grader failed, not the submission;
a rerun retries it), and the reason.
A question the submission's record does not hold (a part graded in no run) has an empty cell,
except in a row that is not ``graded``: it scores 0 in every question.

A part's score is its autograded questions plus its written (manual) questions as the TAs
scored them in ``manual/scores.csv``; late work multiplies every part by the late factor
(``Late.apply`` in grade/bookkeeping/late.py, the one place it is applied), so the parts add up
to the total in ``grades.csv``, ``lms.csv``, the class page, ``results.json`` and the feedback
alike. ``grades.csv`` keeps the raw question scores and shows the late days and factor.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from autograder.grade.files import atomic_write
from autograder.grade.results import Entry, SubmissionResult, SubmissionStatus

if TYPE_CHECKING:
    from autograder.config import Config

__all__ = ["Entry", "submission_status", "GRADED", "UNOPENED", "TIMED_OUT", "GRADER_ERROR"]


GRADED, UNOPENED = SubmissionStatus.GRADED, SubmissionStatus.UNOPENED
TIMED_OUT, GRADER_ERROR = SubmissionStatus.TIMED_OUT, SubmissionStatus.GRADER_ERROR


def submission_status(result: SubmissionResult) -> tuple[SubmissionStatus, str]:
    """(status, reason) of a SubmissionResult: the status its producer gave it (the grader,
    the grading task, the batch; results.SubmissionStatus) and why, "" when graded."""
    return result.status, result.reason


def grades_columns(config: Config, parts: list[str], manual_questions: list) -> list[str]:
    return (
        ["submission", "student_id", "status", "reason", "submitted_at"]
        + [q.id for q in config.questions_in(parts)]
        + [f"manual:{q.id}" for q in manual_questions]
        + [f"part:{p}" for p in parts]
        + ["late_days", "late_factor", "total"]
    )


def grades_csv(entries: list[Entry], config: Config, parts: list[str], manual_questions: list) -> str:
    """Per question: raw scores (empty for a question the record does not hold, 0 in a row
    that is not graded), manual scores
    (empty while not graded); parts after the late penalty (as in lms.csv), late, total."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(grades_columns(config, parts, manual_questions))
    for e in sorted(entries, key=lambda e: e.id):
        manual = []
        for q in manual_questions:
            score = e.manual.get(q.id, (None, ""))[0]
            manual.append("" if score is None else f"{score:g}")
        writer.writerow(
            [e.id, e.student_id, e.status, e.reason, e.submitted_at]
            + [
                f"{e.result.questions[q.id].score:g}"
                if q.id in e.result.questions
                else ("" if e.status == GRADED else "0")
                for q in config.questions_in(parts)
            ]
            + manual
            + [f"{e.part(p, manual_questions):g}" for p in parts]
            + [str(e.late.days), f"{e.late.factor:g}", f"{e.total(parts, manual_questions):g}"]
        )
    return buf.getvalue()


def lms_csv(entries: list[Entry], config: Config, parts: list[str], manual_questions: list) -> str:
    """For the LMS: student_id, a column per part (late penalty applied), total, and the status
    (check the rows that are not ``graded`` before importing)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["student_id"] + list(parts) + ["total", "status"])
    for e in sorted(entries, key=lambda e: (e.student_id, e.id)):
        writer.writerow(
            [e.student_id]
            + [f"{e.part(p, manual_questions):g}" for p in parts]
            + [f"{e.total(parts, manual_questions):g}", e.status]
        )
    return buf.getvalue()


def write_gradebooks(
    entries: list[Entry], config: Config, parts: list[str], manual_questions: list, out_dir: Path
) -> Path:
    """Write ``grades.csv`` and ``lms.csv`` atomically; returns the path of grades.csv."""
    out_dir = Path(out_dir)
    atomic_write(out_dir / "lms.csv", lms_csv(entries, config, parts, manual_questions))
    path = out_dir / "grades.csv"
    atomic_write(path, grades_csv(entries, config, parts, manual_questions))
    return path


def format_table(entries: list[Entry], config: Config, parts: list[str], manual_questions: list) -> str:
    """A plain-text table for the terminal: parts (after the late penalty) and totals."""
    head = ["submission"] + list(parts) + ["total", "late", "status"]
    rows = [
        [e.id]
        + [f"{e.part(p, manual_questions):g}" for p in parts]
        + [
            f"{e.total(parts, manual_questions):g}",
            f"{e.late.days}d" if e.late.days else "",
            "" if e.status == GRADED else e.status,
        ]
        for e in sorted(entries, key=lambda e: e.id)
    ]
    maxes = ["(out of)"] + [f"{config.parts[p].points:g}" for p in parts]  # written questions included
    maxes += [f"{sum(config.parts[p].points for p in parts):g}", "", ""]
    table = [head, maxes] + rows
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
        for row in table
    )
