"""The zygote's control socket (grade/running/zygote.py <-> student_process/zygote.py).

The grader sends orders (:class:`Fork`, :class:`Clean`), one JSON object per message with
file descriptors attached; the zygote answers each with one JSON object: :class:`Hello`
when it has started, :class:`Forked`, :class:`Cleaned`, or :class:`Refused`. Each side
handles typed values and converts them with ``to_wire`` / ``from_wire``; an order carries
only a path and a seed (inputs), and the grader reads an answer as untrusted (a malformed
one reads as a failure).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Fork:
    """Order: fork a child that serves the submission at ``submission`` (a path inside the
    sandbox) with ``seed``; three descriptors come with it (requests, replies, log)."""

    submission: str
    seed: int

    def to_wire(self) -> dict:
        return {"op": "fork", "submission": self.submission, "seed": int(self.seed)}


@dataclass(frozen=True)
class Clean:
    """Order: let the child end on its own for up to ``wait`` s, then kill every process of
    the sandbox but the zygote and empty its writable folders."""

    wait: float = 0.0

    def to_wire(self) -> dict:
        return {"op": "clean", "wait": self.wait}


def order_from_wire(message: dict) -> Fork | Clean | None:
    """The order in a message from the grader (in the zygote: trusted); None if unknown."""
    if message.get("op") == "fork":
        return Fork(str(message["submission"]), int(message.get("seed", 231)))
    if message.get("op") == "clean":
        return Clean(min(float(message.get("wait", 0)), 10.0))
    return None


@dataclass(frozen=True)
class Hello:
    """Answer, once: the zygote has imported what it preloads; ``threads``: its threads (it
    may fork only with one)."""

    threads: int
    pid: int

    def to_wire(self) -> dict:
        return {"zygote": True, "threads": self.threads, "pid": self.pid}

    @classmethod
    def from_wire(cls, message: dict | None) -> Hello | None:
        """None unless ``message`` is a zygote's hello."""
        if not message or not message.get("zygote"):
            return None
        return cls(message.get("threads"), message.get("pid"))


@dataclass(frozen=True)
class Forked:
    """Answer to Fork: the child's ``pid``."""

    pid: int

    def to_wire(self) -> dict:
        return {"forked": self.pid}

    @classmethod
    def from_wire(cls, message: dict | None) -> Forked | None:
        """None unless ``message`` names a forked child."""
        if not message or not message.get("forked"):
            return None
        return cls(message["forked"])


@dataclass(frozen=True)
class Cleaned:
    """Answer to Clean: ``clean`` (no process but the zygote is left, the folders are empty
    and the zygote's own limits, priority, affinity and scheduler are unchanged; what
    changed is in ``changed``), the child's exit ``status`` (Popen.returncode) or None, and
    the zygote's own CPU seconds ``cpu``."""

    clean: bool
    changed: list
    status: int | None
    cpu: float

    def to_wire(self) -> dict:
        return {"clean": self.clean, "changed": self.changed, "status": self.status, "cpu": self.cpu}

    @classmethod
    def from_wire(cls, message: dict | None) -> Cleaned | None:
        """None unless ``message`` answers a Clean; ``clean`` only if it says exactly
        ``true``; a ``cpu`` that is not a number reads as infinite (the zygote is retired)."""
        if not message or "clean" not in message:
            return None
        try:
            cpu = float(message.get("cpu", 0))
        except (TypeError, ValueError):
            cpu = math.inf
        return cls(message["clean"] is True, message.get("changed"), message.get("status"), cpu)


@dataclass(frozen=True)
class Refused:
    """Answer to an order the zygote cannot carry out (unknown, or it is not single-threaded)."""

    error: str

    def to_wire(self) -> dict:
        return {"error": self.error}
