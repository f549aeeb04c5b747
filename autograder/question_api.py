"""The question API: what a hidden test (``autograder/hidden_tests/<id>.py``) may define,
and the helpers it may use. Hidden tests import from this module only (and from their
shared ``autograder/hidden_tests/_*.py`` helpers); the engine reads their hooks only
through :func:`question_hooks`, which checks them (``load_config``, and so ``a3 build``
and ``a3 grade``, fail on a hook of the wrong type or an unknown name that looks like one).

A hidden test defines, at module level:

======================  ========================================================================
``CASES`` (required)    ``{case name: make(rng) -> {input name: array}}``: the inputs of each case
                        from a seeded ``np.random.RandomState``; the config's ``cases:`` names the
                        ones graded and their visibility. Input names are the parameters of the
                        question's call (``autograder/student_process/calls/<part>.py``).
``check``               ``check(case, got, expected, inputs, question) -> [Check, ...]``: replaces
                        the default (every expected output compared with :func:`compare_outputs`).
                        ``got``/``expected``/``inputs``: {name: array}; ``expected`` is None when
                        ``EXPECTED = False``. A check that students' public cases run too is
                        registered once, in ``student_tools/checks`` (``CHECKS``), not here:
                        the hook is taken from there.
``check_source``        ``check_source(case, source, question) -> [Check, ...]``: checks on the text
                        of the submitted file (``source``: str, or None if unreadable); parsed by
                        the grader, never run. Added to the checks of every case. A shipped one
                        is registered once, in ``student_tools/checks`` (``SOURCE_CHECKS``).
``prepare``             ``prepare() -> None``: started in a background thread while the student
                        process runs (e.g. load the grader's own model); idempotent, thread-safe.
``IMAGES``              names of outputs that are pictures, shown in the feedback (``("saliency",)``).
``USES``                question ids whose student functions this question's code runs: a failed
                        case says which of them fail their own questions (``("content_loss", ...)``).
``EXPECTED``            ``False``: the fixture keeps no reference outputs (the check recomputes).
``FIXTURE_TOLERANCE``   ``(rtol, atol)`` for ``a3 build --check`` comparing rebuilt expected values.
``PUBLISHED``           ``{case: {output: values}}``: the course's published values of a case;
                        ``a3 build`` fails if the reference does not reproduce them.
======================  ========================================================================

Any other public name is the test's own (case makers, constants); a name that looks like a
hook but is not one (``CASE``, ``Check_source``, ``Images``) is an error.

Example, a complete hidden test::

    import numpy as np
    from autograder.question_api import Check, compare_array

    def linspace(rng):
        return {"x": np.linspace(-1, 1, 12).reshape(3, 4)}

    def random(rng):
        return {"x": rng.randn(5, 4)}

    CASES = {"linspace": linspace, "random": random}

    def check(case, got, expected, inputs, question):
        return [compare_array("out", got.get("out"), expected["out"], question.threshold),
                Check("shape", got["out"].shape == inputs["x"].shape, "out has the shape of x")]
"""

from __future__ import annotations

import difflib
import importlib
import inspect
from collections.abc import Callable, Iterable, Mapping
import dataclasses
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

import numpy as np

# The helpers a hidden test may use (re-exported: import them from here).
from autograder import REPO_ROOT
from autograder.student_tools.checks import CHECKS, SOURCE_CHECKS
from autograder.student_tools.compare import Check, compare_array, compare_outputs, rel_error
from autograder.student_tools.measure import caption_difference, scaled_error
from autograder.student_tools.source_checks import loops_in
from autograder.student_process.assets import package_file
from autograder.student_process.calls.captioning import PARAM as PARAM_PREFIX  # the calls' input names
from autograder.student_process.calls.captioning import RULES as TRAINING_RULES  # the training runs

ASSIGNMENT_DATA = REPO_ROOT / "assignment" / "data"  # the public data: captioning, netvis, gan

__all__ = [
    "ASSIGNMENT_DATA",
    "Check",
    "compare_array",
    "compare_outputs",
    "rel_error",
    "scaled_error",
    "caption_difference",
    "loops_in",
    "package_file",
    "PARAM_PREFIX",
    "TRAINING_RULES",
    "Arrays",
    "CaseMaker",
    "CheckHook",
    "CheckSourceHook",
    "Question",
    "QuestionHooks",
    "HiddenTestError",
    "HOOKS",
    "question_hooks",
    "hooks_of",
]

Arrays = Mapping[str, np.ndarray]


class CaseMaker(Protocol):
    """Makes one case's inputs: ``make(rng) -> {input name: array}``."""

    def __call__(self, rng: np.random.RandomState) -> dict[str, Any]: ...


class Question(Protocol):
    """What a hook may read of its question: a config.Question (grading_config.yml's entry),
    named here so that this module needs nothing of the configuration's loader."""

    id: str
    part: str
    points: float
    threshold: float
    time_limit: float
    cases: dict  # case name -> "public" | "hidden"

    @property
    def file(self) -> str: ...  # "cs231n/rnn_layers.py"

    @property
    def qualname(self) -> str: ...  # "rnn_step_forward"


class CheckHook(Protocol):
    """``check(case, got, expected, inputs, question) -> [Check, ...]``."""

    def __call__(
        self, case: str, got: Arrays, expected: Arrays | None, inputs: Arrays, question: Question
    ) -> Iterable[Check]: ...


class CheckSourceHook(Protocol):
    """``check_source(case, source, question) -> [Check, ...]``."""

    def __call__(self, case: str, source: str | None, question: Question) -> Iterable[Check]: ...


class HiddenTestError(ValueError):
    """A hidden test that breaks the question API; the message names the file and the hook."""


