"""Import one ``cs231n`` package among several: the reference (``solutions/cs231n``), the
student template's, a student's folder. One process may need more than one (the grader's
checks use the reference while a test session imported the template; ``a3 check`` runs the
folder's package in a notebook kernel that imported another), and Python keeps one
``cs231n`` in ``sys.modules``. Every place that swaps them uses this module (shipped to
students as ``a3/packages.py``).

    with package_from(SOLUTIONS):                # SOLUTIONS holds cs231n/
        from cs231n.rnn_layers import rnn_forward
    rnn = import_from(SOLUTIONS, "cs231n.classifiers.rnn")
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType


def loaded(package: str = "cs231n") -> dict[str, ModuleType]:
    """{name: module} of ``package`` and its submodules now in ``sys.modules``."""
    return {k: m for k, m in sys.modules.items() if k == package or k.startswith(package + ".")}


def forget(package: str = "cs231n") -> dict[str, ModuleType]:
    """Remove ``package`` and its submodules from ``sys.modules`` (the next import reads the
    files again, from the first folder on ``sys.path`` that has it); returns what was removed."""
    modules = loaded(package)
    for name in modules:
        del sys.modules[name]
    return modules


@contextlib.contextmanager
def package_from(folder: str | Path, package: str = "cs231n") -> Iterator[None]:
    """Inside the block, ``import <package>...`` imports ``folder/<package>``. Modules of
    another ``package`` loaded before are set aside and put back afterwards; the folder's
    modules are dropped from ``sys.modules`` then (objects taken from them stay usable)."""
    folder = str(folder)
    others = forget(package)
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        sys.path.remove(folder)
        forget(package)
        sys.modules.update(others)


def import_from(folder: str | Path, module: str) -> ModuleType:
    """The module ``module`` (e.g. ``cs231n.classifiers.rnn``) of ``folder``'s package,
    imported as :func:`package_from` does, whatever other package of that name is loaded."""
    with package_from(folder, module.split(".")[0]):
        return importlib.import_module(module)
