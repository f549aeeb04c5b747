"""The reference implementation (``solutions/cs231n``) imported into this process, for the
build (which runs it to make the fixtures) and the tests. Grading never imports it: it
compares with the fixtures only, and the Gradescope zip does not ship ``solutions/``. Where
another ``cs231n`` is loaded (a notebook kernel, a test session), it is set aside while the
reference loads and put back afterwards."""

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
