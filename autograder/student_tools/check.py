"""``a3 check QUESTION`` and ``a3 check --all``: run the public tests on the student's
``cs231n`` package and print one line per case, its message first (``a3 check --all``: a
table of every question). A question with graded public cases (``tests/public/<id>.npz``)
runs them (``public_cases.py``: the grader's calls and checks), one line per case; any
other runs its Otter test file (``tests/<id>.py``, what ``grader.check`` runs in the
notebook). A function of the package that returned None (or a None in its tuple) is named
as such, instead of the consequence the test saw ("has shape ()")."""

from __future__ import annotations

import difflib
import functools
import importlib
import inspect
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .packages import loaded, package_from

_IMPORT = re.compile(r"from\s+(cs231n(?:\.\w+)*)\s+import\s+([\w\s,()]+)")
_PUBLIC_CALL = re.compile(r"check_public_cases\(\s*['\"](\w+)['\"]")
PUBLIC = Path("tests") / "public"
INDEX = PUBLIC / "index.json"  # the questions in config order with part and points (a3 build)


@dataclass
class CaseRun:
    """One public case as ``a3 check`` ran it (the fields Otter's results have)."""

    name: str
    passed: bool
    message: str = ""


@dataclass
class PublicRun:
    """The graded public cases of one question, run (what Otter's TestFile offers)."""

    test_case_results: list = field(default_factory=list)

    @property
    def passed_all(self) -> bool:
        return all(r.passed for r in self.test_case_results)


_EXCEPTION_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)|Exception): ")


def available(folder: Path) -> list:
    """Questions with a public test: graded public cases or an Otter test file."""
    names = {p.stem for p in (folder / "tests").glob("*.py") if not p.name.startswith("_")}
    return sorted(names | {p.stem for p in (folder / PUBLIC).glob("*.npz")})


def question_index(folder: Path) -> list:
    """[{"id", "part", "points"}] of the questions with a public test, in the config's order
    (part by part), from ``tests/public/index.json``; a test it does not list comes last
    with part "" and points None."""
    names = available(folder)
    try:
        listed = [q for q in json.loads((Path(folder) / INDEX).read_text())["questions"] if q["id"] in names]
    except (OSError, ValueError, KeyError, TypeError):
        listed = []
    ids = {q["id"] for q in listed}
    return listed + [{"id": n, "part": "", "points": None} for n in names if n not in ids]


def _returns_a_value(fn) -> bool:
    """Whether ``fn``'s source has a ``return <value>`` (a function meant to return one;
    the template's stubs all do). Those without (a training loop) may return None."""
    import ast
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return False
    return any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(tree))


def _watch(obj, name: str, nones: list):
    """``obj`` (a function) wrapped to note in ``nones`` each call that returned None or a
    tuple holding a None: (name, None) or (name, (index, length))."""

    @functools.wraps(obj)
    def wrapper(*args, **kwargs):
        out = obj(*args, **kwargs)
        if out is None:
            nones.append((name, None))
        elif isinstance(out, tuple):
            nones.extend((name, (i, len(out))) for i, v in enumerate(out) if v is None)
        return out

    return wrapper


def _watch_imports(code: str, nones: list) -> None:
    """Import the student's cs231n modules that the test code imports from, then wrap the
    functions (and the methods of the classes) of every cs231n module loaded, so that a None
    they return (to the test, or to one another) is reported by name."""
    from .public_cases import modules_of

    modules = [m for m, _ in _IMPORT.findall(code)]
    for qid in _PUBLIC_CALL.findall(code):  # the graded public cases call the student's functions
        modules += modules_of(qid)
    _watch_modules(modules, nones)


def _watch_modules(modules: list, nones: list) -> None:
    """Import ``modules`` (cs231n.<name>) and wrap the functions and methods of every cs231n
    module loaded (see _watch_imports)."""
    for module_name in dict.fromkeys(modules):
        try:
            importlib.import_module(module_name)
        except Exception:  # the test itself reports a package that cannot be imported
            continue
    for module in list(loaded("cs231n").values()):
        for name, obj in list(vars(module).items()):
            if getattr(obj, "__module__", None) != module.__name__ or name.startswith("_"):
                continue
            if inspect.isfunction(obj) and _returns_a_value(obj):
                setattr(module, name, _watch(obj, name, nones))
            elif inspect.isclass(obj):
                for attr, member in list(vars(obj).items()):
                    if inspect.isfunction(member) and not attr.startswith("__") and _returns_a_value(member):
                        setattr(obj, attr, _watch(member, f"{name}.{attr}", nones))


