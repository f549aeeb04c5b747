"""The grader's handle on one student process (``python -m autograder.student_process``).

:class:`StudentProcess` starts the worker for one submission, sends it one question at a
time with a wall-clock limit, and kills its whole process group on a hang or a crash; the
next question starts a fresh worker. Inputs go in as npz files in a folder only the grader
writes (grade/running/exchange.py), outputs come back on the reply pipe as bounded plain arrays read
within the question's deadline; the expected values never leave the grader.
"""

from __future__ import annotations

import os
import secrets
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


from autograder.config import Limits
from autograder.grade.running import zygote
from autograder.grade.running.exchange import remove_tree, write_inputs
from autograder.grade.running.launch import kill_tree, output_log, student_process_env
from autograder.grade.running.sandbox import Sandbox
from autograder.student_process.protocol import (
    MAX_OUTPUT_BYTES,
    MAX_REPLY_BYTES,
    ProtocolError,
    check_layout,
    decode_arrays,
    parse,
    send,
)

STARTUP_TIMEOUT = 60.0
LIMIT_SIGNALS = {  # what a signal from a resource limit means, for the student
    signal.SIGXCPU: ": it used more than its {limits.cpu_time:g} s of CPU time",
    signal.SIGXFSZ: ": it wrote a file larger than {limits.file_size} bytes (printed output counts)",
}
EOF = object()  # _read_reply: the student process closed its reply pipe
LOG_TAIL_BYTES = 2000


@dataclass
class CaseOutcome:
    """What the student process did for one case: status ``ok`` (with outputs),
    ``not_implemented``, ``error``, ``timeout`` or ``crashed``, and a message."""

    status: str
    message: str = ""
    outputs: dict = field(default_factory=dict)


