"""The developers' guide, where a machine can check it: no function longer than 80 lines in the
engine (autograder/) and the assignment's scripts (assignment/scripts/); assignment/notebooks/
joins when its generators become text notebooks."""

from __future__ import annotations

import ast
from pathlib import Path

from autograder.config import REPO_ROOT

MAX_LINES = 80
CHECKED = ("autograder", "assignment/scripts")


def long_functions(root: Path, limit: int = MAX_LINES) -> list:
    """["path:line name (n lines)"] of the functions under ``root`` longer than ``limit`` lines."""
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > limit:
                    out.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno} {node.name} ({n} lines)")
    return out


def test_no_function_is_longer_than_80_lines():
    assert [f for folder in CHECKED for f in long_functions(REPO_ROOT / folder)] == []


def test_a_long_function_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr("test_code_style.REPO_ROOT", tmp_path)
    (tmp_path / "m.py").write_text("def f():\n" + "    x = 1\n" * 80)
    assert long_functions(tmp_path) == ["m.py:1 f (81 lines)"]
