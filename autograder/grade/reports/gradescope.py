"""Grade one submission the Gradescope way: ``python -m autograder.grade.reports.gradescope``.

Run by the ``run_autograder`` script of the autograder zip that ``a3 build`` writes
(build/gradescope/autograder.zip, made by autograder/build/gradescope_zip.py). Reads the
submission from ``<root>/submission`` (a folder holding ``cs231n/``, or a single uploaded
zip), the submission time from ``<root>/submission_metadata.json`` (``created_at``, for the
late rules of grading_config.yml), grades it with this project's engine, and writes
``<root>/results/results.json`` (atomically). ``<root>`` is ``/autograder`` on Gradescope.
Hidden cases are marked ``after_published``: Gradescope shows their output only once the
grades are published.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from autograder.config import DEFAULT_CONFIG, load_config
from autograder.grade.running import fallback
from autograder.grade.bookkeeping.gradebook import Entry
from autograder.grade.judging.grader import grade_submission
from autograder.grade.bookkeeping.late import late_penalty
from autograder.grade.reports.report import atomic_write, results_json


def find_submission(folder: Path) -> Path:
    """The folder itself, or the single zip uploaded into it."""
    zips = sorted(folder.glob("*.zip"))
    if not (folder / "cs231n").exists() and len(zips) == 1:
        return zips[0]
    return folder


def submitted_at(root: Path):
    try:
        meta = json.loads((root / "submission_metadata.json").read_text())
        when = datetime.datetime.fromisoformat(str(meta["created_at"]).replace("Z", "+00:00"))
        return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m autograder.grade.reports.gradescope", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--root", default="/autograder", help="Gradescope's folder (default /autograder)")
    ap.add_argument("--parts", help="comma-separated part ids (default: all)")
    ap.add_argument("--config", default=DEFAULT_CONFIG)
    args = ap.parse_args(argv)
    root = Path(args.root)
    config = load_config(args.config)
    parts = args.parts.split(",") if args.parts else list(config.parts)
    try:
        isolation = fallback.announce()  # no bubblewrap in Gradescope's Docker: the uid fallback
    except fallback.IsolationRefused as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    with fallback.closed_while_grading(isolation, root):  # all of /autograder but the venv and assets
        result = grade_submission(find_submission(root / "submission"), config, parts)
    result.id = "submission"
    when = submitted_at(root)
    entry = Entry(
        result,
        "submission",
        when.isoformat() if when else "",
        "metadata" if when else "unknown",
        late_penalty(when, config.late),
    )
    out = results_json(result, config, entry)
    atomic_write(root / "results" / "results.json", json.dumps(out, indent=2) + "\n")
    print(f"score {out['score']:g} / {sum(config.parts[p].points for p in parts):g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
