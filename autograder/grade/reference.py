"""The hidden reference implementation (``solutions/cs231n``), imported into the grader
process for checks that need more than a stored value (e.g. recomputing the loss of a
model the student trained). Student code is never imported into the grader process; where
another ``cs231n`` is loaded all the same (a notebook kernel, a test session), it is set
aside while the reference loads and put back afterwards."""
from __future__ import annotations

import importlib
import sys

from autograder.config import REPO_ROOT

SOLUTIONS = REPO_ROOT / "solutions"
_loaded: dict = {}


def _cs231n_modules() -> list:
    return [k for k in sys.modules if k == "cs231n" or k.startswith("cs231n.")]


def reference_module(name: str):
    """The reference's ``cs231n.<name>`` from ``solutions/`` (imported once), whatever
    ``cs231n`` package is imported in this process."""
    if name not in _loaded:
        others = {k: sys.modules.pop(k) for k in _cs231n_modules()}
        sys.path.insert(0, str(SOLUTIONS))
        try:
            _loaded[name] = importlib.import_module("cs231n." + name)
        finally:
            sys.path.remove(str(SOLUTIONS))
            for k in _cs231n_modules():
                del sys.modules[k]
            sys.modules.update(others)
    return _loaded[name]
