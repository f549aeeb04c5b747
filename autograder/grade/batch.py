"""Grade a class: many submissions into one output folder, in parallel, resumable.

``grade_many`` sends every submission that is not graded yet to a pool of workers (a local
pool, one process per core by default, or a Dask cluster: grade/pool.py) as the same task
(grade/task.py), and as each one comes back writes its reports, then its record
(``<out>/<id>/graded.json``), then the gradebooks, each file atomically. So stopping the batch
at any point (Ctrl-C, a killed process, a reboot) loses at most the submissions being graded;
rerunning the same command skips every submission whose record matches its files and the
grading setup (grade/record.py) and grades the rest. ``regrade`` forces some ids again.
One submission's failure never stops the batch.
"""
from __future__ import annotations

import os
import signal
import sys
import traceback
from pathlib import Path

from tqdm import tqdm

from autograder.fixture_store import FIXTURE_DIR
from autograder.grade.gradebook import Entry, format_table, write_gradebooks
from autograder.grade.grader import SubmissionResult, zero_result
from autograder.grade.late import (EXTENSIONS_FILE, extension_for, late_penalty, read_extensions, student_id,
                                   submission_time)
from autograder.grade.manual import export_manual, manual_questions, read_manual_scores
from autograder.grade.pool import open_pool
from autograder.grade.record import (is_current, read_record, result_from_dict, setup_fingerprint,
                                     submission_fingerprint, write_record)
from autograder.grade.report import write_submission_reports
from autograder.grade.task import grade_task
from autograder.submission import submission_id

IGNORED_SUFFIXES = (".meta.json", EXTENSIONS_FILE)   # metadata beside the submissions (grade/late.py)


def find_submissions(args) -> list:
    """The submissions named on the command line: a zip or a folder holding ``cs231n/`` is
    one; any other folder is a folder of submissions, each entry of which is graded (a stray
    file gets a row saying it is not a submission); hidden entries (.git, .DS_Store),
    __MACOSX and metadata files (``<id>.meta.json``) are skipped."""
    paths = []
    for path in args:
        if path.is_dir() and not (path / "cs231n").exists():
            paths += sorted(c for c in path.iterdir() if not c.name.startswith(".") and c.name != "__MACOSX"
                            and not c.name.endswith(IGNORED_SUFFIXES))
        else:
            paths.append(path)
    return paths


