"""The grader's handle on one student process (``python -m autograder.worker``).

:class:`StudentProcess` starts the worker for one submission, sends it one question at a
time with a wall-clock limit, and kills its whole process group on a hang or a crash; the
next question starts a fresh worker. Inputs go in and outputs come back as npz files in a
private folder; the expected values never leave the grader.
"""
from __future__ import annotations

import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from autograder.config import Limits
from autograder.grade.sandbox import Sandbox
from autograder.worker.assets import ASSETS_ENV, assets_dir
from autograder.worker.protocol import ProtocolError, load_arrays, parse, save_arrays, send

STARTUP_TIMEOUT = 60.0
LIMIT_SIGNALS = {   # what a signal from a resource limit means, for the student
    signal.SIGXCPU: ": it used more than its {limits.cpu_time:g} s of CPU time",
    signal.SIGXFSZ: ": it wrote a file larger than {limits.file_size} bytes (printed output counts)",
}
EOF = object()          # _read_reply: the student process closed its reply pipe
LOG_TAIL_BYTES = 2000


@dataclass
class CaseRun:
    """What the student process did for one case: status ``ok`` (with outputs),
    ``not_implemented``, ``error``, ``timeout`` or ``crashed``, and a message."""
    status: str
    message: str = ""
    outputs: dict = field(default_factory=dict)


