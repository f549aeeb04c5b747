"""The hidden reference implementation (``solutions/cs231n``), imported into the grader
process for checks that need more than a stored value (e.g. recomputing the loss of a
model the student trained). Student code is never imported into the grader process; where
another ``cs231n`` is loaded all the same (a notebook kernel, a test session), it is set
aside while the reference loads and put back afterwards."""

from __future__ import annotations

from autograder.config import REPO_ROOT
from autograder.student_tools.packages import import_from
from types import ModuleType

SOLUTIONS = REPO_ROOT / "solutions"
_loaded: dict = {}


def reference_module(name: str) -> ModuleType:
    """The reference's ``cs231n.<name>`` from ``solutions/`` (imported once), whatever
    ``cs231n`` package is imported in this process."""
    if name not in _loaded:
        _loaded[name] = import_from(SOLUTIONS, "cs231n." + name)
    return _loaded[name]
