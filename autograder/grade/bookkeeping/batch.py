"""Grade a class: many submissions into one output folder, in parallel, resumable.

``grade_many`` sends every submission that is not graded yet to a pool of workers (a local
pool, one process per core by default, or a Dask cluster: grade/bookkeeping/pool.py) as the same task
(grade/bookkeeping/task.py), and as each one comes back writes its reports, then its record
(``<out>/<id>/graded.json``), then the gradebooks, each file atomically. So stopping the batch
at any point (Ctrl-C, a killed process, a reboot) loses at most the submissions being graded;
rerunning the same command skips every submission whose record matches its files and the
grading setup (grade/bookkeeping/record.py) and grades the rest. The setup is kept per part: a
record made by a ``--parts`` run is current for those parts, and a later run grades only the
parts it does not hold. ``regrade`` forces some ids again.
One submission's failure never stops the batch.

The gradebooks, the TAs' files and the class page are made from every record in the output
folder, not only from this run's submissions: grading one late submission (or one part) into
a folder adds or replaces that row and keeps the others. A run of some parts on a submission
already graded from the same files keeps its other parts' scores. A submission leaves the
gradebook when its folder ``<out>/<id>/`` is deleted (and it is not given again).
A submission that could not be graded (grader error, timed out) is recorded with its status
but is not current, so the next run grades it again.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from autograder.config import Config
from autograder.fixture_store import FIXTURE_DIR
from autograder.grade.reports.class_page import load_plotting, write_class_page
from autograder.grade.bookkeeping.gradebook import GRADED, format_table, write_gradebooks
from autograder.grade.judging.grader import zero_result
from autograder.grade.bookkeeping.late import (
    EXTENSIONS_FILE,
    Extension,
    extension_for,
    late_penalty,
    read_extensions,
    student_id,
    submission_time,
)
from autograder.grade.bookkeeping.manual import export_manual, manual_questions, read_manual_scores
from autograder.grade.bookkeeping.pool import open_pool
from autograder.grade.bookkeeping.record import (
    RECORD_NAME,
    parts_to_grade,
    read_record,
    setup_fingerprint,
    submission_fingerprint,
    write_record,
)
from autograder.grade.reports.per_submission import write_submission_reports
from autograder.grade.reports.report import slowest_text
from autograder.grade.bookkeeping.similarity import keep_submitted_code, write_similarity_report
from autograder.grade.bookkeeping.task import grade_task
from autograder.grade.results import Entry, Record, SubmissionResult, SubmissionStatus
from autograder.submission import SubmissionLayoutError, submission_id

IGNORED_SUFFIXES = (".meta.json", EXTENSIONS_FILE)  # metadata beside the submissions (grade/bookkeeping/late.py)


def find_submissions(args: list[Path]) -> list[Path]:
    """The submissions named on the command line: a zip or a folder holding ``cs231n/`` is
    one; any other folder is a folder of submissions, each entry of which is graded (a stray
    file gets a row saying it is not a submission); hidden entries (.git, .DS_Store),
    __MACOSX and metadata files (``<id>.meta.json``) are skipped. A path that does not exist
    is returned as it is (grade_many refuses it)."""
    paths = []
    for path in args:
        if path.is_dir() and not (path / "cs231n").exists():
            paths += sorted(
                c
                for c in path.iterdir()
                if not c.name.startswith(".") and c.name != "__MACOSX" and not c.name.endswith(IGNORED_SUFFIXES)
            )
        else:
            paths.append(path)
    return paths


class _Stop(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is."""


def _on_sigterm(signum, frame):
    raise _Stop()


def _who_and_when(path: Path) -> dict:
    """{"student_id", "submitted_at" (ISO text or ""), "time_source", "extension" (None or
    {"due": ISO text or "", "extra_days"})} of a submission: plain JSON, kept in its record."""
    when, source = submission_time(path)
    ext = extension_for(path)
    return {
        "student_id": student_id(path),
        "submitted_at": when.isoformat(timespec="seconds") if when else "",
        "time_source": source,
        "extension": None
        if ext is None
        else {"due": ext.due.isoformat() if ext.due else "", "extra_days": ext.extra_days},
    }


