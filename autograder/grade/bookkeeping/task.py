"""The grading task: one submission in, plain JSON data out.

:func:`grade_task` is the one function every way of running a batch calls: the local pool
(one process per worker on this machine) and a Dask cluster (``--scheduler``) alike. It runs
in a worker process and returns only JSON-able data; the caller, never the worker, writes
the reports and the gradebook. A local pool's task gets the submission's path; a Dask
cluster's gets the submission itself (a parcel.Parcel: its bytes and their sha256), which the
worker writes into a private folder of its own: no path of the ``a3 grade`` machine is needed
on a worker (no shared file system), only this project installed.

The grading itself (:func:`~autograder.grade.judging.grader.grade_submission`, which starts the
student processes and compares) runs in a *grading process*: a child of the worker, kept
for the next submission, with an address-space limit (``GRADER_MEMORY``) and a deadline per
submission (:func:`submission_deadline`, from its questions' time limits). If the grading
process passes the deadline or dies (out of memory, a crash), the task kills it and every
process under it (its student processes' sandboxes go with them), removes its temporary
folder, and returns a zero result for that submission whose ``error`` says what happened
("timed out: ..." or "grader error: the grading process died (...)"), with a record like
any other; the worker and every other submission of the run go on. The next task starts a
new grading process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from autograder.fixture_store import FIXTURE_DIR

GRADER_MEMORY = 8 * 2**30  # address space of a grading process (TensorFlow's import maps ~3 GiB)
PART_STARTUP = 90.0  # per part: start a student process, import its libraries, clean up (kept
# per part though parts share a process: a crash's restart imports them again)
QUESTION_SLACK = 15.0  # per question: write inputs, compare, restart after a failure


def submission_deadline(config, parts) -> float:
    """Seconds a grading process may take for one submission of ``parts``: the questions'
    wall-clock limits, plus a start-up allowance per part and some slack per question. Parts
    that share a student process (preload.process_groups) keep their allowance: fewer start-ups
    only leave more of the deadline unused."""
    questions = config.questions_in(parts)
    return sum(q.time_limit + QUESTION_SLACK for q in questions) + PART_STARTUP * len(parts)


def grade_task(submission, config, parts: list, setup: dict, fixture_dir: str | None = None) -> dict:
    """Grade a submission in a grading process, within its deadline.

    Inputs:
    - submission: the submission's path (folder or zip) as a string, or a parcel.Parcel
      (unpacked into a private folder of this worker, removed after grading).
    - config: the loaded Config (pickled to the worker).
    - parts: part ids to grade.
    - setup: the grading-setup fingerprints of ``parts`` (record.setup_fingerprint), stored in
      the record.
    - fixture_dir: where the fixtures are (default: the committed ones).
    Returns the JSON data of the submission's results.Record (``Record.to_dict``: its
    fingerprint, ``setup``, result, manual answers ({question id: answer}), worker and seconds).
    """
    from autograder.grade.bookkeeping.manual import extract_answers
    from autograder.grade.bookkeeping.record import submission_fingerprint
    from autograder.grade.reports.tf_logs import silence_tensorflow_logs

    from autograder.grade.bookkeeping.parcel import unpack
    from autograder.grade.results import Record, result_from_dict
    from autograder.grade.running.exchange import private_folder, remove_tree

    silence_tensorflow_logs()  # once per worker process: a3's terminal stays a3's
    started = time.time()
    inbox = None
    if isinstance(submission, str):
        path = submission
    else:  # carried by the task: written under its own name into this worker's folder
        inbox = private_folder(prefix="a3-submission-", mode=0o711)
        path = str(unpack(submission, inbox))
    try:
        fingerprint = submission_fingerprint(Path(path))  # before grading: a later edit is regraded
        with ThreadPoolExecutor(1) as reader, _supervisor() as supervisor:  # the written answers
            answers = reader.submit(extract_answers, Path(path), config, parts)  # are read meanwhile
            result = supervisor.grade(
                path, config, parts, fixture_dir or str(FIXTURE_DIR), submission_deadline(config, parts)
            )
            manual = answers.result()
    finally:
        if inbox is not None:
            remove_tree(inbox)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    return Record(result_from_dict(result), fingerprint, setup, manual, worker, time.time() - started).to_dict()


def warm_up(config, parts: list, count: int = 1) -> None:
    """Pool worker initializer's second half: start this worker's grading process now and
    have it start its student processes' imports (preload.prestart), so that they overlap
    the batch's own start (reading the class's records, the TAs' files) instead of
    following the first task; ``count`` of them (a Dask worker's threads: one each). Never
    raises: a failure here is met again, and reported, by the first task."""
    from autograder.grade.reports.tf_logs import silence_tensorflow_logs

    silence_tensorflow_logs()  # before the grading process inherits standard error
    try:
        with contextlib.ExitStack() as stack:  # held together: ``count`` different ones
            for _ in range(count):
                stack.enter_context(_supervisor()).warm(config, parts)
    except Exception:
        pass


def stop_idle() -> None:
    """Stop this worker process's idle grading processes (and their student processes):
    the Dask worker plugin's teardown, which frees a cluster's memory after a run."""
    with _lock:
        idle, _idle[:] = list(_idle), []
    for supervisor in idle:
        supervisor.stop()


@dataclass(frozen=True)
class Warm:
    """To a grading process: start the imports of the student processes of ``parts``
    (preload.prestart). It gets no answer."""

    config: object
    parts: list


@dataclass(frozen=True)
class Grade:
    """To a grading process: grade the submission at ``path`` (its ``parts``, against the
    fixtures in ``fixture_dir``, in the private folder ``workdir``). The answer is the
    result's result_to_dict."""

    path: str
    config: object
    parts: list
    fixture_dir: str
    workdir: str


def _grading_process(fd: int, memory: int) -> None:
    """The grading process (``python -c`` started by Supervisor): limit its address space,
    watch its parent (if the worker dies, its student processes and it go too), then answer
    each message it is sent on the connection ``fd``: a :class:`Grade` with result_to_dict,
    a :class:`Warm` with nothing."""
    import resource
    from multiprocessing.connection import Connection

    from autograder.grade.running.parent_watch import watch_parent as _watch_parent

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _watch_parent(os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it kills us
    from autograder.grade.judging.grader import grade_submission
    from autograder.grade.running.preload import prestart
    from autograder.grade.bookkeeping.record import result_to_dict

    conn = Connection(fd)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if isinstance(message, Warm):
            prestart(message.config, message.parts)
            continue
        result = grade_submission(
            Path(message.path),
            message.config,
            message.parts,
            fixture_dir=Path(message.fixture_dir),
            workdir=Path(message.workdir),
        )
        conn.send(result_to_dict(result))


class Supervisor:
    """One grading process at a time (per worker thread), restarted after a failure. It is a
    plain subprocess, not a multiprocessing child: Dask's worker processes are daemonic, and
    those may not have multiprocessing children."""

    def __init__(self, memory: int = GRADER_MEMORY):
        self.memory = memory
        self.proc = None
        self.conn = None

    def _start(self):
        """Start the grading process unless it runs."""
        if self.proc is not None and self.proc.poll() is None:
            return
        self.conn, child = multiprocessing.Pipe()
        fd = child.fileno()
        code = f"from autograder.grade.bookkeeping.task import _grading_process; _grading_process({fd}, {self.memory})"
        try:
            self.proc = subprocess.Popen([sys.executable, "-c", code], pass_fds=(fd,), stdin=subprocess.DEVNULL)
        finally:
            child.close()

    def warm(self, config, parts: list) -> None:
        """Start the grading process if none runs, and have it start the imports of the
        student processes of ``parts`` (answered by nothing; see warm_up)."""
        self._start()
        self.conn.send(Warm(config, parts))

    def grade(self, path: str, config, parts: list, fixture_dir: str, deadline: float) -> dict:
        """result_to_dict of the submission at ``path``, or of a zero result saying why not
        (the grading process timed out after ``deadline`` s, or died)."""
        from autograder.grade.results import SubmissionStatus
        from autograder.grade.running.exchange import private_folder, remove_tree

        workdir = private_folder(prefix="a3-grading-", mode=0o711)  # the uid fallback traverses it
        try:
            self._start()
            try:
                self.conn.send(Grade(path, config, parts, fixture_dir, str(workdir)))
                if self.conn.poll(deadline):
                    return self.conn.recv()
                status = SubmissionStatus.TIMED_OUT
                reason = (
                    f"grading this submission took more than {deadline:g} s "
                    f"(the deadline of its questions' time limits)"
                )
            except (EOFError, OSError):
                status = None
            if status is None or self.proc.poll() is not None:
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    pass
                status = SubmissionStatus.GRADER_ERROR
                reason = f"the grading process died ({_how_it_ended(self.proc.returncode)})"
            self.stop()
            return _failed_result(path, config, parts, status, reason)
        finally:
            remove_tree(workdir)

    def stop(self) -> None:
        """Kill the grading process and every process under it (student processes, their
        sandboxes), and reap it."""
        if self.proc is None:
            return
        import psutil

        try:
            tree = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.Error:
            tree = []
        for proc in [self.proc, *tree]:
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
        psutil.wait_procs(tree, timeout=10)
        self.conn.close()
        self.proc = self.conn = None


def _how_it_ended(code) -> str:
    if code is None:
        return "still running"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        hint = ": out of memory?" if -code == signal.SIGKILL else ""
        return f"signal {name}{hint}"
    return f"exit code {code}"


def _failed_result(path, config, parts, status, reason: str) -> dict:
    """result_to_dict of a zero result of ``parts`` with ``status`` (results.SubmissionStatus)
    and ``reason``, each case's message the result's error."""
    from autograder.grade.judging.grader import zero_result
    from autograder.grade.results import SubmissionResult, result_to_dict
    from autograder.submission import submission_id

    questions = {q.id: zero_result(q, status.error_text(reason)) for q in config.questions_in(parts)}
    return result_to_dict(SubmissionResult.failed(submission_id(Path(path)), questions, status, reason))


_idle: list = []  # this worker process's Supervisors not in use (their grading processes kept)
_lock = threading.Lock()


@contextlib.contextmanager
def _supervisor():
    """A Supervisor for one task (or warm-up), kept for the next one afterwards: an idle one
    (warm, if warm_up started it, whichever thread did) or a new one. A Dask worker may run
    tasks in several threads: each holds its own while it grades."""
    with _lock:
        supervisor = _idle.pop() if _idle else Supervisor()
    try:
        yield supervisor
    finally:
        with _lock:
            _idle.append(supervisor)
