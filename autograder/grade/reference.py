"""The hidden reference implementation (``solutions/cs231n``), imported into the grader
process for checks that need more than a stored value (e.g. recomputing the loss of a
model the student trained). Student code is never imported into this process."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from autograder.config import REPO_ROOT

SOLUTIONS = REPO_ROOT / "solutions"


def reference_module(name: str):
    """Import ``cs231n.<name>`` from ``solutions/``; refuses if another cs231n is loaded."""
    loaded = sys.modules.get("cs231n")
    if loaded is not None and not str(getattr(loaded, "__file__", "")).startswith(str(SOLUTIONS)):
        raise RuntimeError(f"a different cs231n package is already imported ({loaded.__file__}); "
                           "the grader only imports the reference")
    if str(SOLUTIONS) not in sys.path:
        sys.path.insert(0, str(SOLUTIONS))
    return importlib.import_module("cs231n." + name)