def _extension(who: dict) -> Extension | None:
    ext = who.get("extension")
    if not ext:
        return None
    return Extension(
        datetime.datetime.fromisoformat(ext["due"]) if ext.get("due") else None, float(ext.get("extra_days", 0.0))
    )


def _when(who: dict):
    try:
        return datetime.datetime.fromisoformat(who.get("submitted_at") or "")
    except ValueError:
        return None


def _entry(result, who: dict, manual_scores: dict, manual_qs: list, config) -> Entry:
    sid = result.id
    manual = {q.id: manual_scores[(sid, q.id)] for q in manual_qs if (sid, q.id) in manual_scores}
    return Entry(
        result,
        who.get("student_id") or sid,
        who.get("submitted_at", ""),
        who.get("time_source", ""),
        late_penalty(_when(who), config.late, _extension(who)),
        manual,
    )


def class_records(out_dir: Path) -> dict:
    """{submission id: results.Record} of every submission recorded in ``out_dir`` (grade/bookkeeping/record.py)."""
    records = {}
    for path in sorted(Path(out_dir).glob(f"*/{RECORD_NAME}")):
        record = read_record(out_dir, path.parent.name)
        if record is not None and record.result.id == path.parent.name:
            records[path.parent.name] = record
    return records


def merge_parts(old: Record | None, new: Record, config: Config) -> Record:
    """``new`` record, with the questions of ``old`` that ``new`` does not have (and the
    configuration still has) and their parts' setup fingerprints, when both were made from the
    same files and both were graded (or neither could be: a submission that cannot be opened
    keeps a zero in every question): a ``--parts`` run keeps the other parts."""
    graded = SubmissionStatus.GRADED
    if not old or old.fingerprint != new.fingerprint or (old.result.status is graded) != (new.result.status is graded):
        return new
    questions = {qid: q for qid, q in old.result.questions.items() if qid in config.questions}
    questions.update(new.result.questions)
    order = {qid: i for i, qid in enumerate(config.questions)}
    merged = {qid: questions[qid] for qid in sorted(questions, key=lambda qid: order.get(qid, len(order)))}
    manual = dict(old.manual, **new.manual)
    setup = {p: sha for p, sha in old.setup.items() if p in config.parts}
    setup.update(new.setup)
    result = dataclasses.replace(new.result, questions=merged)
    return dataclasses.replace(new, result=result, manual=manual, setup=setup)


def _gradebook_parts(config, parts, results) -> list:
    """The parts of the run, and every part some record holds a question of, in config order."""
    held = {q.part for r in results.values() for q in r.questions.values()}
    return [p for p in config.parts if p in parts or p in held]


def grade_many(
    paths: list[Path],
    config: Config,
    parts: list[str],
    out_dir: Path,
    quiet: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    regrade: tuple | list = (),
    release: bool = False,
    fixture_dir: Path = FIXTURE_DIR,
    similarity: bool = True,
) -> int:
    """Grade each path not graded yet; write per submission ``results.json``, ``feedback.md``,
    ``feedback.html`` and ``graded.json``, the TAs' ``manual/`` files, ``grades.csv`` and
    ``lms.csv`` and the class page ``index.html`` (with the similarity report
    ``similarity.html`` unless ``similarity`` is False), all of every submission recorded in
    ``out_dir``; print the gradebook and name the submissions that could not be graded.

    Inputs: paths (submission folders or zips), config, parts (ids), out_dir; workers (local
    pool size, default the number of cores) or scheduler (a Dask scheduler address); regrade
    (submission ids graded again even if current); release (show hidden cases' messages).
    Returns the exit status: 0, 2 for bad arguments (nothing graded), 130 when stopped.
    """
    by_id = {}
    for p in paths:
        by_id.setdefault(submission_id(p), []).append(p)
    refusal = _refusal(paths, workers, regrade, by_id)
    if refusal:
        print(f"a3 grade: {refusal}", file=sys.stderr)
        return 2
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    records = class_records(out_dir)  # the class so far: every row is kept
    setup = setup_fingerprint(config, parts, fixture_dir)
    todo_parts = {  # submission id -> the parts its record does not hold for these files
        sid: list(parts) if sid in regrade else parts_to_grade(records.get(sid), submission_fingerprint(path), setup)
        for sid, (path,) in by_id.items()
    }
    current = {sid for sid, missing in todo_parts.items() if not missing}
    todo = [path for sid, (path,) in sorted(by_id.items()) if sid not in current]
    pool = None
    try:
        if todo:  # first: its workers start up while the run reads the TAs' files
            pool = open_pool(min(workers or os.cpu_count() or 1, len(todo)), scheduler, warm=(config, parts))
        run = _open_run(config, parts, out_dir, fixture_dir, release, quiet, by_id, records, setup)
        run.todo_parts = todo_parts
    except BaseException:
        if pool is not None:
            pool.close(cancel=True)
        raise
    if similarity:
        for sid in sorted(current):  # a folder graded before this existed
            keep_submitted_code(by_id[sid][0], out_dir / sid, refresh=False)
    status = 0
    if todo:
        status = _run(run, todo, pool, skipped=len(by_id) - len(todo))
    else:
        run.say(f"all {len(by_id)} submissions are graded already (use --regrade ID to grade one again)")
    if status:
        return status
    _write_class_files(run, similarity, graded_now={submission_id(p) for p in todo})
    return 0