def worker_env() -> dict:
    """Environment of the student process: single-threaded BLAS and TensorFlow, no user site,
    no bytecode, and the public assets folder in A3_ASSETS."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR",
                                                        "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1", PYTHONNOUSERSITE="1", MPLBACKEND="Agg",
               TF_CPP_MIN_LOG_LEVEL="2", TF_NUM_INTEROP_THREADS="1", TF_NUM_INTRAOP_THREADS="1")
    env[ASSETS_ENV] = str(assets_dir())
    return env


class StudentProcess:
    """Runs questions of one submission in a separate process.

    Inputs:
    - submission: folder that contains ``cs231n/``.
    - workdir: a private scratch folder (created if needed) for the log (``workdir``), the
      inputs and outputs (``workdir/io``, the only folder the sandbox may write) and the
      worker library the sandbox sees (``workdir/lib``).
    - limits: the part's resource limits (grading_config.yml).
    - sandbox: None = bubblewrap if usable (else limits only, with a warning); True =
      bubblewrap or fail; False = limits only.
    """

    def __init__(self, submission: Path, workdir: Path, seed: int = 231, limits: Limits = Limits(),
                 sandbox: bool | None = None):
        self.submission = Path(submission).resolve()
        self.workdir = Path(workdir).resolve()
        self.io = self.workdir / "io"
        self.io.mkdir(parents=True, exist_ok=True)
        self.seed = seed
        self.proc = None
        self.log_path = self.workdir / "student_output.log"
        self.restarts = 0
        self._request_id = 0
        self.sandbox = Sandbox(limits, self.submission, self.io, self.workdir / "lib", sandbox)
        self.sandbox.prepare()

    # -- lifecycle ---------------------------------------------------------------------
    def _start(self):
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        log = open(self.log_path, "ab")
        cmd, env = self.sandbox.command(
            [sys.executable, "-m", "autograder.worker", "--submission", str(self.submission),
             "--fd-in", str(req_r), "--fd-out", str(rep_w), "--seed", str(self.seed)], worker_env())
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         pass_fds=(req_r, rep_w), cwd=self.io, env=env,
                                         start_new_session=True)
        finally:
            os.close(req_r)
            os.close(rep_w)
            log.close()
        self._requests = os.fdopen(req_w, "w")
        self._replies = rep_r
        self._buffer = b""
        reply = self._read_reply(STARTUP_TIMEOUT)
        if reply is None or reply is EOF or not reply.get("ready"):
            self.kill()
            raise RuntimeError("the student process did not start: " + self.log_tail())

    def kill(self):
        """Kill the worker, its process group and every process descended from it (also
        those that started a session of their own), and reap it."""
        if self.proc is None:
            return
        try:
            descendants = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.Error:
            descendants = []
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for child in descendants:
            try:
                child.kill()
            except psutil.Error:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        try:
            self._requests.close()
        except OSError:
            pass                            # the pipe broke with the process: nothing to flush
        try:
            os.close(self._replies)
        except OSError:
            pass
        self.proc = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        self.sandbox.close()

    # -- one question ------------------------------------------------------------------
    def run(self, question: str, inputs: dict, time_limit: float) -> dict:
        """Run every case of ``question``.

        Inputs:
        - question: the question id (a key of ``autograder.worker.calls.CALLS``).
        - inputs: {case name: {input name: ndarray}}.
        - time_limit: seconds of wall clock for all cases of the question together.
        Returns {case name: CaseRun}.
        """
        qdir = Path(tempfile.mkdtemp(prefix=question + "-", dir=self.io))
        try:
            return self._run(question, inputs, time_limit, qdir)
        finally:
            shutil.rmtree(qdir, ignore_errors=True)

    def _run(self, question, inputs, time_limit, qdir):
        in_dir, out_dir = qdir / "in", qdir / "out"
        in_dir.mkdir()
        out_dir.mkdir()
        for d in (qdir, in_dir):
            d.chmod(0o755)
        self.sandbox.own(out_dir)
        for case, arrays in inputs.items():
            save_arrays(in_dir / f"{case}.npz", arrays, allow_text=True)
        self._request_id += 1
        request_id = f"{self._request_id}-{secrets.token_hex(8)}"
        try:
            if self.proc is None:
                self._start()
            log_start = self.log_path.stat().st_size
            send(self._requests, {"id": request_id, "question": question, "cases": list(inputs),
                                  "in_dir": str(in_dir), "out_dir": str(out_dir)})
            reply = self._read_reply(time_limit, request_id)
        except (BrokenPipeError, RuntimeError, ProtocolError) as exc:
            self._restart()
            return {c: CaseRun("crashed", f"the student process failed: {exc}") for c in inputs}
        if reply is None:
            self._restart()
            msg = f"timed out: still running after {time_limit:g} s (infinite loop, or far too slow?)"
            return {c: CaseRun("timeout", msg) for c in inputs}
        if reply is EOF:
            msg = self._death_message(question, log_start)
            return {c: CaseRun("crashed", msg) for c in inputs}
        if reply.get("tampered"):
            # Replacing a library's function is never part of an answer, and what this process
            # reported after doing so cannot be trusted: the question scores 0 (the worker exits
            # after such a reply; the next question starts in a fresh one).
            self._restart()
            names = ", ".join(map(str, reply["tampered"]))[:500]
            msg = (f"your code replaced {names} while {question} ran; changing numpy, "
                   f"TensorFlow, Python's builtins or the grader is not allowed, so this question "
                   f"scores 0 (the next question starts in a fresh process)")
            return {c: CaseRun("error", msg) for c in inputs}
        answers = reply.get("cases")
        runs = {}
        for case in inputs:
            info = answers.get(case) if isinstance(answers, dict) else None
            if not isinstance(info, dict) or info.get("status") not in ("ok", "not_implemented", "error"):
                runs[case] = CaseRun("error", "the student process gave no usable answer for this case")
                continue
            run = CaseRun(info["status"], str(info.get("message", ""))[:4000])
            if run.status == "ok":
                try:
                    run.outputs = load_arrays(out_dir / f"{case}.npz")
                except ProtocolError as exc:
                    run = CaseRun("error", f"unusable output: {exc}")
            runs[case] = run
        return runs

    def _death_message(self, question, log_start) -> str:
        """Reap a worker that closed its reply pipe and say how it ended."""
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        code = self.proc.returncode
        tail = self.log_tail(log_start)
        self._restart()
        if code is not None and code > 128 and self.sandbox.bubblewrap:
            code = -(code - 128)               # bwrap reports a signal as 128 + its number
        if code is not None and code < 0:
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
        deadline = time.monotonic() + timeout
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

    def _read_line(self, deadline: float):
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._replies], [], [], left)
            if not ready:
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
            with open(self.log_path, "rb") as fh:
                fh.seek(max(start, self.log_path.stat().st_size - LOG_TAIL_BYTES))
                return fh.read().decode("utf-8", "replace").strip()
        except OSError:
            return ""
