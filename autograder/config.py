"""Load and validate ``grading_config.yml``.

The configuration is the one place for questions, points, visibility, thresholds, time and
resource limits and seeds. ``load_config(path)`` returns a :class:`Config`; any mistake in the file
raises :class:`ConfigError` whose message names the file, the line and the key (with a
suggestion for a likely typo), never a traceback from deep inside the grader.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from collections.abc import Iterable

from autograder import REPO_ROOT  # re-exported: the checkout (autograder/__init__.py)

DEFAULT_CONFIG = REPO_ROOT / "grading_config.yml"

VISIBILITIES = ("public", "hidden")
TOP_KEYS = {"assignment": str, "points": (int, float), "defaults": dict, "seeds": dict, "parts": dict, "late": dict}
CASE_KEYS = {"visibility": str, "threshold": float}  # a case as a mapping: its own threshold
LATE_KEYS = {
    "due": (str, datetime.datetime),
    "grace_minutes": (int, float),
    "penalty_per_day": float,
    "max_days_late": int,
}
DEFAULT_KEYS = {"time_limit": (int, float), "threshold": float, "limits": dict}
LIMIT_KEYS = {"memory": (str, int), "cpu_time": (int, float), "processes": int, "file_size": (str, int)}
SEED_KEYS = {"fixtures": int}
PART_KEYS = {"title": str, "points": (int, float), "notebook": str, "questions": dict, "written": dict, "limits": dict}
QUESTION_KEYS = {
    "points": (int, float),
    "function": str,
    "threshold": float,
    "time_limit": (int, float),
    "depends_on": list,
    "cases": dict,
    "given": bool,
    "max_loss": float,
    "more_functions": list,
}
REQUIRED_QUESTION_KEYS = ("points", "function", "cases")


class ConfigError(ValueError):
    """A mistake in grading_config.yml; the message names the file, line and key."""


@dataclass(frozen=True)
class Question:
    """One graded question: its id ties config, stub, hidden tests, fixtures and reports."""

    id: str
    part: str
    points: float
    function: str  # "cs231n/rnn_layers.py::rnn_step_forward"
    threshold: float
    time_limit: float
    cases: dict  # case name -> "public" | "hidden", in file order
    depends_on: tuple = ()
    given: bool = False
    max_loss: float | None = None
    more_functions: tuple = ()  # other functions of the same file the question tests, e.g. ("generator_loss",)
    case_thresholds: dict = field(default_factory=dict, hash=False)  # case -> its own threshold (else ``threshold``)

    @property
    def file(self) -> str:
        """Path of the student's file inside the submission, e.g. ``cs231n/rnn_layers.py``."""
        return self.function.split("::")[0]

    @property
    def qualname(self) -> str:
        """Qualified name of the function, e.g. ``CaptioningRNN.loss``."""
        return self.function.split("::")[1]

    @property
    def qualnames(self) -> tuple:
        """Every function the question tests: ``qualname``, then ``more_functions``."""
        return (self.qualname,) + self.more_functions


@dataclass(frozen=True)
class Limits:
    """Resource limits of one student process (it runs one part's questions): address space
    and the largest file it may write, in bytes; CPU seconds in all (the wall-clock limit is
    per question: ``Question.time_limit``); processes and threads of its user."""

    memory: int = 4 * 2**30
    cpu_time: float = 600.0
    processes: int = 256
    file_size: int = 256 * 2**20


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    points: float
    notebook: str
    questions: dict  # id -> Question, in file order
    limits: Limits = Limits()
    written: dict = field(default_factory=dict)  # written (TA-graded) question id -> points

    @property
    def autograded_points(self) -> float:
        """The points of the autograded questions: ``points`` less the written questions'."""
        return sum(q.points for q in self.questions.values())


@dataclass(frozen=True)
class LateRules:
    """Late work (``late:`` in grading_config.yml): a submission after ``due`` + the grace
    period loses ``penalty_per_day`` of its score per started day late; more than
    ``max_days_late`` days late scores 0. Applied in grade/bookkeeping/late.py."""

    due: datetime.datetime  # timezone-aware
    grace_minutes: float = 0.0
    penalty_per_day: float = 0.0
    max_days_late: int | None = None


