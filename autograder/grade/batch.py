"""Grade many submissions into one output folder: reports per submission, the gradebook,
and a table printed at the end. One submission's failure never stops the batch."""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

from tqdm import tqdm

from autograder.grade.grader import SubmissionResult, grade_submission, zero_result
from autograder.grade.report import format_gradebook, write_gradebook, write_submission_reports
from autograder.submission import submission_id


def find_submissions(args) -> list:
    """The submissions named on the command line: a zip or a folder holding ``cs231n/`` is
    one; any other folder is a folder of submissions, each entry of which is graded (a stray
    file gets a row saying it is not a submission); hidden entries (.git, .DS_Store) and
    __MACOSX are skipped."""
    paths = []
    for path in args:
        if path.is_dir() and not (path / "cs231n").exists():
            paths += sorted(c for c in path.iterdir() if not c.name.startswith(".") and c.name != "__MACOSX")
        else:
            paths.append(path)
    return paths


def grade_many(paths, config, parts, out_dir: Path, quiet: bool = False) -> int:
    """Grade each path, write ``out_dir/<id>/results.json``, ``feedback.md`` and
    ``out_dir/grades.csv``, print the gradebook. Returns the exit status (0)."""
    if not paths:
        print("a3 grade: no submissions found", file=sys.stderr)
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    ids = [submission_id(p) for p in paths]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        print(f"a3 grade: several submissions share the id(s) {', '.join(sorted(dupes))}", file=sys.stderr)
        return 2
    results = []
    bar = tqdm(paths, unit="submission", disable=quiet, file=sys.stderr)
    for path in bar:
        bar.set_postfix_str(submission_id(path))
        try:
            result = grade_submission(path, config, parts)
        except Exception as exc:     # a grader bug must not lose the other grades
            msg = f"internal grader error: {type(exc).__name__}: {exc}"
            traceback.print_exc(file=sys.stderr)
            qs = config.questions_in(parts)
            result = SubmissionResult(submission_id(path), {q.id: zero_result(q, msg) for q in qs}, error=msg)
        write_submission_reports(result, config, out_dir)
        results.append(result)
        book = write_gradebook(results, config, parts, out_dir)   # after each one: a crash keeps what is done
    print(format_gradebook(results, config, parts))
    print(f"\ngradebook: {book}\nreports:   {out_dir}/<submission>/results.json and feedback.md")
    return 0