def _refusal(paths, workers, regrade, by_id: dict) -> str:
    """Why ``a3 grade`` refuses these arguments before grading anything, or ""."""
    if not paths:
        return "no submissions found"
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        return f"no such file or folder: {', '.join(missing)} (nothing was graded)"
    if workers is not None and workers < 1:
        return f"--workers must be at least 1 (got {workers})"
    dupes = sorted(i for i, ps in by_id.items() if len(ps) > 1)
    if dupes:
        return f"several submissions share the id(s) {', '.join(dupes)}"
    unknown = sorted(set(regrade) - set(by_id))
    if unknown:
        return f"--regrade {', '.join(unknown)}: no such submission among those given"
    return ""


@dataclass
class _Run:
    """One ``a3 grade`` run: what it grades with, where it writes, and the class so far (every
    record in ``out_dir``, filled in as submissions come back)."""

    config: Config
    parts: list
    book_parts: list  # the parts of the gradebook: the run's and those the records hold
    setup: dict  # record.setup_fingerprint: {part: fingerprint}
    fixture_dir: Path
    out_dir: Path
    release: bool
    quiet: bool
    manual_qs: list
    manual_scores: dict
    records: dict = field(default_factory=dict)  # submission id -> Record (graded.json)
    results: dict = field(default_factory=dict)  # submission id -> SubmissionResult
    answers: dict = field(default_factory=dict)  # submission id -> written answers
    who: dict = field(default_factory=dict)  # submission id -> _who_and_when
    todo_parts: dict = field(default_factory=dict)  # submission id -> the parts this run grades
    fresh: dict = field(default_factory=dict)  # submission id -> what this run graded (before merging)

    def say(self, msg: str) -> None:
        if not self.quiet:
            print(msg, file=sys.stderr, flush=True)

    def entry(self, sid: str) -> Entry:
        return _entry(self.results[sid], self.who.get(sid, {}), self.manual_scores, self.manual_qs, self.config)

    def entries(self) -> list:
        return [self.entry(sid) for sid in self.results]


def _open_run(
    config, parts, out_dir: Path, fixture_dir: Path, release: bool, quiet: bool, by_id: dict, records: dict, setup: str
) -> _Run:
    """The run's state from ``out_dir``'s ``records`` (class_records), the TAs' scores and the
    submissions' metadata; prints the problems found in the TAs' files and the extensions."""
    results = {sid: r.result for sid, r in records.items()}
    book_parts = _gradebook_parts(config, parts, results)
    manual_qs = manual_questions(config, book_parts)
    manual_scores, problems = read_manual_scores(out_dir, manual_qs)
    for problem in problems:
        print(f"a3 grade: {problem}", file=sys.stderr)
    for folder in sorted({p.parent for (p,) in by_id.values()}):
        for problem in read_extensions(folder)[1]:
            print(f"a3 grade: {problem} (row ignored)", file=sys.stderr)
    who = {sid: r.who or {} for sid, r in records.items()}
    who.update({sid: _who_and_when(p) for sid, (p,) in by_id.items()})  # once: a class may have 700
    return _Run(
        config,
        parts,
        book_parts,
        setup,
        fixture_dir,
        out_dir,
        release,
        quiet,
        manual_qs,
        manual_scores,
        records,
        results,
        {sid: r.manual for sid, r in records.items()},
        who,
    )