@dataclass(frozen=True)
class Config:
    path: Path
    assignment: str
    seeds: dict
    parts: dict  # id -> Part
    questions: dict = field(default_factory=dict)  # id -> Question, all parts, in order
    late: LateRules | None = None  # no late rules: nothing is late

    @property
    def total_points(self) -> float:
        return sum(p.points for p in self.parts.values())

    def questions_in(self, parts: Iterable[str]) -> list[Question]:
        """The Question objects of the given part ids, in file order."""
        return [q for p in parts for q in self.parts[p].questions.values()]

    def affected_by(self, qid: str) -> set:
        """The questions a wrong ``qid`` may cost: itself, those that test the same function,
        and every question that depends on one of those (transitively)."""
        fn = self.questions[qid].function
        out = {q.id for q in self.questions.values() if q.function == fn}
        changed = True
        while changed:
            new = {q.id for q in self.questions.values() if set(q.depends_on) & out} - out
            out |= new
            changed = bool(new)
        return out

    def with_time_limit(self, seconds: float) -> Config:
        """A copy in which every question has the given time limit (for tests)."""
        parts = {
            pid: dataclasses.replace(
                p, questions={qid: dataclasses.replace(q, time_limit=seconds) for qid, q in p.questions.items()}
            )
            for pid, p in self.parts.items()
        }
        return dataclasses.replace(
            self, parts=parts, questions={q.id: q for p in parts.values() for q in p.questions.values()}
        )


def _where(path, node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _mapping(path, node, what):
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{_where(path, node)}: {what} must be a mapping of keys to values")
    return [(k.value, k, v) for k, v in node.value]


def _check_keys(path, node, allowed, what, required=()):
    """Return {key: value node}; reject unknown keys (naming line and a close match)."""
    items = _mapping(path, node, what)
    seen = {}
    for key, knode, vnode in items:
        if key in seen:
            raise ConfigError(f"{_where(path, knode)}: key '{key}' appears twice in {what}")
        if allowed is not None and key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{_where(path, knode)}: unknown key '{key}' in {what}{hint}; allowed: {', '.join(sorted(allowed))}"
            )
        seen[key] = vnode
    for key in required:
        if key not in seen:
            raise ConfigError(f"{_where(path, node)}: {what} is missing the key '{key}'")
    return seen


def _value(path, node, types, what):
    """Construct a scalar/sequence node's value and check its type."""
    value = yaml.safe_load(yaml.serialize(node))
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise ConfigError(f"{_where(path, node)}: {what} must not be a boolean")
    if isinstance(value, int) and types is float:
        value = float(value)
    if not isinstance(value, types):
        names = "/".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise ConfigError(f"{_where(path, node)}: {what} should be {names}, got {value!r}")
    return value