class StudentProcess:
    """Runs questions of one submission in a separate process.

    Inputs:
    - submission: folder that contains ``cs231n/``.
    - workdir: a folder of the grader's (created if needed, mode 0700) for the
      inputs (``workdir/in``, read-only for the student process) and the worker library the
      sandbox sees (``workdir/lib``); without bubblewrap also the student process's working
      folder (``workdir/scratch``).
    - limits: the part's resource limits (grading_config.yml).
    - sandbox: None = bubblewrap if usable (else limits only, with a warning); True =
      bubblewrap or fail; False = limits only.
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
        sandbox: bool | None = None,
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
        self.proc = None
        self.log = output_log()  # the student process's stdout and stderr
        self.restarts = 0
        self._request_id = 0
        self.sandbox = Sandbox(
            limits, self.submission, self.inputs, self.workdir / "lib", sandbox, scratch=self.scratch
        )
        self.sandbox.prepare()
        self.preload = preload if self.sandbox.bubblewrap else None
        self._zygote = None  # the zygote this submission's children are forked from
        self._staged = self._zygote_inputs = None  # (host folder, path inside) in the zygote's
        self._forked = False  # the current student process is a zygote's child
        self._sandbox_lost = False  # the zygote's sandbox ended under the last question

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> str | None:
        """Start the student process if none runs (``a3 grade`` calls it before the first
        question, so that the start-up, with a zygote the grading process's first one's
        imports, is not counted in a question's seconds). Returns why it failed, or None;
        after a failure the next question tries again."""
        if self.proc is None:
            try:
                self._start()
            except (RuntimeError, OSError) as exc:
                self._restart()
                return str(exc)
        return None

    def _start(self):
        if self.preload is not None and self._fork_child():
            return
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        where = self.sandbox.where()
        argv = [sys.executable, "-m", "autograder.student_process", "--submission", where["submission"]]
        argv += ["--fd-in", str(req_r), "--fd-out", str(rep_w), "--seed", str(self.seed)]
        try:
            cwd = self.workdir if self.sandbox.bubblewrap else self.scratch
            self.proc = self.sandbox.start(argv, student_process_env(), self.log, (req_r, rep_w), cwd)
        finally:
            os.close(req_r)
            os.close(rep_w)
        self._requests = os.fdopen(req_w, "w")
        self._replies = rep_r
        self._buffer = b""
        reply = self._read_reply(STARTUP_TIMEOUT)
        if reply is None or reply is EOF or not reply.get("ready"):
            self.kill()
            raise RuntimeError("the student process did not start: " + self.log_tail())

    def kill(self, wait: float = 0.0):
        """Kill the worker, its process group and every process descended from it (also
        those that started a session of their own), and reap it. A zygote's child: the
        zygote kills every process of the sandbox but itself (``wait``: seconds the child
        may take to end on its own first); returns the child's exit code if it is known."""
        code = None
        if self._forked:
            code = self._end_child(wait)
        elif self.proc is None:
            return None
        else:
            kill_tree(self.proc)
            code = self.proc.returncode
        try:
            self._requests.close()
        except OSError:
            pass  # the pipe broke with the process: nothing to flush
        try:
            os.close(self._replies)
        except OSError:
            pass
        self.proc = None
        return code

    # -- the zygote's children (grade/running/zygote.py) -------------------------------
    def _fork_child(self) -> bool:
        """Start the student process as a child of this thread's zygote (one fresh zygote
        is tried if the first fails); False if there is none to use."""
        for _attempt in range(2):
            if self._zygote is None:
                self._zygote = zygote.take(self.sandbox.limits, self.preload)
                if self._zygote is None:
                    return False
                self._staged = self._zygote.stage_submission(self.submission)
                self._zygote_inputs = self._zygote.inputs_folder()
            req_r, req_w = os.pipe()
            rep_r, rep_w = os.pipe()
            try:
                forked = self._zygote.fork(self._staged[1], self.seed, req_r, rep_w, self.log)
            finally:
                os.close(req_r)
                os.close(rep_w)
            self._requests, self._replies, self._buffer = os.fdopen(req_w, "w"), rep_r, b""
            self._forked = forked
            reply = self._read_reply(STARTUP_TIMEOUT) if forked else None
            if isinstance(reply, dict) and reply.get("ready"):
                self.proc = self._zygote.proc
                return True
            if forked:
                self.kill()
            else:
                self._requests.close()
                os.close(self._replies)
            self._leave_zygote(keep=False)
        zygote.fell_back("two zygotes in a row could not start a child for one submission")
        return False

    def _end_child(self, wait: float):
        """Have the zygote kill the child and all it started and clean up; a zygote that
        fails to is thrown away. Returns the child's exit code if known."""
        self._forked = False
        done, code = self._zygote.clean(wait)
        if not done:
            self._leave_zygote(keep=False)
        return code

    def _leave_zygote(self, keep: bool = True) -> None:
        """Remove this submission's staged copy and inputs folder; give the zygote back to
        the grading thread (``keep``) or stop it."""
        if self._zygote is None:
            return
        for folder in (self._staged, self._zygote_inputs):
            if folder:
                remove_tree(folder[0])
        self._staged = self._zygote_inputs = None
        if keep:
            zygote.give_back(self._zygote)
        else:
            self._zygote.close()
        self._zygote = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        self._leave_zygote()
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
        runs = self._run_once(question, inputs, time_limit)
        if self._sandbox_lost and again:
            return self.run(question, inputs, time_limit, again=False)
        return runs

    def _run_once(self, question: str, inputs: dict, time_limit: float) -> dict:
        self._request_id += 1
        name = f"{self._request_id}-{question}"
        failed = self.start()
        if failed:
            return {c: CaseOutcome("crashed", f"the student process failed: {failed}") for c in inputs}
        host, inside = self._zygote_inputs if self._forked else (self.inputs, self.sandbox.where()["inputs"])
        try:
            write_inputs(host, name, inputs)
            return self._run(question, inputs, time_limit, f"{inside}/{name}")
        finally:
            remove_tree(host / name)  # the grader's own folder: nothing to distrust

    def _run(self, question, inputs, time_limit, in_dir):
        request_id = f"{self._request_id}-{secrets.token_hex(8)}"
        deadline = time.monotonic() + time_limit
        try:
            log_start = os.fstat(self.log).st_size
            send(self._requests, {"id": request_id, "question": question, "cases": list(inputs), "in_dir": in_dir})
            reply = self._read_reply(deadline - time.monotonic(), request_id)
        except (BrokenPipeError, RuntimeError, ProtocolError) as exc:
            lost = isinstance(exc, BrokenPipeError) and self._zygote_ended()
            self._restart()
            self._sandbox_lost = self._sandbox_lost or lost  # the child died with it: run() retries
            return {c: CaseOutcome("crashed", f"the student process failed: {exc}") for c in inputs}
        if reply is None:
            self._restart()
            msg = f"timed out: still running after {time_limit:g} s (infinite loop, or far too slow?)"
            return {c: CaseOutcome("timeout", msg) for c in inputs}
        if reply is EOF:
            msg = self._death_message(question, log_start)
            return {c: CaseOutcome("crashed", msg) for c in inputs}
        answers = reply.get("cases")
        runs, layouts = {}, {}
        for case in inputs:
            info = answers.get(case) if isinstance(answers, dict) else None
            if not isinstance(info, dict) or info.get("status") not in ("ok", "not_implemented", "error"):
                runs[case] = CaseOutcome("error", "the student process gave no usable answer for this case")
                continue
            runs[case] = CaseOutcome(info["status"], str(info.get("message", ""))[:4000])
            if info["status"] == "ok":
                layouts[case] = info.get("arrays")
        try:
            sizes = {case: check_layout(layout, MAX_OUTPUT_BYTES) for case, layout in layouts.items()}
            if sum(sizes.values()) > MAX_REPLY_BYTES:
                raise ProtocolError(f"outputs of {sum(sizes.values())} bytes exceed the limit of {MAX_REPLY_BYTES}")
            data = self._read_bytes(sum(sizes.values()), deadline)
        except ProtocolError as exc:  # the bytes that follow cannot be framed: a fresh process
            self._restart()
            for case in layouts:
                runs[case] = CaseOutcome("error", f"unusable output: {exc}")
            return runs
        if data is None or data is EOF:
            self._restart()
            why = (
                f"timed out: its outputs did not arrive within {time_limit:g} s"
                if data is None
                else "the student process ended before sending all its outputs"
            )
            return {c: CaseOutcome("timeout" if data is None else "crashed", why) for c in inputs}
        offset = 0
        for case, layout in layouts.items():
            try:
                runs[case].outputs = decode_arrays(layout, data[offset : offset + sizes[case]])
            except ProtocolError as exc:
                runs[case] = CaseOutcome("error", f"unusable output: {exc}")
            offset += sizes[case]
        if reply.get("tampered"):
            # Replacing a library's function is never part of an answer: the question scores 0
            # and the next question starts in a fresh process (the worker exits after such a
            # reply). The check is best effort: see autograder/student_process/tamper.py.
            self._restart()
            names = ", ".join(map(str, reply["tampered"]))[:500]
            msg = (
                f"your code replaced {names} while {question} ran; changing numpy, "
                f"TensorFlow, Python's builtins or the grader is not allowed, so this question "
                f"scores 0 (the next question starts in a fresh process)"
            )
            return {c: CaseOutcome("error", msg) for c in inputs}
        return runs

    def _zygote_ended(self, wait: float = 2.0) -> bool:
        """Whether this submission's child was forked from a zygote whose sandbox has ended
        (the previous question killed the zygote; its child died with the sandbox), waiting
        up to ``wait`` s for it to be seen ending."""
        if not self._forked or self._zygote is None:
            return False
        try:
            self._zygote.proc.wait(timeout=wait)
            return True
        except subprocess.TimeoutExpired:
            return False

    def _death_message(self, question, log_start) -> str:
        """Reap a worker that closed its reply pipe and say how it ended."""
        forked = self._forked
        if not forked:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        code = self.kill(wait=10.0)
        self.restarts += 1
        tail = self.log_tail(log_start)
        if code is not None and code > 128 and self.sandbox.bubblewrap and not forked:
            code = -(code - 128)  # bwrap reports a signal as 128 + its number
        if code is None and forked:
            self._sandbox_lost = True
            how = "its sandbox was stopped: did its code kill or stop its parent process?"
        elif code is not None and code < 0:
            try:
                how = f"signal {signal.Signals(-code).name}"
            except ValueError:
                how = f"signal {-code}"
            how += LIMIT_SIGNALS.get(-code, "").format(limits=self.sandbox.limits)
        else:
            how = f"exit code {code}"
        msg = f"the student process ended ({how}) while running {question}"
        return msg + (f"; its last output:\n{tail}" if tail else "")

    def _restart(self):
        self.kill()
        self.restarts += 1

    def _read_reply(self, timeout: float, request_id=None):
        """The worker's reply (a dict) to ``request_id`` within ``timeout`` s; None on
        timeout, EOF when the worker closed its end (it died). Lines that are not a reply
        to this request (anything the student's code wrote on the reply pipe) are skipped."""
        deadline = time.monotonic() + max(timeout, 0)
        while True:
            line = self._read_line(deadline)
            if line is None or line is EOF:
                return line
            try:
                reply = parse(line)
            except ProtocolError:
                continue
            if request_id is None or reply.get("id") == request_id:
                return reply

    def _read_bytes(self, size: int, deadline: float):
        """Exactly ``size`` bytes from the reply pipe (a memoryview) by ``deadline`` (a
        time.monotonic() value); None on timeout, EOF if the worker closed its end first."""
        data = bytearray(size)
        have = min(len(self._buffer), size)
        data[:have] = self._buffer[:have]
        self._buffer = self._buffer[have:]
        view = memoryview(data)
        while have < size:
            if not self._readable_by(deadline):
                return None
            got = os.readv(self._replies, [view[have : have + 2**20]])
            if not got:
                return EOF
            have += got
        return view

    def _readable_by(self, deadline: float) -> bool:
        """Whether the reply pipe has something to read before ``deadline``."""
        left = deadline - time.monotonic()
        return left > 0 and bool(select.select([self._replies], [], [], left)[0])

    def _read_line(self, deadline: float):
        while b"\n" not in self._buffer:
            if not self._readable_by(deadline):
                return None
            chunk = os.read(self._replies, 65536)
            if not chunk:
                return EOF
            self._buffer += chunk
            if len(self._buffer) > 2**20:
                raise ProtocolError("reply too long")
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def log_tail(self, start: int = 0) -> str:
        """The last lines the student's code printed since byte ``start`` of the log."""
        try:
            offset = max(start, os.fstat(self.log).st_size - LOG_TAIL_BYTES)
            return os.pread(self.log, LOG_TAIL_BYTES, offset).decode("utf-8", "replace").strip()
        except OSError:
            return ""