@dataclass(frozen=True)
class QuestionHooks:
    """The hooks of one question's hidden test, checked (see the module's docstring)."""

    id: str
    cases: Mapping[str, CaseMaker]
    check: CheckHook | None = None
    check_source: CheckSourceHook | None = None
    prepare: Callable[[], object] | None = None
    images: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    expected: bool = True
    fixture_tolerance: tuple[float, float] | None = None
    published: Mapping[str, Mapping[str, Any]] = dataclasses.field(default_factory=dict)


def _callable(n_args: int) -> Callable[[Any], str | None]:
    def validate(value: Any) -> str | None:
        if not callable(value):
            return f"should be a function, got {type(value).__name__}"
        try:
            inspect.signature(value).bind(*range(n_args))
        except TypeError:
            return f"should take {n_args} positional argument(s), its signature is {inspect.signature(value)}"
        except ValueError:  # a builtin without a signature: accept it
            pass
        return None

    return validate


def _cases(value: Any) -> str | None:
    if not isinstance(value, Mapping) or not value:
        return f"should be a non-empty dict {{case name: make(rng)}}, got {type(value).__name__}"
    for name, make in value.items():
        problem = _callable(1)(make)
        if not isinstance(name, str) or problem:
            return f"case {name!r} {problem or 'should be named by a string'}"
    return None


def _names(value: Any) -> str | None:
    if isinstance(value, str) or not isinstance(value, (tuple, list)) or not all(isinstance(v, str) for v in value):
        return f"should be a tuple of names, got {value!r}"
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"should be True or False, got {value!r}"


def _tolerance(value: Any) -> str | None:
    ok = (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in value)
    )
    return None if ok else f"should be a pair (rtol, atol) of numbers >= 0, got {value!r}"


def _published(value: Any) -> str | None:
    ok = isinstance(value, Mapping) and all(isinstance(c, str) and isinstance(v, Mapping) for c, v in value.items())
    return None if ok else f"should be {{case: {{output: values}}}}, got {type(value).__name__}"


# hook name in the module -> (QuestionHooks field, validator)
HOOKS: dict[str, tuple[str, Callable[[Any], str | None]]] = {
    "CASES": ("cases", _cases),
    "check": ("check", _callable(5)),
    "check_source": ("check_source", _callable(3)),
    "prepare": ("prepare", _callable(0)),
    "IMAGES": ("images", _names),
    "USES": ("uses", _names),
    "EXPECTED": ("expected", _flag),
    "FIXTURE_TOLERANCE": ("fixture_tolerance", _tolerance),
    "PUBLISHED": ("published", _published),
}


def _own_names(module: ModuleType) -> list[str]:
    """Public module-level names the hidden test defines itself (not imported modules or functions)."""
    names = []
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, ModuleType):
            continue
        if getattr(value, "__module__", module.__name__) != module.__name__ and (callable(value)):
            continue
        names.append(name)
    return names


def _looks_like_hook(name: str) -> str | None:
    """The hook ``name`` was probably meant to be, or None: the same name in other case
    (``Check``, ``images``), or a near spelling in the same case (``CASE``, ``check_sources``)."""
    for hook in HOOKS:
        if name.lower() == hook.lower():
            return hook
    same_style = [h for h in HOOKS if h.isupper() == name.isupper()]
    close = difflib.get_close_matches(name, same_style, n=1, cutoff=0.85)
    return close[0] if close else None


def hooks_of(module: ModuleType, qid: str) -> QuestionHooks:
    """The checked hooks of a hidden-test module; raises HiddenTestError naming the file and
    the hook when one has the wrong type, CASES is missing, or a name looks like a misspelt hook.
    A question whose ``check`` (``check_source``) is shipped to students is registered once, in
    ``student_tools/checks`` (CHECKS, SOURCE_CHECKS): its hook is taken from there, and a hidden
    test that defines it as well is refused."""
    where = f"autograder/hidden_tests/{qid}.py"
    makers = (
        {id(m) for m in getattr(module, "CASES", {}).values()}
        if isinstance(getattr(module, "CASES", None), Mapping)
        else set()
    )
    for name in _own_names(module):
        if id(getattr(module, name)) in makers:  # a case maker may have any name (e.g. `published`)
            continue
        meant = _looks_like_hook(name) if name not in HOOKS else None
        if meant:
            raise HiddenTestError(
                f"{where}: defines {name}, which is not a hook of the question API "
                f"(did you mean {meant}? see autograder/question_api.py)"
            )
    if not hasattr(module, "CASES"):
        raise HiddenTestError(f"{where}: defines no CASES (see autograder/question_api.py)")
    values = {}
    for name, (attr, validate) in HOOKS.items():
        if hasattr(module, name):
            value = getattr(module, name)
            problem = validate(value)
            if problem:
                raise HiddenTestError(f"{where}: {name} {problem}")
            values[attr] = tuple(value) if attr in ("images", "uses") else value
    for name, registry in (("check", CHECKS), ("check_source", SOURCE_CHECKS)):
        if qid in registry:  # the one registration of a shipped check (a3 check judges with it too)
            if name in values:
                raise HiddenTestError(
                    f"{where}: defines {name}, but the {name} of {qid} is registered in "
                    f"autograder/student_tools/checks/__init__.py; define it in one place"
                )
            values[name] = registry[qid]
    return QuestionHooks(id=qid, **values)


def question_hooks(qid: str) -> QuestionHooks:
    """The checked hooks of question ``qid`` (imports ``autograder.hidden_tests.<qid>``;
    ModuleNotFoundError if there is none). Read afresh on each call, so that a test may
    change a module's hook."""
    return hooks_of(importlib.import_module(f"autograder.hidden_tests.{qid}"), qid)
