"""Every report of one submission, written together: ``results.json`` (report.results_json),
``feedback.md`` (report.feedback_text) and ``feedback.html`` (feedback_html.feedback_html)."""

from __future__ import annotations

import json
from pathlib import Path

from autograder.grade.files import atomic_write
from autograder.grade.reports.feedback_html import feedback_html
from autograder.grade.reports.report import feedback_text, results_json


def write_submission_reports(result, config, out_dir: Path, release: bool = False, extra=None) -> Path:
    """Write ``<out>/<id>/results.json``, ``feedback.md`` and ``feedback.html``; returns the folder."""
    folder = Path(out_dir) / result.id
    atomic_write(folder / "results.json", json.dumps(results_json(result, config, extra), indent=2) + "\n")
    atomic_write(folder / "feedback.md", feedback_text(result, config, release, extra))
    atomic_write(folder / "feedback.html", feedback_html(result, config, release, extra))
    return folder