def _write_class_files(run: _Run, similarity: bool, graded_now: set) -> None:
    """Every submission's reports, the TAs' pages, the gradebooks, the similarity report and
    the class page, from every record; print the gradebook, what could not be graded and the
    slowest questions of the submissions graded now (``graded_now``: their ids)."""
    config, out_dir, book_parts, manual_qs = run.config, run.out_dir, run.book_parts, run.manual_qs
    final = run.entries()
    for e in final:  # late rules and TAs' scores may have changed
        write_submission_reports(e.result, config, out_dir, run.release, e)
    if manual_qs:
        export_manual(run.answers, manual_qs, out_dir)
    book = write_gradebooks(final, config, book_parts, manual_qs, out_dir)
    report = None
    if similarity:
        try:
            report = write_similarity_report(out_dir, [e.id for e in final if e.status == GRADED])
        except Exception as exc:  # the gradebook is written; a failed report costs only itself
            traceback.print_exc(file=sys.stderr)
            print(f"a3 grade: the similarity report could not be made: {type(exc).__name__}: {exc}", file=sys.stderr)
    page = write_class_page(final, config, book_parts, out_dir, similarity=report)
    if not run.quiet:
        print(format_table(final, config, book_parts, manual_qs))
        print(
            f"\ngradebook: {book} (and lms.csv)\nreports:   {out_dir}/<submission>/feedback.html, "
            f"feedback.md, results.json"
            + (f"\nwritten answers: {out_dir}/manual/" if manual_qs else "")
            + (f"\nsimilarity: {report}" if report else "")
        )
    _name_failures(final)
    slow = slowest_text(run.fresh[sid] for sid in sorted(graded_now) if sid in run.fresh)
    if slow and not run.quiet:
        print(f"\n{slow}", file=sys.stderr)
    if not run.quiet:
        print(f"class page: {page.resolve()}")


def _name_failures(entries) -> None:
    """Print every submission of the class that is not graded, with its status and reason."""
    bad = sorted((e for e in entries if e.status != GRADED), key=lambda e: e.id)
    if bad:
        print(f"\nnot graded ({len(bad)}):", file=sys.stderr)
        for e in bad:
            print(f"  {e.id}: {e.status}: {e.reason}", file=sys.stderr)


def failure_status(exc: Exception) -> tuple[SubmissionStatus, str]:
    """(status, reason) of a task that raised ``exc``: a SubmissionLayoutError (such as
    parcel.ParcelTooLarge) is the submission's own, ``could not be opened``, with its message;
    a TimeoutError (the pool's deadline) ``timed out`` (its message, without a leading
    "timed out: "); anything else ``grader error``, with the exception's type and message."""
    if isinstance(exc, SubmissionLayoutError):
        return SubmissionStatus.UNOPENED, str(exc)
    if isinstance(exc, TimeoutError):
        return SubmissionStatus.TIMED_OUT, str(exc).removeprefix("timed out: ") or SubmissionStatus.TIMED_OUT.value
    return SubmissionStatus.GRADER_ERROR, f"{type(exc).__name__}: {exc}"


def _failure_record(sid: str, config, parts, setup: dict, exc: Exception, who: dict) -> Record:
    """A record for a submission whose grading failed (failure_status): zero points with the
    status (its empty fingerprint makes the next run retry)."""
    status, reason = failure_status(exc)
    text = status.error_text(reason)
    result = SubmissionResult.failed(
        sid, {q.id: zero_result(q, text) for q in config.questions_in(parts)}, status, reason
    )
    return Record(result, "", {p: setup[p] for p in parts}, {}, "", 0.0, who)


