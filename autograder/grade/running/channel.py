"""The grader's two pipes to one student process: :class:`~autograder.student_process.
protocol.Request` lines out, :class:`~autograder.student_process.protocol.Reply` lines and
their outputs' bytes in, each read by a deadline.

Everything read is untrusted: a line is at most ``2**20`` bytes and must parse as a JSON
object (protocol.parse); lines that do not answer the current request (anything the
student's code wrote on the reply pipe) are skipped; the outputs' bytes are read only in
the amount a checked layout announced (protocol.check_layout).
"""

from __future__ import annotations

import os
import select
import time

from autograder.grade.running.exchange import close_quietly
from autograder.student_process.protocol import ProtocolError, Reply, Request, parse, send

EOF = object()  # the student process closed its reply pipe (it died)
MAX_LINE = 2**20


class Channel:
    """A pair of pipes: create it, hand ``theirs`` (the request pipe's read end and the reply
    pipe's write end) to the process being started, then call :meth:`handed_over`."""

    def __init__(self):
        theirs_in, ours_out = os.pipe()
        ours_in, theirs_out = os.pipe()
        self.theirs = (theirs_in, theirs_out)
        self._requests = os.fdopen(ours_out, "w")
        self._replies = ours_in
        self._buffer = b""

    def handed_over(self) -> None:
        """Close the student process's ends here (it has them, or failed to start)."""
        close_quietly(self.theirs)
        self.theirs = ()

    def close(self) -> None:
        """Close both pipes (the student process is dead or being killed)."""
        self.handed_over()
        try:
            self._requests.close()
        except OSError:
            pass  # the pipe broke with the process: nothing to flush
        try:
            os.close(self._replies)
        except OSError:
            pass

    def ready(self, timeout: float) -> bool:
        """Whether the student process's first line (protocol.READY) came within ``timeout`` s."""
        message = self._message(time.monotonic() + max(timeout, 0))
        return isinstance(message, dict) and bool(message.get("ready"))

    def send(self, request: Request) -> None:
        """Send ``request`` (BrokenPipeError if the student process is gone)."""
        send(self._requests, request.to_wire())

    def reply(self, request: Request, deadline: float):
        """The Reply to ``request`` by ``deadline`` (a time.monotonic() value); None on
        timeout, EOF if the student process closed its end first."""
        message = self._message(deadline, request.id)
        if message is None or message is EOF:
            return message
        return Reply.from_wire(message, request.cases)

    def _message(self, deadline: float, request_id=None):
        """The next parsed line (with ``request_id``: the next whose id is that); None on
        timeout, EOF when the pipe closed. Lines that do not parse are skipped."""
        while True:
            line = self._read_line(deadline)
            if line is None or line is EOF:
                return line
            try:
                message = parse(line)
            except ProtocolError:
                continue
            if request_id is None or message.get("id") == request_id:
                return message

    def read_bytes(self, size: int, deadline: float):
        """Exactly ``size`` bytes from the reply pipe (a memoryview) by ``deadline``; None on
        timeout, EOF if the student process closed its end first."""
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
        """The next line (text, without its newline) by ``deadline``; None on timeout, EOF
        when the pipe closed; ProtocolError for a line longer than MAX_LINE."""
        while b"\n" not in self._buffer:
            if not self._readable_by(deadline):
                return None
            chunk = os.read(self._replies, 65536)
            if not chunk:
                return EOF
            self._buffer += chunk
            if len(self._buffer) > MAX_LINE:
                raise ProtocolError("reply too long")
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")
