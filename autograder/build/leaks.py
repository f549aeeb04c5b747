"""Leak checks on the student template: no solution marker, no line of a solution region
(as code, or inside a comment such as ``# hint: ...``), no line of a hidden test, no
expected value of a hidden case, no fixture file.

Solution lines are compared without their spaces. A line counts from 8 characters (so the
one-line solution ``out = W[x]`` does) if it assigns, calls or indexes something; a line that
is also given code of the reference package, or part of a line of it (the template keeps
them: signatures, docstrings with their equations, the given loops), is not a leak wherever
it appears."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from autograder.fixture_store import read_fixture

MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|#\s*SOLUTION\b|BEGIN HIDDEN|hidden_tests")
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".json", ".toml", ".cfg", ".yml", ".yaml"}
MIN_LINE = 16           # hidden-test lines
MIN_SOLUTION = 8        # solution lines, without spaces: `out=W[x]`
CODE_SIGNS = ("=", "(", "[")


def _text_files(root: Path):
    for path in sorted(Path(root).rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
            yield path, path.read_text(errors="replace")


def _significant(lines, given: set) -> set:
    out = set()
    for line in lines:
        s = line.strip()
        if len(s) >= MIN_LINE and not s.startswith("#") and s not in given:
            out.add(s)
    return out


def squeeze(line: str) -> str:
    """A line without any whitespace: how solution lines are compared."""
    return re.sub(r"\s+", "", line)


def given_lines(solutions_root: Path) -> set:
    """Every line (squeezed) of the reference package as the strip leaves it: the given code,
    docstrings and comments that the template shows anyway."""
    from autograder.build.strip import strip_source
    given = set()
    for path in Path(solutions_root).rglob("*.py"):
        text, _ = strip_source(path.read_text(), path.name, {})
        given |= {squeeze(ln) for ln in text.splitlines()}
    return given


def solution_lines(removed: dict, solutions_root: Path) -> set:
    """Lines (squeezed) of the solution regions that are code (they assign, call or index),
    at least MIN_SOLUTION characters long, and appear nowhere in the given code of the
    reference package, not even inside a line: ``N, T, D = x.shape`` is given code, and
    ``next_c = f * prev_c + i * g`` is in lstm_step_forward's docstring, so neither leaks."""
    shown = "\n".join(given_lines(solutions_root))
    out = set()
    for lines in removed.values():
        for line in lines:
            s = squeeze(line.split("# SOLUTION")[0] if line.rstrip().endswith("# SOLUTION") else line)
            if (len(s) >= MIN_SOLUTION and not s.startswith("#") and any(c in s for c in CODE_SIGNS)
                    and s not in shown):
                out.add(s)
    return out


def comment_text(line: str) -> str:
    """The squeezed text after the first ``#`` of a line, without a leading label such as
    ``hint:`` or ``TODO:`` ("" if the line has no comment)."""
    if "#" not in line:
        return ""
    text = line.split("#", 1)[1].lstrip("# ")
    return squeeze(re.sub(r"^[A-Za-z][\w ()-]{0,20}:\s*", "", text))


def solution_leak(line: str, sol: set, given: set) -> str:
    """Why ``line`` (of a student file, unescaped) leaks a solution line, or "".
    Code: the squeezed line is a solution line. Comment: a solution line appears in it."""
    s = squeeze(line)
    if not s or s in given:
        return ""
    if s in sol:
        return "a line of the reference solution"
    comment = comment_text(line)
    if comment and any(ln in comment for ln in sol):
        return "a line of the reference solution, in a comment"
    return ""


def public_case_lines(config) -> set:
    """Source lines of the functions that make public cases: public, so not leaks."""
    import inspect
    from autograder.question_api import question_hooks
    lines = set()
    for q in config.questions.values():
        cases = question_hooks(q.id).cases
        for case, vis in q.cases.items():
            if vis == "public":
                lines |= {ln.strip() for ln in inspect.getsource(cases[case]).splitlines()}
    return lines


def published_lines(source: str) -> set:
    """Line numbers (1-based) of a hidden test's ``PUBLISHED = ...``: the course's published
    values, which the notebooks print too."""
    import ast
    spans = [(node.lineno, node.end_lineno) for node in ast.parse(source).body if isinstance(node, ast.Assign)
             and any(isinstance(t, ast.Name) and t.id == "PUBLISHED" for t in node.targets)]
    return {n for first, last in spans for n in range(first, last + 1)}


def shipped_code_lines() -> set:
    """Lines of the engine code that ``a3 build`` ships to students on purpose (the student
    tools and the student process's calls, which the public cases run): not leaks."""
    root = Path(__file__).resolve().parents[1]
    return {ln.strip() for folder in ("student_tools", "student_process") for path in (root / folder).rglob("*.py")
            for ln in path.read_text().splitlines()}


def hidden_test_lines(hidden_dir: Path, config) -> set:
    """Significant lines of the hidden tests, less those of public cases, published values and
    shipped code."""
    lines = []
    for path in Path(hidden_dir).glob("*.py"):
        text = path.read_text()
        public = published_lines(text)
        lines += [ln for n, ln in enumerate(text.splitlines(), 1)
                  if n not in public and not ln.strip().startswith(('"""', "from ", "import "))]
    return _significant(lines, public_case_lines(config) | shipped_code_lines())


def hidden_values(config, fixture_dir: Path, per_array: int = 4) -> set:
    """Printed forms (8 decimals) of a few entries of every hidden case's expected arrays."""
    values = set()
    for q in config.questions.values():
        try:
            fixture = read_fixture(q.id, fixture_dir)
        except FileNotFoundError:
            continue
        for case, vis in q.cases.items():
            expected = fixture.get(case, (None, None))[1]
            if vis != "hidden" or not expected:
                continue
            for arr in expected.values():
                flat = np.asarray(arr, dtype=np.float64).ravel() if arr.dtype.kind == "f" else np.array([])
                picks = [v for v in flat if abs(v) > 1e-3][:per_array]
                values |= {f"{v:.8f}" for v in picks}
    return values


def find_leaks(template: Path, removed: dict, config, fixture_dir: Path, solutions_root: Path,
               hidden_dir: Path) -> list:
    """Return a list of leak descriptions ("file:line: what"); empty when the template is clean."""
    leaks = []
    sol = solution_lines(removed, solutions_root)
    given = given_lines(solutions_root)
    hid = {ln.rstrip(",") for ln in hidden_test_lines(hidden_dir, config)}   # a student line loses its "," below
    vals = hidden_values(config, fixture_dir)
    fixture_bytes = {p.read_bytes() for p in Path(fixture_dir).glob("*.h5")}
    for path in sorted(Path(template).rglob("*")):
        if path.is_file() and path.suffix in (".h5", ".npz") and path.read_bytes() in fixture_bytes:
            leaks.append(f"{path}: is a copy of a hidden fixture")
    for path, text in _text_files(template):
        for n, line in enumerate(text.splitlines(), 1):
            s = line.strip().strip('",').replace('\\"', '"').replace("\\n", "")
            why = solution_leak(s, sol, given)
            if MARKERS.search(line):
                leaks.append(f"{path}:{n}: solution or hidden-test marker: {s[:80]}")
            elif why:
                leaks.append(f"{path}:{n}: {why}: {s[:80]}")
            elif s.rstrip(",") in hid:
                leaks.append(f"{path}:{n}: a line of a hidden test: {s[:80]}")
        for v in vals:
            if v in text:
                leaks.append(f"{path}: contains {v}, an expected value of a hidden test case")
    return leaks
