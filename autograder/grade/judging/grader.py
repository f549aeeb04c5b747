"""Grade one submission: run the questions in student processes, compare the returned
arrays with the fixtures in this process, and score.

Parts whose resource limits are the same and that all use TensorFlow, or none of them, share
one student process (``process_groups``, grade/running/preload.py): the shipped
configuration gives every part the defaults, so the two numpy parts run in one process and
the three TensorFlow parts in another, TensorFlow is imported once per submission, not once
per TensorFlow part, and the numpy parts are graded while the TensorFlow process is
importing it. Questions stay isolated as before: one at a time, each under its own time
limit, a fresh process after a crash, a hang or a tamper. The shared process's CPU-time
limit is the sum of its parts' (each part keeps its budget); its memory, processes and
file-size limits are the ones its parts share.

``grade_submission(path, config)`` returns a :class:`SubmissionResult`; it never raises for
anything a submission does (a broken layout, a crash, a hang): that becomes a message and
a zero on the questions concerned.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from autograder.fixture_store import FIXTURE_DIR, read_fixture
from autograder.student_tools.compare import Check
from autograder.grade.running.exchange import private_folder, remove_tree
from autograder.grade.running.fallback import isolation_here
from autograder.grade.judging.images import case_images
from autograder.grade.results import CaseResult, QuestionResult, SubmissionResult, SubmissionStatus
from autograder.grade.running.preload import prestart
from autograder.grade.running.student_process import StudentProcess
from autograder.grade.running.sandbox import Isolation
from autograder.question_api import question_hooks
from autograder.student_tools.judging import judge_outputs
from autograder.submission import SubmissionLayoutError, open_submission, submission_id

if TYPE_CHECKING:
    from autograder.config import Config, Question
    from autograder.grade.running.student_process import CaseOutcome

STATUS_TEXT = {"error": "raised an error"}  # other statuses' messages say what happened


def judge_case(
    question: Question, case: str, run: CaseOutcome, inputs: dict, expected: dict | None, source: str | None = None
) -> list[Check]:
    """Turn one case's run into checks: the status first, then ``judge_outputs`` (shared
    with the public cases students run) with the hidden test's own ``check`` if it has one, else
    every expected output compared with the threshold; then, if the hidden test defines
    ``check_source(case, source, question)``, its checks on the text of the submitted file
    (``source``: parsed by the grader, never run)."""
    if run.status != "ok":
        prefix = STATUS_TEXT.get(run.status)
        text = f"{prefix}: {run.message}" if prefix else run.message
        if run.status == "not_implemented" and question.id not in text:  # a stub it depends on
            text = f"{question.id} could not be checked yet: {text}"
        return [Check("status", False, text)]
    hooks = question_hooks(question.id)
    return judge_outputs(question, case, run.outputs, expected, inputs, hooks.check, hooks.check_source, source)


def submitted_source(root: Path, question: Question) -> str | None:
    """The text of the submission's file of ``question`` (for hidden tests that inspect
    the code itself, e.g. "no loops"), or None if it cannot be read as UTF-8 text."""
    try:
        path = Path(root) / question.file
        if path.is_symlink() or path.stat().st_size > 2**20:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def case_points(points: float, n: int) -> list:
    """``points`` split over ``n`` cases in steps of 1e-4 (Gradescope's results.json shows 4
    decimals), adding up to ``points`` exactly: 2 over 3 cases is [0.6667, 0.6667, 0.6666]."""
    units = round(points * 10_000)
    base, extra = divmod(units, n)
    return [(base + (i < extra)) / 10_000 for i in range(n)]


def grade_question(question: Question, fixture: dict, runs: dict, source: str | None = None) -> QuestionResult:
    """Score a question: its points split evenly over its cases; a case scores when every
    check passes. ``fixture`` is {case: (inputs, expected)}, ``runs`` {case: CaseOutcome},
    ``source`` the text of the submitted file (only hidden tests with ``check_source`` use it)."""
    result = QuestionResult(question.id, question.part, question.points)
    for (case, visibility), per_case in zip(question.cases.items(), case_points(question.points, len(question.cases))):
        inputs, expected = fixture[case]
        try:
            checks = judge_case(question, case, runs[case], inputs, expected, source)
        except Exception as exc:  # a grader-side check failing on odd data: no points, say why
            checks = [Check("check", False, f"the returned values could not be checked: {type(exc).__name__}: {exc}")]
        passed = bool(checks) and all(c.passed for c in checks)
        shown = [c.message for c in checks if c.passed == passed]  # why it failed, or what passed
        images = (
            case_images(question_hooks(question.id).images, runs[case].outputs) if runs[case].status == "ok" else {}
        )
        result.cases.append(
            CaseResult(question.id, case, visibility, per_case if passed else 0.0, per_case, shown, passed, images)
        )
    return result


def note_uses(result: QuestionResult, config: Config, results: dict) -> None:
    """If ``result`` failed and its hidden test names the questions whose student functions
    its code runs (``USES``, e.g. the given style-transfer loop runs content_loss, ...),
    add to each failed case which functions those are and which of them fail their own
    questions in this submission (``results``: the questions graded so far)."""
    uses = question_hooks(result.id).uses
    if result.passed or not uses:
        return
    names = {qid: config.questions[qid].function.split("::")[-1] for qid in uses if qid in config.questions}
    listed = ", ".join(names.values())
    failing = [names[qid] for qid in names if qid in results and not results[qid].passed]
    unchecked = [names[qid] for qid in names if qid not in results]
    if failing:
        verdict = f"{', '.join(failing)} {'fails its' if len(failing) == 1 else 'fail their'} own question"
    elif unchecked:
        verdict = f"{', '.join(unchecked)} {'was' if len(unchecked) == 1 else 'were'} not graded in this run"
    else:
        verdict = "each of them passes its own question"
    note = f"this case runs your {listed}: {verdict} in this submission"
    for case in result.cases:
        if not case.passed:
            case.messages = list(case.messages) + [note]


def zero_result(question: Question, message: str) -> QuestionResult:
    """A question not graded at all (the submission could not be opened): 0, with the reason."""
    shares = case_points(question.points, len(question.cases))
    return QuestionResult(
        question.id,
        question.part,
        question.points,
        [
            CaseResult(question.id, c, v, 0.0, per_case, [message], False)
            for (c, v), per_case in zip(question.cases.items(), shares)
        ],
    )


_prepared: set = set()  # hidden-test modules whose prepare() this process has started
_prepared_lock = threading.Lock()


def start_preparing(questions: Iterable[Question]) -> None:
    """Call the optional ``prepare()`` of each question's hidden-test module in a background
    thread (e.g. importing TensorFlow and loading the grader's own model while the student
    process computes), once per process: a grading process kept across submissions loads
    it for the first one only. ``prepare`` must be idempotent and thread-safe, and its check
    must work whether or not it has finished (or failed)."""
    for q in questions:
        prepare = question_hooks(q.id).prepare
        with _prepared_lock:
            if prepare is None or prepare in _prepared:
                continue
            _prepared.add(prepare)
        threading.Thread(target=_quietly, args=(prepare,), name=f"prepare-{q.id}", daemon=True).start()


def _quietly(fn):
    try:
        fn()
    except Exception:  # the check itself will report what is wrong
        pass


def grade_submission(
    path,
    config,
    parts=None,
    fixture_dir: Path = FIXTURE_DIR,
    workdir: Path | None = None,
    progress=None,
    only=None,
    isolation: Isolation | None = None,
) -> SubmissionResult:
    """Grade the submission at ``path`` (folder or zip).

    Inputs:
    - config: the loaded grading configuration.
    - parts: part ids to grade (default: all).
    - fixture_dir: where the fixtures are.
    - workdir: scratch folder (default: a temporary one, removed afterwards).
    - progress: optional callable(question_id) called before each question.
    - isolation: how to isolate student code (sandbox.Isolation; ``BUBBLEWRAP`` fails where
      bubblewrap cannot run); None = what this machine can (fallback.isolation_here),
      chosen once, after the submission is opened.
    - only: optional set of question ids to grade (the others of the parts are left out).
    Returns a SubmissionResult with one QuestionResult per question of the chosen parts, in
    config order, each with the seconds it took.
    """
    start = time.monotonic()
    sid = submission_id(Path(path))
    parts = list(parts or config.parts)
    questions = [q for q in config.questions_in(parts) if only is None or q.id in only]
    groups = prestart(config, parts, questions, isolation)
    tmp = private_folder(workdir, prefix=f"a3-{sid}-")
    try:
        try:
            root = open_submission(Path(path), tmp / "submission")
        except SubmissionLayoutError as exc:
            results = {q.id: zero_result(q, f"not graded: {exc}") for q in questions}
            seconds = time.monotonic() - start
            return SubmissionResult.failed(sid, results, SubmissionStatus.UNOPENED, str(exc), seconds)
        # Expected values and submitted sources are read before any student code runs, so
        # nothing it does (even without the sandbox) can change what it is judged against.
        fixtures, sources = {}, {}
        for q in questions:
            try:
                fixtures[q.id] = read_fixture(q.id, fixture_dir)
                if question_hooks(q.id).check_source is not None:
                    sources[q.id] = submitted_source(root, q)
            except Exception as exc:
                fixtures[q.id] = exc
        start_preparing(questions)  # the grader's own work (a model to load) overlaps the student's
        isolation = isolation or isolation_here()
        results = {}
        for group, limits, preload in groups:
            with StudentProcess(
                root,
                tmp / f"work-{group[0]}",
                seed=config.seeds["fixtures"],
                limits=limits,
                isolation=isolation,
                preload=preload,
            ) as student:
                student.start()
                for q in (q for q in questions if q.part in group):
                    if progress:
                        progress(q.id)
                    results[q.id] = _grade_one(student, q, fixtures[q.id], sources.get(q.id), config, results)
    finally:
        remove_tree(tmp)  # iterative, never raises: nothing a submission leaves can stop it
    ordered = {q.id: results[q.id] for q in questions}
    faulty = [r.id for r in ordered.values() if r.fault]
    if faulty:
        why = f"the grader's environment failed {', '.join(faulty)} (see their messages)"
        return SubmissionResult.failed(sid, ordered, SubmissionStatus.GRADER_ERROR, why, time.monotonic() - start)
    return SubmissionResult(sid, ordered, seconds=time.monotonic() - start)


# exceptions that say the environment is wrong (a file, a module), not the arithmetic
ENVIRONMENT_ERRORS = ("FileNotFoundError", "ModuleNotFoundError", "ImportError", "OSError", "PermissionError")


def graded_files(config: Config) -> set:
    """The files of the package that hold a function students write (``cs231n/rnn_layers.py``,
    ...); the package's other files (``image_utils.py``, ``coco_utils.py``, ...) are given code."""
    return {q.file for q in config.questions.values() if not q.given}


