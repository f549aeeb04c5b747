"""What grading produces, as types: a case's, a question's and a submission's result, the
submission's status, the late penalty applied to it, the gradebook's entry, and the record
kept on disk. Every report and the gradebook read these; this module imports nothing else of
the engine (tests/test_layers.py checks it), so any layer may use it.

A submission's status is a :class:`SubmissionStatus`, set by whoever decides it (the grader,
the grading task's supervisor, the batch). On disk (``graded.json``, and the JSON a grading
task returns) it is not a field of its own: the record's ``error`` text begins with it, as
it always has (``SubmissionStatus.error_text``), so records written before the type existed
and after are the same bytes; :meth:`Record.from_dict` (through :func:`result_from_dict`) is
the one place that reads a status back from that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SubmissionStatus(StrEnum):
    """A submission's status in the gradebook (its value is the text of the ``status`` column)."""

    GRADED = "graded"
    UNOPENED = "could not be opened"  # no package, a broken zip, not a folder or zip
    TIMED_OUT = "timed out"  # the grading process passed the submission's deadline
    GRADER_ERROR = "grader error"  # the grader failed, not the submission

    @property
    def retried(self) -> bool:
        """The grader's failure, not the submission's: the next run grades it again."""
        return self in (SubmissionStatus.TIMED_OUT, SubmissionStatus.GRADER_ERROR)

    def error_text(self, reason: str) -> str:
        """The ``error`` of a result with this status and ``reason``: "" when graded, the
        reason itself when it could not be opened, else "<status>: <reason>"."""
        if self is SubmissionStatus.GRADED:
            return ""
        if self is SubmissionStatus.UNOPENED:
            return reason
        return f"{self.value}: {reason}"


# Prefixes of the ``error`` of records on disk, and the status each stands for (read only
# by result_from_dict; "internal grader error" is a question's message, accepted as well).
_STORED_PREFIXES = (
    ("timed out", SubmissionStatus.TIMED_OUT),
    ("grader error", SubmissionStatus.GRADER_ERROR),
    ("internal grader error", SubmissionStatus.GRADER_ERROR),
)


def _stored_status(error: str) -> tuple[SubmissionStatus, str]:
    """(status, reason) of a stored ``error`` text (see the module docstring)."""
    error = (error or "").strip()
    if not error:
        return SubmissionStatus.GRADED, ""
    for prefix, status in _STORED_PREFIXES:
        if error.lower().startswith(prefix):
            return status, error[len(prefix) :].lstrip(" :") or status.value
    return SubmissionStatus.UNOPENED, error


@dataclass
class CaseResult:
    """One test case of one question: what it scored and why."""

    question: str
    case: str
    visibility: str  # "public" or "hidden"
    score: float
    max_score: float
    messages: list[str]  # why it failed, or what passed
    passed: bool
    images: dict[str, str] = field(default_factory=dict)  # output name -> PNG (base64), grade/judging/images.py


@dataclass
class QuestionResult:
    """One question of a submission: its cases, in the configuration's order."""

    id: str
    part: str
    points: float
    cases: list[CaseResult] = field(default_factory=list)
    seconds: float = 0.0  # wall clock from the request to the judged cases (a process start-up included)
    fault: str = ""  # the grader's environment failed this question (given_code_fault); not kept in records

    @property
    def score(self) -> float:
        return round(sum(c.score for c in self.cases), 6)

    @property
    def passed(self) -> bool:
        """Every case passed (also meaningful for questions worth 0 points)."""
        return all(c.passed for c in self.cases)


@dataclass
class SubmissionResult:
    """A graded submission: its questions ({id: QuestionResult}, in config order), its status
    and, unless graded, the reason (``error``: the text the reports show, status included)."""

    id: str
    questions: dict[str, QuestionResult]
    error: str = ""  # SubmissionStatus.error_text(reason); "" when graded
    seconds: float = 0.0
    status: SubmissionStatus = SubmissionStatus.GRADED
    reason: str = ""

    def __post_init__(self):
        if bool(self.error) == (self.status is SubmissionStatus.GRADED):
            raise ValueError(f"a result's status ({self.status}) and its error ({self.error!r}) disagree")

    @classmethod
    def failed(cls, sid: str, questions: dict, status: SubmissionStatus, reason: str, seconds: float = 0.0):
        """A result that is not ``graded``: ``status`` and why (``reason``)."""
        return cls(sid, questions, status.error_text(reason), seconds, status, reason)

    @property
    def total(self) -> float:
        return round(sum(q.score for q in self.questions.values()), 6)

    def part_score(self, part: str) -> float:
        return round(sum(q.score for q in self.questions.values() if q.part == part), 6)