class _Failed:
    """A task that was never sent (its submission could not be carried): ``result()`` raises
    ``exc``, as a failed future would."""

    def __init__(self, exc: Exception):
        self.exc = exc

    def result(self):
        raise self.exc


def _record_one(run: _Run, path: Path, future) -> str:
    """Keep what the pool returned for ``path`` (or a failure record): its reports, its record,
    then the gradebooks (so a stop keeps what is done). Returns the submission's status."""
    sid = submission_id(path)
    try:
        record = dataclasses.replace(Record.from_dict(future.result()), who=run.who[sid])
    except Exception as exc:  # the pool's deadline, a grader or worker failure
        if not isinstance(exc, (SubmissionLayoutError, TimeoutError)):
            traceback.print_exc(file=sys.stderr)
        record = _failure_record(sid, run.config, run.todo_parts[sid], run.setup, exc, run.who[sid])
    run.fresh[sid] = record.result
    record = merge_parts(run.records.get(sid), record, run.config)
    run.records[sid] = record
    run.results[sid] = result = record.result
    run.answers[sid] = record.manual
    status = result.status
    if status == GRADED:
        keep_submitted_code(path, run.out_dir / sid)
    elif status.retried:
        record.fingerprint = ""  # kept in the gradebook, graded again by the next run
    write_submission_reports(result, run.config, run.out_dir, run.release, run.entry(sid))
    write_record(run.out_dir, record)
    write_gradebooks(run.entries(), run.config, run.book_parts, run.manual_qs, run.out_dir)
    return status


def _run(run: _Run, todo: list, pool, skipped: int) -> int:
    """Grade ``todo`` on ``pool`` (open_pool), then close it; fills the run's ``records``,
    ``results`` and ``answers``. Returns 0, or 130 if stopped."""
    old_term = signal.signal(signal.SIGTERM, _on_sigterm)
    bar = None
    failed, done = [], 0
    try:
        others = len(set(run.results) - {submission_id(p) for p in todo}) - skipped
        partial = sum(run.todo_parts.get(submission_id(p), run.parts) != list(run.parts) for p in todo)
        run.say(
            f"{skipped} already graded, {len(todo)} to grade on a {pool.describe()}"
            + (f" ({partial} of them only in the parts their record lacks)" if partial else "")
            + (f" ({others} more in the gradebook)" if others > 0 else "")
        )
        threading.Thread(target=load_plotting, name="a3-load-plotting", daemon=True).start()  # idle now
        bar = tqdm(total=len(todo), unit="submission", disable=run.quiet, file=sys.stderr, dynamic_ncols=True)
        futures, unsent = {}, []
        fixtures = None if Path(run.fixture_dir) == FIXTURE_DIR else str(run.fixture_dir)  # the worker's own
        for path in todo:
            missing = run.todo_parts[submission_id(path)]
            setup = {p: run.setup[p] for p in missing}
            try:
                carried = pool.carry(path)  # its path, or (Dask) its bytes
            except SubmissionLayoutError as exc:  # too large to carry: its row says so
                unsent.append((path, _Failed(exc)))
                continue
            futures[pool.submit(grade_task, carried, run.config, missing, setup, fixtures)] = path
        arrived = ((futures[f], f) for f in pool.as_completed(list(futures)))  # each as it comes back
        for path, future in itertools.chain(unsent, arrived):
            if _record_one(run, path, future) != GRADED:
                failed.append(submission_id(path))
            done += 1
            bar.set_postfix_str(
                f"done {done}, not graded {len(failed)}"
                + (f" ({', '.join(failed[:3])}{', ...' if len(failed) > 3 else ''})" if failed else "")
                + f", left {len(todo) - done}"
            )
            bar.update(1)
        pool.close()
        return 0
    except KeyboardInterrupt:
        pool.close(cancel=True)
        if bar is not None:
            bar.close()
        print(
            f"\na3 grade: stopped; {done} of {len(todo)} graded in this run, nothing lost: "
            f"rerun the same command to grade the rest",
            file=sys.stderr,
        )
        return 130
    finally:
        if bar is not None:
            bar.close()
        signal.signal(signal.SIGTERM, old_term)
