"""The grader's handle on one submission's student process (``python -m autograder.student_process``).

:class:`StudentProcess` starts the student process of one submission, sends it one question
at a time with a wall-clock limit, and kills it with all it started on a hang or a crash; the
next question starts a fresh one. Inputs go in as npz files in a folder only the grader
writes (grade/running/exchange.py), outputs come back on the reply pipe as bounded plain
arrays read within the question's deadline (grade/running/channel.py); the expected values
never leave the grader.

A student process lives one of two lifecycles, each a class that reads top to bottom:

- :class:`OwnProcess`: started on its own in the sandbox; ended by killing its process tree.
- :class:`ZygoteChild`: forked by this grading thread's zygote (grade/running/zygote.py) from
  this submission's :class:`ZygoteSession` (its staged copy and inputs folder); ended by the
  zygote, which kills every process of the sandbox but itself.

Both are a :class:`Lifecycle`: what StudentProcess uses of a running student process.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from autograder.config import Limits
from autograder.grade.running import zygote
from autograder.grade.running.channel import EOF, Channel
from autograder.grade.running.exchange import remove_tree, write_inputs
from autograder.grade.running.launch import kill_tree, output_log, student_process_env
from autograder.grade.running.fallback import isolation_here, open_sandbox
from autograder.grade.running.sandbox import Isolation, Sandbox
from autograder.student_process.protocol import (
    MAX_OUTPUT_BYTES,
    MAX_REPLY_BYTES,
    ProtocolError,
    Reply,
    Request,
    check_layout,
    decode_arrays,
)

STARTUP_TIMEOUT = 60.0
LIMIT_SIGNALS = {  # what a signal from a resource limit means, for the student
    signal.SIGXCPU: ": it used more than its {limits.cpu_time:g} s of CPU time",
    signal.SIGXFSZ: ": it wrote a file larger than {limits.file_size} bytes (printed output counts)",
}
LOG_TAIL_BYTES = 2000
LOST_SANDBOX = "its sandbox was stopped: did its code kill or stop its parent process?"


@dataclass
class CaseOutcome:
    """What the student process did for one case: status ``ok`` (with outputs),
    ``not_implemented``, ``error``, ``timeout`` or ``crashed``, and a message."""

    status: str
    message: str = ""
    outputs: dict = field(default_factory=dict)


class QuestionFailed(Exception):
    """Every case of the question ends with ``status`` and ``message`` (the student process
    timed out, died, or replaced a library's function); it has been killed already."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class Lifecycle(Protocol):
    """A running student process, whichever way it started: its ``channel``; ``inputs``, where
    question inputs go (host folder, path inside the sandbox); ``end(wait)`` kills it and
    returns its exit code if known; ``lost_sandbox()``: whether its sandbox ended under it
    (then the question is run again); ``how_it_ended()`` reaps it after it closed its reply
    pipe: (how, for the student; whether its sandbox ended under it)."""

    channel: Channel
    inputs: tuple

    def end(self, wait: float = 0.0) -> int | None: ...

    def lost_sandbox(self) -> bool: ...

    def how_it_ended(self) -> tuple: ...


def exit_description(code: int | None, limits: Limits) -> str:
    """How a process ended, for the student: ``signal SIGKILL`` (with what a resource limit's
    signal means) for a negative ``code`` (Popen.returncode), else ``exit code <code>``."""
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        how = f"signal {signal.Signals(-code).name}"
    except ValueError:
        how = f"signal {-code}"
    return how + LIMIT_SIGNALS.get(-code, "").format(limits=limits)


class OwnProcess:
    """A student process started on its own in the sandbox, serving one submission."""

    def __init__(self, sandbox: Sandbox, channel: Channel, proc: subprocess.Popen, inputs: tuple):
        self.sandbox, self.channel, self.proc, self.inputs = sandbox, channel, proc, inputs

    @classmethod
    def start(cls, sandbox: Sandbox, seed: int, log: int, cwd: Path, inputs: Path) -> OwnProcess:
        """Start it (``cwd``: its working folder; ``inputs``: the host folder the sandbox shows
        as its inputs) and wait until it is ready; RuntimeError or OSError if it does not
        start."""
        where = sandbox.where()
        channel = Channel()
        argv = [sys.executable, "-m", "autograder.student_process", "--submission", where["submission"]]
        argv += ["--fd-in", str(channel.theirs[0]), "--fd-out", str(channel.theirs[1]), "--seed", str(seed)]
        try:
            proc = sandbox.start(argv, student_process_env(), log, channel.theirs, cwd)
        except BaseException:
            channel.close()
            raise
        finally:
            channel.handed_over()
        started = cls(sandbox, channel, proc, (inputs, where["inputs"]))
        if not channel.ready(STARTUP_TIMEOUT):
            started.end()
            raise RuntimeError("the student process did not start: " + log_tail(log))
        return started

    def end(self, wait: float = 0.0) -> int | None:
        """Kill it, its process group and every process descended from it (also those that
        started a session of their own), and reap it: its exit code if known (``wait`` is
        for ZygoteChild's sake: this one is killed at once)."""
        kill_tree(self.proc)
        self.channel.close()
        return self.proc.returncode

    def lost_sandbox(self) -> bool:
        """Its sandbox is its own: it cannot be lost under it."""
        return False

    def how_it_ended(self) -> tuple:
        """Reap it after it closed its reply pipe: (how it ended, for the student; False)."""
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        code = self.end()
        if code is not None and code > 128 and self.sandbox.isolation is Isolation.BUBBLEWRAP:
            code = -(code - 128)  # bwrap reports a signal as 128 + its number
        return exit_description(code, self.sandbox.limits), False


class ZygoteSession:
    """One submission's use of this grading thread's zygote for ``limits`` and ``preload``:
    the zygote, the submission's copy staged in it and its inputs folder there, from which
    it forks one :class:`ZygoteChild` at a time."""

    def __init__(self, submission: Path, limits: Limits, preload: tuple):
        self.submission, self.limits, self.preload = submission, limits, preload
        self.zygote = None
        self.staged = self.inputs = None  # (host folder, path inside) in the zygote's sandbox

    def fork(self, seed: int, log: int) -> ZygoteChild | None:
        """A ready child (one fresh zygote is tried if the first fails); None if there is no
        zygote to use (the caller then starts an OwnProcess)."""
        for _attempt in range(2):
            if self.zygote is None:
                self.zygote = zygote.take(self.limits, self.preload)
                if self.zygote is None:
                    return None
                self.staged = self.zygote.stage_submission(self.submission)
                self.inputs = self.zygote.inputs_folder()
            channel = Channel()
            try:
                forked = self.zygote.fork(self.staged[1], seed, channel.theirs[0], channel.theirs[1], log)
            finally:
                channel.handed_over()
            if not forked:
                channel.close()
            else:
                child = ZygoteChild(self, channel)
                if channel.ready(STARTUP_TIMEOUT):
                    return child
                child.end()
            self.leave(keep=False)
        zygote.fell_back("two zygotes in a row could not start a child for one submission")
        return None

    def leave(self, keep: bool = True) -> None:
        """Remove this submission's staged copy and inputs folder; give the zygote back to
        the grading thread (``keep``) or stop it."""
        if self.zygote is None:
            return
        for folder in (self.staged, self.inputs):
            if folder:
                remove_tree(folder[0])
        self.staged = self.inputs = None
        if keep:
            zygote.give_back(self.zygote)
        else:
            self.zygote.close()
        self.zygote = None


class ZygoteChild:
    """A student process forked by the zygote of ``session``, serving its submission."""

    def __init__(self, session: ZygoteSession, channel: Channel):
        self.session, self.channel = session, channel
        self.zygote = session.zygote
        self.inputs = session.inputs

    def end(self, wait: float = 0.0) -> int | None:
        """Have the zygote kill the child and all it started and clean up (``wait``: seconds
        the child may take to end on its own first); a zygote that fails to is thrown away.
        Returns the child's exit code if known."""
        done, code = self.zygote.clean(wait)
        if not done:
            self.session.leave(keep=False)
        self.channel.close()
        return code

    def lost_sandbox(self, wait: float = 2.0) -> bool:
        """Whether the zygote's sandbox has ended (the previous question killed the zygote;
        the child died with the sandbox), waiting up to ``wait`` s to see it end."""
        try:
            self.zygote.proc.wait(timeout=wait)
            return True
        except subprocess.TimeoutExpired:
            return False

    def how_it_ended(self) -> tuple:
        """Reap it after it closed its reply pipe: (how it ended, for the student; whether
        its sandbox ended under it)."""
        code = self.end(wait=10.0)
        if code is None:
            return LOST_SANDBOX, True
        return exit_description(code, self.session.limits), False


def log_tail(log: int, start: int = 0) -> str:
    """The last lines a student process printed since byte ``start`` of its ``log``."""
    try:
        offset = max(start, os.fstat(log).st_size - LOG_TAIL_BYTES)
        return os.pread(log, LOG_TAIL_BYTES, offset).decode("utf-8", "replace").strip()
    except OSError:
        return ""


class StudentProcess:
    """Runs questions of one submission in a separate process.

    Inputs:
    - submission: folder that contains ``cs231n/``.
    - workdir: a folder of the grader's (created if needed, mode 0700) for the
      inputs (``workdir/in``, read-only for the student process) and the library the
      sandbox sees (``workdir/lib``); without bubblewrap also the student process's working
      folder (``workdir/scratch``).
    - limits: the part's resource limits (grading_config.yml).
    - isolation: how to isolate it (sandbox.Isolation: ``BUBBLEWRAP`` fails if bubblewrap
      cannot run; ``LIMITS_ONLY``; ``UID``); None = what this machine can
      (fallback.isolation_here).
    - preload: with bubblewrap, fork the student process from this grading thread's
      pre-started one (grade/running/zygote.py) that imported these libraries (``()``:
      numpy only; ``("tensorflow",)``); None = start a process of its own.
    """

    def __init__(
        self,
        submission: Path,
        workdir: Path,
        seed: int = 231,
        limits: Limits = Limits(),
        isolation: Isolation | None = None,
        preload: tuple | None = None,
    ):
        self.submission = Path(submission).resolve()
        self.workdir = Path(workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workdir, 0o700)
        self.inputs = self.workdir / "in"
        self.inputs.mkdir(mode=0o755, exist_ok=True)
        self.scratch = self.workdir / "scratch"
        self.scratch.mkdir(exist_ok=True)
        self.seed = seed
        self.log = output_log()  # the student process's stdout and stderr
        self.restarts = 0
        self._request_id = 0
        self.sandbox = open_sandbox(
            isolation or isolation_here(), limits, self.submission, self.inputs, self.workdir / "lib", self.scratch
        )
        self.sandbox.prepare()
        self.current: Lifecycle | None = None  # the OwnProcess or ZygoteChild running now
        self.session = None  # with bubblewrap and preload: this submission's ZygoteSession
        if preload is not None and self.sandbox.isolation is Isolation.BUBBLEWRAP:
            self.session = ZygoteSession(self.submission, self.sandbox.limits, preload)
        self._sandbox_lost = False  # the zygote's sandbox ended under the last question

    @property
    def zygote(self):
        """The zygote this submission's children are forked from now, or None."""
        return self.session.zygote if self.session else None

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> str | None:
        """Start the student process if none runs (``a3 grade`` calls it before the first
        question, so that the start-up, with a zygote the grading process's first one's
        imports, is not counted in a question's seconds). Returns why it failed, or None;
        after a failure the next question tries again."""
        if self.current is None:
            try:
                child = self.session.fork(self.seed, self.log) if self.session else None
                cwd = self.workdir if self.sandbox.isolation is Isolation.BUBBLEWRAP else self.scratch
                self.current = child or OwnProcess.start(self.sandbox, self.seed, self.log, cwd, self.inputs)
            except (RuntimeError, OSError) as exc:
                self._restart()
                return str(exc)
        return None

    def kill(self, wait: float = 0.0) -> int | None:
        """End the student process (see OwnProcess.end and ZygoteChild.end); its exit code
        if known."""
        if self.current is None:
            return None
        current, self.current = self.current, None
        return current.end(wait)

    def _restart(self):
        self.kill()
        self.restarts += 1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        if self.session:
            self.session.leave()
        self.sandbox.close()
        os.close(self.log)

    # -- one question ------------------------------------------------------------------
    def run(self, question: str, inputs: dict, time_limit: float, again: bool = True) -> dict:
        """Run every case of ``question``.

        Inputs:
        - question: the question id (a key of ``autograder.student_process.calls.CALLS``).
        - inputs: {case name: {input name: ndarray}}.
        - time_limit: seconds of wall clock for all cases of the question together.
        - again: if the zygote's sandbox ended under the question (an earlier question may
          have killed the zygote just before), run it once more in a fresh one.
        Returns {case name: CaseOutcome}.
        """
        self._sandbox_lost = False
        outcomes = self._run_once(question, inputs, time_limit)
        if self._sandbox_lost and again:
            return self.run(question, inputs, time_limit, again=False)
        return outcomes

    def _run_once(self, question: str, inputs: dict, time_limit: float) -> dict:
        self._request_id += 1
        name = f"{self._request_id}-{question}"
        failed = self.start()
        if failed:
            return {c: CaseOutcome("crashed", f"the student process failed: {failed}") for c in inputs}
        host, inside = self.current.inputs
        request = Request(f"{self._request_id}-{secrets.token_hex(8)}", question, tuple(inputs), f"{inside}/{name}")
        try:
            write_inputs(host, name, inputs)
            return self._run(request, time_limit)
        finally:
            remove_tree(host / name)  # the grader's own folder: nothing to distrust

    def _run(self, request: Request, time_limit: float) -> dict:
        """{case: CaseOutcome} of ``request``, answered within ``time_limit`` s."""
        deadline = time.monotonic() + time_limit
        try:
            reply = self._reply(request, deadline, time_limit)
            outcomes = {
                case: CaseOutcome(answer.status, answer.message)
                if answer
                else CaseOutcome("error", "the student process gave no usable answer for this case")
                for case, answer in reply.cases.items()
            }
            if self._read_outputs(reply, outcomes, deadline, time_limit):
                self._refuse_tampering(reply, request.question)
        except QuestionFailed as failed:
            return {case: CaseOutcome(failed.status, failed.message) for case in request.cases}
        return outcomes

    def _reply(self, request: Request, deadline: float, time_limit: float) -> Reply:
        """Send ``request`` and return the reply; QuestionFailed if the student process could
        not be asked, did not answer by ``deadline``, or died."""
        try:
            log_start = os.fstat(self.log).st_size
            self.current.channel.send(request)
            reply = self.current.channel.reply(request, deadline)
        except (BrokenPipeError, RuntimeError, ProtocolError) as exc:
            lost = isinstance(exc, BrokenPipeError) and self.current.lost_sandbox()
            self._restart()
            self._sandbox_lost = self._sandbox_lost or lost  # the child died with it: run() retries
            raise QuestionFailed("crashed", f"the student process failed: {exc}") from None
        if reply is None:
            self._restart()
            raise QuestionFailed(
                "timeout", f"timed out: still running after {time_limit:g} s (infinite loop, or far too slow?)"
            )
        if reply is EOF:
            raise QuestionFailed("crashed", self._death_message(request.question, log_start))
        return reply

    def _read_outputs(self, reply: Reply, outcomes: dict, deadline: float, time_limit: float) -> bool:
        """Read the outputs of the cases that answered ``ok`` into their ``outcomes``. False
        if their layouts cannot be framed (those cases become errors, the student process is
        restarted); QuestionFailed if the bytes did not all come by ``deadline``."""
        layouts = {case: answer.arrays for case, answer in reply.cases.items() if answer and answer.status == "ok"}
        try:
            sizes = {case: check_layout(layout, MAX_OUTPUT_BYTES) for case, layout in layouts.items()}
            if sum(sizes.values()) > MAX_REPLY_BYTES:
                raise ProtocolError(f"outputs of {sum(sizes.values())} bytes exceed the limit of {MAX_REPLY_BYTES}")
            data = self.current.channel.read_bytes(sum(sizes.values()), deadline)
        except ProtocolError as exc:  # the bytes that follow cannot be framed: a fresh process
            self._restart()
            for case in layouts:
                outcomes[case] = CaseOutcome("error", f"unusable output: {exc}")
            return False
        if data is None:
            self._restart()
            raise QuestionFailed("timeout", f"timed out: its outputs did not arrive within {time_limit:g} s")
        if data is EOF:
            self._restart()
            raise QuestionFailed("crashed", "the student process ended before sending all its outputs")
        offset = 0
        for case, layout in layouts.items():
            try:
                outcomes[case].outputs = decode_arrays(layout, data[offset : offset + sizes[case]])
            except ProtocolError as exc:
                outcomes[case] = CaseOutcome("error", f"unusable output: {exc}")
            offset += sizes[case]
        return True

    def _refuse_tampering(self, reply: Reply, question: str) -> None:
        """QuestionFailed if the question's code replaced a library's function: that is never
        part of an answer, so the question scores 0 and the next question starts in a fresh
        process (the student process exits after such a reply). The check is best effort:
        see autograder/student_process/tamper.py."""
        if not reply.tampered:
            return
        self._restart()
        names = ", ".join(reply.tampered)[:500]
        raise QuestionFailed(
            "error",
            f"your code replaced {names} while {question} ran; changing numpy, "
            f"TensorFlow, Python's builtins or the grader is not allowed, so this question "
            f"scores 0 (the next question starts in a fresh process)",
        )

    def _death_message(self, question: str, log_start: int) -> str:
        """Reap a student process that closed its reply pipe and say how it ended."""
        current, self.current = self.current, None
        how, lost = current.how_it_ended()
        self.restarts += 1
        self._sandbox_lost = self._sandbox_lost or lost
        tail = self.log_tail(log_start)
        msg = f"the student process ended ({how}) while running {question}"
        return msg + (f"; its last output:\n{tail}" if tail else "")

    def log_tail(self, start: int = 0) -> str:
        """The last lines the student's code printed since byte ``start`` of the log."""
        return log_tail(self.log, start)
