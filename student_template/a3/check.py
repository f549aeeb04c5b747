"""``a3 check QUESTION``: run a question's public tests (``tests/<question>.py``, the Otter
test files that ``grader.check`` runs in the notebook) on the student's ``cs231n`` package."""
from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path


def available(folder: Path) -> list:
    return sorted(p.stem for p in (folder / "tests").glob("*.py") if not p.name.startswith("_"))


def run_public_tests(question: str, folder: Path):
    """Run ``folder/tests/<question>.py`` with ``folder`` on sys.path (so ``cs231n`` is the
    student's). Returns otter's TestFile with its results."""
    from otter.test_files import OKTestFile

    folder = Path(folder).resolve()
    path = folder / "tests" / f"{question}.py"
    _forget_cs231n()
    sys.path.insert(0, str(folder))
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        test = OKTestFile.from_file(str(path))
        test.run({"__name__": "__main__"})
    finally:
        os.chdir(cwd)
        sys.path.remove(str(folder))
        _forget_cs231n()
    return test


def _forget_cs231n():
    """Drop imported cs231n modules, so the tests import the folder's own package."""
    for name in [m for m in sys.modules if m == "cs231n" or m.startswith("cs231n.")]:
        del sys.modules[name]


def main(question: str, folder: Path) -> int:
    folder = Path(folder)
    names = available(folder)
    if not names:
        print(f"a3 check: no public tests in {folder / 'tests'}; run this in the assignment folder "
              f"(the one with cs231n/ and tests/), or pass --dir", file=sys.stderr)
        return 2
    if question not in names:
        close = difflib.get_close_matches(question, names, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        print(f"a3 check: no public test for '{question}'.{hint} Questions: {', '.join(names)}", file=sys.stderr)
        return 2
    test = run_public_tests(question, folder)
    print(test.summary())
    return 0 if test.passed_all else 1
