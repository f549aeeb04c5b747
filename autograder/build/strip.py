"""Strip the reference package into the student's: every ``# BEGIN SOLUTION`` /
``# END SOLUTION`` region becomes a TODO that raises ``NotImplementedError`` naming the
question id(s); a line ending in ``# SOLUTION`` keeps its left-hand side (``x = ...``).
Signatures, docstrings and given code stay as they are."""
from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from autograder.build import BuildError

BEGIN = re.compile(r"^(\s*)# BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
ONE_LINE = re.compile(r"^(\s*)([^#\n]*?)\s*=\s*.*#\s*SOLUTION\s*$")
NOT_GRADED = "not graded"   # the TODO label of a function no question tests (a3 submit skips it)


def function_spans(source: str) -> list:
    """[(first line, last line, qualname)] of every function in a module (1-based)."""
    spans = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                spans.append((child.lineno, child.end_lineno, prefix + child.name))
                visit(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
    visit(ast.parse(source), "")
    return spans


def enclosing_function(spans: list, line: int) -> str:
    inside = [s for s in spans if s[0] <= line <= s[1]]
    return min(inside, key=lambda s: s[1] - s[0])[2] if inside else "<module>"


def strip_source(source: str, relpath: str, owners: dict) -> tuple:
    """Strip one module.

    Inputs: source text; relpath like ``cs231n/rnn_layers.py``; owners {"path::qualname":
    [question ids]} from the config.
    Returns (stripped text, [solution lines removed]) and raises BuildError on unbalanced markers.
    """
    spans = function_spans(source)
    out, removed = [], []
    lines = source.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        m = BEGIN.match(lines[i])
        if m:
            indent = m.group(1)
            j = i + 1
            while j < len(lines) and not END.match(lines[j]):
                if BEGIN.match(lines[j]):
                    raise BuildError(f"{relpath}:{j + 1}: BEGIN SOLUTION inside another region")
                j += 1
            if j == len(lines):
                raise BuildError(f"{relpath}:{i + 1}: BEGIN SOLUTION without END SOLUTION")
            qualname = enclosing_function(spans, i + 1)
            ids = owners.get(f"{relpath}::{qualname}", [])
            label = " / ".join(ids) if ids else NOT_GRADED       # only question ids, or NOT_GRADED
            out.append(f"{indent}# TODO ({label}): write your code here, in place of the raise below.\n")
            prefix = "" if not ids or ids == [qualname] else f"{label}: "
            out.append(f'{indent}raise NotImplementedError("{prefix}{qualname} is not implemented yet '
                       f'(fill in the TODO in {relpath})")\n')
            removed += [ln for ln in lines[i + 1:j]]
            i = j + 1
            continue
        if END.match(lines[i]):
            raise BuildError(f"{relpath}:{i + 1}: END SOLUTION without BEGIN SOLUTION")
        m = ONE_LINE.match(lines[i])
        if m:
            out.append(f"{m.group(1)}{m.group(2)} = ...  # TODO\n")
            removed.append(lines[i])
        else:
            out.append(lines[i])
        i += 1
    text = "".join(out)
    try:
        ast.parse(text)
    except SyntaxError as exc:
        raise BuildError(f"{relpath}: the stripped file is not valid Python (line {exc.lineno}: {exc.msg})") from None
    return text, removed


def owners_of(config: Config) -> dict[str, list[str]]:
    """{"cs231n/file.py::Qualname": [question ids]} from the config's ``function`` and
    ``more_functions`` entries (``generator_loss`` belongs to ``gan_loss``)."""
    owners = {}
    for q in config.questions.values():
        for name in q.qualnames:
            ids = owners.setdefault(f"{q.file}::{name}", [])
            if q.id not in ids:
                ids.append(q.id)
    return owners


def strip_package(src: Path, dest: Path, config: Config) -> dict[str, list[str]]:
    """Copy the package at ``src`` (solutions/cs231n) to ``dest`` with solutions stripped.
    Returns {relpath: [removed solution lines]}."""
    src, dest = Path(src), Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    owners = owners_of(config)
    removed = {}
    for path in sorted(src.rglob("*")):
        if "__pycache__" in path.parts or path.is_dir():
            continue
        rel = path.relative_to(src.parent).as_posix()
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".py":
            text, lines = strip_source(path.read_text(), rel, owners)
            target.write_text(text)
            if lines:
                removed[rel] = lines
        else:
            shutil.copy2(path, target)
    return removed