def load_config(path: str | Path = DEFAULT_CONFIG, check_tests: bool = True) -> Config:
    """Read and validate the grading configuration.

    Inputs:
    - path: the YAML file (default: grading_config.yml at the repository root).
    - check_tests: also check that every question has a hidden-test module
      (autograder/hidden_tests/<id>.py) defining each configured case.
    Returns a Config; raises ConfigError with "file:line: message" on any mistake.
    """
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as exc:
        raise ConfigError(f"cannot read the grading configuration {path}: {exc.strerror}") from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if root is None:
        raise ConfigError(f"{path}: the file is empty")
    top = _check_keys(path, root, TOP_KEYS, "the top level", required=("parts",))
    defaults, default_limits = _defaults(path, top.get("defaults"))
    seeds = {"fixtures": 231}
    if "seeds" in top:
        for key, vnode in _check_keys(path, top["seeds"], SEED_KEYS, "seeds").items():
            seeds[key] = _value(path, vnode, int, f"seeds.{key}")
    assignment = _value(path, top["assignment"], str, "assignment") if "assignment" in top else ""
    parts, questions, pending_deps = {}, {}, []
    for part_id, pnode in _check_keys(path, top["parts"], None, "parts").items():
        parts[part_id] = _part(path, part_id, pnode, defaults, default_limits, questions, pending_deps)
    for qid, node, deps in pending_deps:
        for dep in deps:
            if dep not in questions:
                close = difflib.get_close_matches(str(dep), list(questions), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ConfigError(f"{_where(path, node)}: question '{qid}' depends on unknown question '{dep}'{hint}")
    if "points" in top:  # the assignment's total: the parts must add up to it
        total = _value(path, top["points"], (int, float), "points")
        got = sum(p.points for p in parts.values())
        if abs(got - total) > 1e-9:
            each = ", ".join(f"{p.id} {p.points:g}" for p in parts.values())
            raise ConfigError(
                f"{_where(path, top['points'])}: the assignment is worth {total:g} points but its parts "
                f"add up to {got:g} ({each}; each part's questions and written questions add up to its points)"
            )
    late = _late_rules(path, top["late"]) if "late" in top else None
    config = Config(path=path, assignment=assignment, seeds=seeds, parts=parts, questions=questions, late=late)
    if check_tests:
        for q in questions.values():
            _check_hidden_tests(path, q, questions)
    return config


def _defaults(path, node) -> tuple[dict, Limits]:
    """({"time_limit", "threshold"}, Limits) from the ``defaults:`` node (None: built-in ones)."""
    defaults = {"time_limit": 30.0, "threshold": 1e-7}
    default_limits = Limits()
    if node is not None:
        for key, vnode in _check_keys(path, node, DEFAULT_KEYS, "defaults").items():
            if key == "limits":
                default_limits = _limits(path, vnode, Limits(), "defaults.limits")
            else:
                defaults[key] = float(_value(path, vnode, DEFAULT_KEYS[key], f"defaults.{key}"))
    return defaults, default_limits


def _part(
    path, part_id: str, pnode, defaults: dict, default_limits: Limits, questions: dict, pending_deps: list
) -> Part:
    """One part from its node; adds its questions to ``questions`` and their ``depends_on`` to
    ``pending_deps`` ((id, node, [ids]), checked once every question is known)."""
    pk = _check_keys(path, pnode, PART_KEYS, f"part '{part_id}'", required=("points", "questions"))
    part_qs = {}
    for qid, qnode in _check_keys(path, pk["questions"], None, f"the questions of part '{part_id}'").items():
        if qid in questions:
            raise ConfigError(f"{_where(path, qnode)}: question id '{qid}' is used twice")
        q, deps_node = _question(path, qid, part_id, qnode, defaults)
        pending_deps.append((qid, deps_node, list(q.depends_on)))
        part_qs[qid] = questions[qid] = q
    written = _written(path, pk["written"], part_id, questions) if "written" in pk else {}
    total = sum(q.points for q in part_qs.values()) + sum(written.values())
    points = _value(path, pk["points"], (int, float), f"part '{part_id}': points")
    if abs(total - points) > 1e-9:
        raise ConfigError(
            f"{_where(path, pk['points'])}: part '{part_id}' is worth {points:g} "
            f"points but its questions add up to {total:g}" + (" (written questions included)" if written else "")
        )
    title = _value(path, pk["title"], str, f"part '{part_id}': title") if "title" in pk else part_id
    notebook = _value(path, pk["notebook"], str, f"part '{part_id}': notebook") if "notebook" in pk else ""
    limits = (
        _limits(path, pk["limits"], default_limits, f"part '{part_id}': limits") if "limits" in pk else default_limits
    )
    return Part(
        id=part_id,
        title=title,
        points=float(points),
        notebook=notebook,
        questions=part_qs,
        limits=limits,
        written=written,
    )


def _question(path, qid: str, part_id: str, qnode, defaults: dict) -> tuple[Question, object]:
    """One question from its node, and the node of its ``depends_on`` (None without one)."""
    what = f"question '{qid}'"
    qk = _check_keys(path, qnode, QUESTION_KEYS, what, required=REQUIRED_QUESTION_KEYS)
    vals = {k: _value(path, v, QUESTION_KEYS[k], f"{what}: {k}") for k, v in qk.items() if k != "cases"}
    if vals["points"] < 0:
        raise ConfigError(f"{_where(path, qk['points'])}: {what}: points must be >= 0")
    if vals["function"].count("::") != 1 or not vals["function"].split("::")[0].endswith(".py"):
        raise ConfigError(
            f"{_where(path, qk['function'])}: {what}: function should look "
            f"like 'cs231n/rnn_layers.py::rnn_step_forward'"
        )
    cases, case_thresholds = {}, {}
    for cname, cnode in _check_keys(path, qk["cases"], None, f"{what}: cases").items():
        if isinstance(cnode, yaml.MappingNode):  # {visibility: public, threshold: 1.0e-6}
            ck = _check_keys(path, cnode, CASE_KEYS, f"{what}: case '{cname}'", required=("visibility",))
            if "threshold" in ck:
                case_thresholds[cname] = float(
                    _value(path, ck["threshold"], float, f"{what}: case '{cname}': threshold")
                )
            cnode = ck["visibility"]
        vis = _value(path, cnode, str, f"{what}: case '{cname}'")
        if vis not in VISIBILITIES:
            close = difflib.get_close_matches(vis, VISIBILITIES, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{_where(path, cnode)}: {what}: case '{cname}' has visibility '{vis}'{hint}; use public or hidden"
            )
        cases[cname] = vis
    if not cases:
        raise ConfigError(f"{_where(path, qk['cases'])}: {what} has no cases")
    q = Question(
        id=qid,
        part=part_id,
        points=float(vals["points"]),
        function=vals["function"],
        threshold=float(vals.get("threshold", defaults["threshold"])),
        time_limit=float(vals.get("time_limit", defaults["time_limit"])),
        cases=cases,
        depends_on=tuple(vals.get("depends_on", [])),
        given=vals.get("given", False),
        max_loss=vals.get("max_loss"),
        more_functions=_more_functions(path, qk.get("more_functions"), vals.get("more_functions", []), what),
        case_thresholds=case_thresholds,
    )
    return q, qk.get("depends_on")


SIZE_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(text: str | int) -> int:
    """Bytes from an int or a string like '4 GiB', '512MiB', '100 MB'; ValueError otherwise."""
    if isinstance(text, int):
        return text
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)\s*", str(text))
    unit = (m.group(2) or "b").lower() if m else None
    if not m or unit not in SIZE_UNITS:
        raise ValueError(f"{text!r} is not a size (examples: 4 GiB, 512 MiB, 100 MB)")
    return int(float(m.group(1)) * SIZE_UNITS[unit])


