"""Leak checks on the student template: no solution marker, no line of a solution region,
no line of a hidden test, no expected value of a hidden case, no fixture file."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from autograder.fixture_store import read_fixture

MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|#\s*SOLUTION\b|BEGIN HIDDEN|hidden_tests")
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".json", ".toml", ".cfg", ".yml", ".yaml"}
MIN_LINE = 16


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


def solution_lines(removed: dict, solutions_root: Path) -> set:
    """Lines of the solution regions that appear nowhere else in the reference package
    (a line that is also given code, like ``N, T, D = x.shape``, is not a leak)."""
    from autograder.build.strip import strip_source
    given = set()
    for path in Path(solutions_root).rglob("*.py"):
        text, _ = strip_source(path.read_text(), path.name, {})
        given |= {ln.strip() for ln in text.splitlines()}
    return _significant([ln for lines in removed.values() for ln in lines], given)


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


def hidden_test_lines(hidden_dir: Path, config) -> set:
    """Significant lines of the hidden tests, less those of public cases."""
    lines = []
    for path in Path(hidden_dir).glob("*.py"):
        lines += [ln for ln in path.read_text().splitlines() if not ln.strip().startswith(('"""', "from ", "import "))]
    return _significant(lines, public_case_lines(config))


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
    hid = hidden_test_lines(hidden_dir, config)
    vals = hidden_values(config, fixture_dir)
    fixture_bytes = {p.read_bytes() for p in Path(fixture_dir).glob("*.h5")}
    for path in sorted(Path(template).rglob("*")):
        if path.is_file() and path.suffix in (".h5", ".npz") and path.read_bytes() in fixture_bytes:
            leaks.append(f"{path}: is a copy of a hidden fixture")
    for path, text in _text_files(template):
        for n, line in enumerate(text.splitlines(), 1):
            s = line.strip().strip('",').replace('\\"', '"').replace("\\n", "")
            if MARKERS.search(line):
                leaks.append(f"{path}:{n}: solution or hidden-test marker: {s[:80]}")
            elif s in sol:
                leaks.append(f"{path}:{n}: a line of the reference solution: {s[:80]}")
            elif s in hid:
                leaks.append(f"{path}:{n}: a line of a hidden test: {s[:80]}")
        for v in vals:
            if v in text:
                leaks.append(f"{path}: contains {v}, an expected value of a hidden test case")
    return leaks