def run_public_tests(question: str, folder: Path) -> tuple:
    """Run ``folder/tests/<question>.py`` with ``folder`` on sys.path (so ``cs231n`` is the
    student's). Returns (otter's TestFile with its results, [(function, None or (i, n))]
    for each call of a student function that returned None or a None inside its tuple)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up lines are not the result
    from otter.test_files import OKTestFile

    folder = Path(folder).resolve()
    path = folder / "tests" / f"{question}.py"
    cwd = os.getcwd()
    os.chdir(folder)
    nones = []
    try:
        with package_from(folder):
            if (folder / PUBLIC / f"{question}.npz").is_file():
                test = run_graded_public_cases(question, folder, nones)
            else:
                test = OKTestFile.from_file(str(path))
                _watch_imports("\n".join(str(getattr(c, "body", "")) for c in test.test_cases), nones)
                test.run({"__name__": "__main__"})
    finally:
        os.chdir(cwd)
    return test, nones


def run_graded_public_cases(question: str, folder: Path, nones: list) -> PublicRun:
    """Run the graded public cases of ``question`` (``public_cases.py``), one CaseRun each;
    an exception of the student's code fails its case with the exception's line."""
    from . import public_cases

    _watch_modules(public_cases.modules_of(question, folder), nones)
    spec, cases = public_cases.load_cases(question, folder)
    pkg = public_cases.package.StudentPackage(str(folder))
    run = PublicRun()
    for case, (inputs, expected) in cases.items():
        why = public_cases.case_problem(spec, case, inputs, expected, pkg, folder)
        run.test_case_results.append(CaseRun(case, why is None, why or ""))
    return run


def failure_message(transcript: str) -> str:
    """The one useful line of a doctest failure: the exception's message (an assertion's
    text without its ``AssertionError:``), else the transcript's last line."""
    lines = [ln.strip() for ln in str(transcript).splitlines() if ln.strip()]
    for line in reversed(lines):
        if _EXCEPTION_LINE.match(line):
            return re.sub(r"^AssertionError: ", "", line)
    return lines[-1] if lines else "failed"


def none_message(nones: list) -> str:
    """ "rnn_step_forward returned None" or "... returned None as output 1 of 2" ("" if none)."""
    if not nones:
        return ""
    name, where = nones[0]
    return f"{name} returned None" + ("" if where is None else f" as output {where[0] + 1} of {where[1]}")


def case_lines(question: str, test, nones: list) -> list:
    """One entry per case: "passed: <question>, case <name>" or "failed: <question>, case
    <name>: <message>" (public_cases.failure_text, as the notebook says it; an Otter test's
    case is "case i of n"); the message says which function returned None, when one did."""
    from .public_cases import failure_text

    results = test.test_case_results
    out = []
    for i, r in enumerate(results, start=1):
        case = r.name if isinstance(r, CaseRun) else f"{i} of {len(results)}"
        if r.passed:
            out.append(f"passed: {question}, case {case}")
            continue
        msg = r.message if isinstance(r, CaseRun) else failure_message(r.message)
        if none_message(nones):
            msg = f"{none_message(nones)} (then: {msg})"
        out.append(f"failed: {failure_text(question, case, msg)}")
    return out


def _not_found(question, names, folder) -> int:
    parts = sorted({q["part"] for q in question_index(folder) if q["part"]})
    if not names:
        print(
            f"a3 check: no public tests in {folder / 'tests'}; run this in the assignment folder "
            f"(the one with cs231n/ and tests/), or pass --dir",
            file=sys.stderr,
        )
    else:
        close = difflib.get_close_matches(question, names, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        print(
            f"a3 check: no public test for '{question}'.{hint} Questions: {', '.join(names)}"
            + (f"; parts: {', '.join(parts)}" if parts else ""),
            file=sys.stderr,
        )
    return 2


def main(question: str, folder: Path) -> int:
    """``a3 check QUESTION``: 0 if every case passed, 1 if one failed, 2 for a bad question.
    A part id (``a3 check rnn``) checks every question of the part, as ``--all`` does."""
    folder = Path(folder)
    names = available(folder)
    if question not in names and question in {q["part"] for q in question_index(folder)}:
        return main_all(folder, part=question)
    if question not in names:
        return _not_found(question, names, folder)
    test, nones = run_public_tests(question, folder)
    for line in case_lines(question, test, nones):
        print(line)
    return 0 if test.passed_all else 1


def main_all(folder: Path, part: str | None = None) -> int:
    """``a3 check --all`` (or ``a3 check PART``): a table of every question (of ``part``), part
    by part in the config's order: cases passed, the first failure. Questions of given code
    (0 points) are checked and shown but not counted in "N of M questions pass"."""
    folder = Path(folder)
    index = [q for q in question_index(folder) if part is None or q["part"] == part]
    if not index:
        return _not_found("", [], folder)
    rows = [("question", "result", "cases", "first problem")]
    failed, given = 0, []
    for q in index:
        name = q["id"]
        test, nones = run_public_tests(name, folder)
        results = test.test_case_results
        passed = sum(r.passed for r in results)
        first = next(
            (ln.split(": ", 2)[2].splitlines()[0] for ln in case_lines(name, test, nones) if ln.startswith("failed")),
            "",
        )
        if q["points"] == 0:
            given.append(name)
            first = "(given code: 0 points, not counted) " + first
        failed += not test.passed_all
        rows.append((name, "passed" if test.passed_all else "FAILED", f"{passed}/{len(results)}", first.strip()))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        print(("  ".join(c.ljust(w) for c, w in zip(row[:3], widths)) + "  " + row[3]).rstrip())
    counted = len(index) - len(given)
    given_failed = sum(row[1] == "FAILED" for row in rows[1:] if row[0] in given)
    print(f"\n{counted - failed + given_failed} of {counted} questions pass their public tests")
    return 0 if not failed else 1