def _limits(path, node, base: Limits, what) -> Limits:
    """A Limits from a mapping node; keys not given keep ``base``'s values."""
    vals = {}
    for key, vnode in _check_keys(path, node, LIMIT_KEYS, what).items():
        value = _value(path, vnode, LIMIT_KEYS[key], f"{what}.{key}")
        if key in ("memory", "file_size"):
            try:
                value = parse_size(value)
            except ValueError as exc:
                raise ConfigError(f"{_where(path, vnode)}: {what}.{key}: {exc}") from None
        if value <= 0:
            raise ConfigError(f"{_where(path, vnode)}: {what}.{key} must be positive")
        vals[key] = float(value) if key == "cpu_time" else int(value)
    return dataclasses.replace(base, **vals)


def _more_functions(path, node, names, what) -> tuple:
    for name in names:
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name):
            raise ConfigError(
                f"{_where(path, node)}: {what}: more_functions should list function names of "
                f"the same file, like [generator_loss], got {name!r}"
            )
    return tuple(names)


def _written(path, node, part_id, questions) -> dict:
    """{written question id: points} of a part's ``written:`` mapping (ids of the master
    notebook's ``manual: true`` questions, checked by ``a3 build``)."""
    out = {}
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return out  # `written:` with nothing under it
    for qid, vnode in _check_keys(path, node, None, f"part '{part_id}': written").items():
        if qid in questions:
            raise ConfigError(f"{_where(path, vnode)}: written question '{qid}' has the id of an autograded question")
        value = _value(path, vnode, (int, float), f"part '{part_id}': written question '{qid}': points")
        if value < 0:
            raise ConfigError(f"{_where(path, vnode)}: part '{part_id}': written question '{qid}': points must be >= 0")
        out[qid] = float(value)
    return out


def _late_rules(path, node) -> LateRules:
    keys = _check_keys(path, node, LATE_KEYS, "late", required=("due",))
    vals = {k: _value(path, v, LATE_KEYS[k], f"late.{k}") for k, v in keys.items()}
    due = vals["due"]
    if isinstance(due, str):
        try:
            due = datetime.datetime.fromisoformat(due)
        except ValueError:
            raise ConfigError(
                f"{_where(path, keys['due'])}: late.due should be a date and time like "
                f"2026-03-01T23:59:00+00:00, got {due!r}"
            ) from None
    if due.tzinfo is None:
        raise ConfigError(
            f"{_where(path, keys['due'])}: late.due needs a time zone, e.g. "
            f"2026-03-01T23:59:00+00:00 or 2026-03-01 23:59:00-08:00"
        )
    penalty = vals.get("penalty_per_day", 0.0)
    if not 0 <= penalty <= 1:
        raise ConfigError(
            f"{_where(path, keys['penalty_per_day'])}: late.penalty_per_day is a fraction "
            f"of the score, between 0 and 1 (0.1 = 10% per day)"
        )
    return LateRules(
        due=due,
        grace_minutes=float(vals.get("grace_minutes", 0.0)),
        penalty_per_day=penalty,
        max_days_late=vals.get("max_days_late"),
    )


def _check_hidden_tests(path, q: Question, questions: dict) -> None:
    """The question's hidden test exists, keeps the question API (``question_api.py``),
    defines each configured case, and its ``USES`` name configured questions."""
    from autograder.question_api import HiddenTestError, question_hooks

    try:
        hooks = question_hooks(q.id)
    except ModuleNotFoundError as exc:
        if exc.name != f"autograder.hidden_tests.{q.id}":
            raise
        raise ConfigError(
            f"{path}: question '{q.id}' has no hidden tests (expected autograder/hidden_tests/{q.id}.py)"
        ) from None
    except HiddenTestError as exc:
        raise ConfigError(f"{path}: question '{q.id}': {exc}") from None
    missing = [c for c in q.cases if c not in hooks.cases]
    if missing:
        raise ConfigError(
            f"{path}: question '{q.id}': case(s) {', '.join(missing)} are not defined "
            f"in autograder/hidden_tests/{q.id}.py (it defines: {', '.join(hooks.cases)})"
        )
    unknown = [u for u in hooks.uses if u not in questions]
    if unknown:
        raise ConfigError(
            f"{path}: question '{q.id}': autograder/hidden_tests/{q.id}.py: USES names "
            f"unknown question(s) {', '.join(unknown)}"
        )