def result_to_dict(result: SubmissionResult) -> dict:
    """A SubmissionResult as plain JSON data (questions in order, each with its ``seconds``
    of wall clock, cases in order); the status is the beginning of ``error``."""
    return {
        "id": result.id,
        "error": result.error,
        "seconds": result.seconds,
        "questions": [
            {
                "id": q.id,
                "part": q.part,
                "points": q.points,
                "seconds": q.seconds,
                "cases": [
                    {
                        "case": c.case,
                        "visibility": c.visibility,
                        "score": c.score,
                        "max_score": c.max_score,
                        "messages": list(c.messages),
                        "passed": c.passed,
                        "images": dict(c.images),
                    }
                    for c in q.cases
                ],
            }
            for q in result.questions.values()
        ],
    }


def result_from_dict(data: dict) -> SubmissionResult:
    """The inverse of :func:`result_to_dict` (the status read back from ``error``)."""
    questions = {}
    for q in data["questions"]:
        cases = [
            CaseResult(
                q["id"],
                c["case"],
                c["visibility"],
                c["score"],
                c["max_score"],
                c["messages"],
                c["passed"],
                c.get("images", {}),
            )
            for c in q["cases"]
        ]
        questions[q["id"]] = QuestionResult(q["id"], q["part"], q["points"], cases, q.get("seconds", 0.0))
    error = data.get("error", "")
    status, reason = _stored_status(error)
    return SubmissionResult(data["id"], questions, error, data.get("seconds", 0.0), status, reason)


@dataclass(frozen=True)
class Late:
    """What lateness costs one submission: ``factor`` multiplies its score."""

    days: int  # started days late after the grace period (0: on time)
    factor: float  # 1.0 on time, 0.0 past max_days_late
    text: str  # for the reports, e.g. "2 days late: -20%"
    extension: str = ""  # for the reports, e.g. "due 2027-06-14 23:59-07:00 (3 extra days) instead of ..."

    def apply(self, score: float) -> float:
        """``score`` after the late penalty, rounded to 6 decimals: the one place where the
        factor is applied (every part, every total, every report)."""
        return round(score * self.factor, 6)

    def describe(self) -> str:
        """One line for a table: the penalty and the extension, e.g. "2 days late: -20% of the
        score; extension: due ..." ("" on time without extension)."""
        return "; ".join([self.text] * bool(self.days) + [f"extension: {self.extension}"] * bool(self.extension))


ON_TIME = Late(0, 1.0, "")


@dataclass
class Entry:
    """A graded submission with what the gradebook adds to its result."""

    result: SubmissionResult
    student_id: str
    submitted_at: str = ""  # ISO 8601, "" if unknown
    time_source: str = ""  # "metadata", "file time" or "unknown"
    late: Late = ON_TIME
    manual: dict = field(default_factory=dict)  # question id -> (score or None, comment)

    @property
    def id(self) -> str:
        return self.result.id

    @property
    def status(self) -> SubmissionStatus:
        return self.result.status

    @property
    def reason(self) -> str:
        return self.result.reason

    def manual_score(self, qid: str) -> float:
        score = self.manual.get(qid, (None, ""))[0]
        return float(score) if score is not None else 0.0

    def raw_part(self, part: str, manual_questions: list) -> float:
        return round(
            self.result.part_score(part) + sum(self.manual_score(q.id) for q in manual_questions if q.part == part), 6
        )

    def part(self, part: str, manual_questions: list) -> float:
        """The part's score after the late penalty."""
        return self.late.apply(self.raw_part(part, manual_questions))

    def total(self, parts: list[str], manual_questions: list) -> float:
        return round(sum(self.part(p, manual_questions) for p in parts), 6)


RECORD_VERSION = 1


@dataclass
class Record:
    """What is kept of a graded submission (``<out>/<id>/graded.json``, grade/bookkeeping/record.py),
    and what a grading task returns: its result, the sha256 of its files (``fingerprint``; ""
    makes the next run grade it again), the grading-setup fingerprint of each part graded
    (``setup``), the written answers (``manual``: {question id: answer}), which process graded
    it (``worker``, ``host:pid``), how long (``seconds``) and who handed it in when (``who``,
    added by the batch)."""

    result: SubmissionResult
    fingerprint: str = ""
    setup: dict = field(default_factory=dict)
    manual: dict = field(default_factory=dict)
    worker: str = ""
    seconds: float = 0.0
    who: dict | None = None

    def to_dict(self) -> dict:
        """The JSON data of ``graded.json``, keys in the order they have always been written
        (``who`` only when set)."""
        out = {
            "version": RECORD_VERSION,
            "fingerprint": self.fingerprint,
            "setup": self.setup,
            "result": result_to_dict(self.result),
            "manual": self.manual,
            "worker": self.worker,
            "seconds": self.seconds,
        }
        if self.who is not None:
            out["who"] = self.who
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        """The inverse of :meth:`to_dict`; raises KeyError, TypeError or ValueError on data of
        another shape."""
        return cls(
            result_from_dict(data["result"]),
            str(data.get("fingerprint") or ""),
            data.get("setup") if isinstance(data.get("setup"), dict) else {},
            dict(data.get("manual") or {}),
            str(data.get("worker") or ""),
            data.get("seconds", 0.0),
            data.get("who"),
        )