class _Stop(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is."""


def _on_sigterm(signum, frame):
    raise _Stop()


def _who_and_when(path: Path) -> tuple:
    """(student id, submission time as ISO text or "", where the time came from, the time,
    the student's extension or None)."""
    when, source = submission_time(path)
    return (student_id(path), when.isoformat(timespec="seconds") if when else "", source, when,
            extension_for(path))


def _entry(result, who: tuple, manual_scores: dict, manual_qs: list, config) -> Entry:
    sid = result.id
    manual = {q.id: manual_scores[(sid, q.id)] for q in manual_qs if (sid, q.id) in manual_scores}
    return Entry(result, who[0], who[1], who[2], late_penalty(who[3], config.late, who[4]), manual)


def grade_many(paths, config, parts, out_dir: Path, quiet: bool = False, workers: int | None = None,
               scheduler: str | None = None, regrade=(), release: bool = False,
               fixture_dir: Path = FIXTURE_DIR) -> int:
    """Grade each path not graded yet; write per submission ``results.json``, ``feedback.md``,
    ``feedback.html`` and ``graded.json``, the TAs' ``manual/`` files, ``grades.csv`` and
    ``lms.csv``; print the gradebook.

    Inputs: paths (submission folders or zips), config, parts (ids), out_dir; workers (local
    pool size, default the number of cores) or scheduler (a Dask scheduler address); regrade
    (submission ids graded again even if current); release (show hidden cases' messages).
    Returns the exit status: 0, 2 for bad arguments, 130 when stopped (rerun to finish).
    """
    if not paths:
        print("a3 grade: no submissions found", file=sys.stderr)
        return 2
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_id = {}
    for p in paths:
        by_id.setdefault(submission_id(p), []).append(p)
    dupes = sorted(i for i, ps in by_id.items() if len(ps) > 1)
    if dupes:
        print(f"a3 grade: several submissions share the id(s) {', '.join(dupes)}", file=sys.stderr)
        return 2
    unknown = sorted(set(regrade) - set(by_id))
    if unknown:
        print(f"a3 grade: --regrade {', '.join(unknown)}: no such submission among those given", file=sys.stderr)
        return 2
    say = (lambda msg: None) if quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    setup = setup_fingerprint(config, parts, fixture_dir)
    manual_qs = manual_questions(config, parts)
    results, answers, todo = {}, {}, []
    for sid, (path,) in sorted(by_id.items()):
        record = read_record(out_dir, sid)
        if sid not in regrade and is_current(record, submission_fingerprint(path), setup):
            results[sid] = result_from_dict(record["result"])
            answers[sid] = record.get("manual", {})
        else:
            todo.append(path)
    manual_scores, problems = read_manual_scores(out_dir, manual_qs)
    for problem in problems:
        print(f"a3 grade: {problem}", file=sys.stderr)

    who = {sid: _who_and_when(p) for sid, (p,) in by_id.items()}     # once: a class may have 700
    for folder in sorted({p.parent for (p,) in by_id.values()}):
        for problem in read_extensions(folder)[1]:
            print(f"a3 grade: {problem} (row ignored)", file=sys.stderr)

    def entry(sid):
        return _entry(results[sid], who[sid], manual_scores, manual_qs, config)

    def entries():
        return [entry(sid) for sid in results]

    status = 0
    if todo:
        status = _run(todo, config, parts, setup, fixture_dir, out_dir, workers, scheduler, release,
                      results, answers, entry, entries, manual_qs, say, quiet, skipped=len(results))
    else:
        say(f"all {len(results)} submissions are graded already (use --regrade ID to grade one again)")
    if status:
        return status
    final = entries()
    for e in final:                                  # late rules and TAs' scores may have changed
        write_submission_reports(e.result, config, out_dir, release, e)
    if manual_qs:
        export_manual(answers, manual_qs, out_dir)
    book = write_gradebooks(final, config, parts, manual_qs, out_dir)
    if not quiet:
        print(format_table(final, config, parts, manual_qs))
        print(f"\ngradebook: {book} (and lms.csv)\nreports:   {out_dir}/<submission>/feedback.html, "
              f"feedback.md, results.json" + (f"\nwritten answers: {out_dir}/manual/" if manual_qs else ""))
    return 0


def _run(todo, config, parts, setup, fixture_dir, out_dir, workers, scheduler, release, results, answers,
         entry, entries, manual_qs, say, quiet, skipped) -> int:
    """Grade ``todo`` on a pool; fills ``results`` and ``answers``. Returns 0, or 130 if stopped."""
    old_term = signal.signal(signal.SIGTERM, _on_sigterm)
    pool = None
    bar = None
    failed = done = 0
    try:
        pool = open_pool(min(workers or os.cpu_count() or 1, len(todo)), scheduler)
        say(f"{skipped} already graded, {len(todo)} to grade on a {pool.describe()}")
        bar = tqdm(total=len(todo), unit="submission", disable=quiet, file=sys.stderr, dynamic_ncols=True)
        futures = {pool.submit(grade_task, str(path), config, parts, setup, str(fixture_dir)): path for path in todo}
        for future in pool.as_completed(list(futures)):
            path = futures[future]
            sid = submission_id(path)
            try:
                record = future.result()
                result = result_from_dict(record["result"])
            except Exception as exc:            # a grader or worker failure: no record, so a rerun retries it
                msg = f"internal grader error: {type(exc).__name__}: {exc}"
                traceback.print_exc(file=sys.stderr)
                result = SubmissionResult(sid, {q.id: zero_result(q, msg) for q in config.questions_in(parts)},
                                          error=msg)
                record = None
            results[sid] = result
            if record is not None:
                answers[sid] = record.get("manual", {})
            write_submission_reports(result, config, out_dir, release, entry(sid))
            if record is not None:
                write_record(out_dir, {k: record[k] for k in ("fingerprint", "setup", "result", "manual", "worker",
                                                               "seconds")})
            write_gradebooks(entries(), config, parts, manual_qs, out_dir)   # a stop keeps what is done
            done += 1
            failed += bool(result.error)
            bar.set_postfix_str(f"done {done}, failed {failed}, left {len(todo) - done}")
            bar.update(1)
        pool.close()
        return 0
    except KeyboardInterrupt:
        if pool is not None:
            pool.close(cancel=True)
        if bar is not None:
            bar.close()
        print(f"\na3 grade: stopped; {done} of {len(todo)} graded in this run, nothing lost: "
              f"rerun the same command to grade the rest", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
        signal.signal(signal.SIGTERM, old_term)