def given_code_fault(runs: dict, written_files: set) -> str:
    """The error of a question whose every case raised the same environment error
    (``ENVIRONMENT_ERRORS``) in a file of given code: its innermost frame in the submission is
    in a file that holds no function students write (``written_files``), e.g. the weights
    loader ``cs231n/image_utils.py``. That is the grader's environment (a missing weights file,
    a missing package), not the student's work. "" otherwise (an error in a student's file,
    helpers included, or none in the submission at all, stays the student's).
    ``runs``: {case: CaseOutcome} whose error messages are ``StudentPackage.format_exception``'s
    text (the exception, then its innermost frame of the submission in parentheses)."""
    if not runs or any(r.status != "error" for r in runs.values()) or len({r.message for r in runs.values()}) != 1:
        return ""
    message = next(iter(runs.values())).message
    head = message.split("\n  called from ")[0]  # "<Error>: <text> (<file>, line <n>, in <function>: <code>)"
    at = head.rfind(" (cs231n/")
    innermost = head[at + 2 :].split(", line ")[0] if at >= 0 else None
    if head.split(":")[0].strip() in ENVIRONMENT_ERRORS and innermost and innermost not in written_files:
        return message
    return ""


def _grade_one(student: StudentProcess, q, fixture, source, config, results: dict) -> QuestionResult:
    """Run and judge question ``q`` in ``student`` (``fixture``: {case: (inputs, expected)}, or
    the exception that reading it raised; ``results``: the questions graded so far); its
    wall-clock seconds are kept in the result. A grader-side failure costs this question only."""
    begun = time.monotonic()
    try:
        if isinstance(fixture, Exception):
            raise fixture
        runs = student.run(q.id, {c: fixture[c][0] for c in q.cases}, q.time_limit)
        fault = given_code_fault(runs, graded_files(config))
        if fault:  # the grader's environment, not the student: reported as a grader error
            why = "every case raised the same error in code students do not write"
            result = zero_result(q, f"grader error: {why}:\n{fault}")
            result.fault = fault
        else:
            result = grade_question(q, fixture, runs, source)
            note_uses(result, config, results)
    except Exception as exc:
        student.kill()
        result = zero_result(q, f"internal grader error: {type(exc).__name__}: {exc}")
    result.seconds = round(time.monotonic() - begun, 3)
    return result
