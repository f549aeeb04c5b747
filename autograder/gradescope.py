"""Grade one submission the Gradescope way: ``python -m autograder.gradescope``.

Run by the ``run_autograder`` script of the autograder zip that ``a3 build`` writes
(build/gradescope/autograder.zip, made by autograder/build/gradescope_zip.py). Reads the
submission from ``<root>/submission`` (a folder holding ``cs231n/``, or a single uploaded
zip), the submission time from ``<root>/submission_metadata.json`` (``created_at``, for the
late rules of grading_config.yml), grades it with this project's engine, and writes
``<root>/results/results.json`` (atomically). ``<root>`` is ``/autograder`` on Gradescope.
Hidden cases are marked ``after_published``: Gradescope shows their output only once the
grades are published.

Before grading it checks the grader's own environment (``autograder/grade/environment.py``);
on a fault, or when every case of a question fails in code students do not write, it grades
nobody: results.json says the autograder is broken and has no score (Gradescope then shows the
instructor a failed autograder, never a wrong grade), and the exit status is 3.
``--self-test REFERENCE`` (setup.sh's last step) grades the reference and fails unless it
scores full marks.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import sys
import tempfile
from pathlib import Path

from autograder.config import DEFAULT_CONFIG, load_config
from autograder.grade import environment
from autograder.grade.running import fallback
from autograder.grade.results import Entry
from autograder.grade.judging.grader import grade_submission
from autograder.grade.bookkeeping.late import late_penalty
from autograder.grade.files import atomic_write
from autograder.grade.reports.report import results_json


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


def broken(root: Path, message: str) -> int:
    """Write a results.json that says the autograder is broken and gives no score (Gradescope
    then reports the autograder's failure); print the message; return the exit status."""
    out = {"output": message, "visibility": "visible", "stdout_visibility": "visible"}
    atomic_write(root / "results" / "results.json", json.dumps(out, indent=2) + "\n")
    print(message, file=sys.stderr)
    return environment.EXIT_BROKEN


SELF_TEST_FAILED = 4  # setup.sh's status when the reference does not score full marks


def self_test(reference: Path, config_path: str) -> int:
    """Grade ``reference`` (the reference solution) as Gradescope would, in a temporary
    autograder tree; 0 if it scores full marks, else the reason and a non-zero status
    (``setup.sh`` fails the image build then)."""
    config = load_config(config_path)
    total = sum(p.points for p in config.parts.values())
    with tempfile.TemporaryDirectory(prefix="a3-self-test-") as tmp:
        root = Path(tmp)
        shutil.copytree(reference, root / "submission")
        status = main(["--root", str(root), "--config", str(config_path)])
        if status:
            print(f"self-test: the autograder failed (status {status}): the image is not usable", file=sys.stderr)
            return status
        out = json.loads((root / "results" / "results.json").read_text())
    if out["score"] != total:
        lost = [f"{t['name']}: {t.get('output', '')[:300]}" for t in out["tests"] if t["score"] < t["max_score"]]
        print(f"self-test: the reference scored {out['score']:g} / {total:g}, not full marks:", file=sys.stderr)
        print("\n".join(lost), file=sys.stderr)
        return SELF_TEST_FAILED
    print(f"self-test: the reference scored full marks ({total:g}): the autograder is ready")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m autograder.gradescope", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default="/autograder", help="Gradescope's folder (default /autograder)")
    ap.add_argument("--parts", help="comma-separated part ids (default: all)")
    ap.add_argument("--config", default=DEFAULT_CONFIG)
    ap.add_argument("--self-test", metavar="REFERENCE", help="grade the reference folder; fail unless full marks")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test(Path(args.self_test), args.config)
    root = Path(args.root)
    config = load_config(args.config)
    parts = args.parts.split(",") if args.parts else list(config.parts)
    found = environment.faults(config, parts)
    if found:  # no score: Gradescope shows the instructor a failed autograder, not a wrong grade
        return broken(root, environment.broken_message(found))
    try:
        isolation = fallback.announce()  # no bubblewrap in Gradescope's Docker: the uid fallback
    except fallback.IsolationRefused as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    with fallback.closed_while_grading(isolation, root):  # all of /autograder but the venv and assets
        result = grade_submission(find_submission(root / "submission"), config, parts)
    faults = [f"{q.id}: {q.fault}" for q in result.questions.values() if q.fault]
    if faults:  # every case of a question failed in given code: the environment, not the student
        return broken(root, environment.broken_message(faults))
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
