"""The engine's layers, read from its imports (with ``ast``, as the hidden tests' import rule in
test_question_api.py is): every ``import`` and ``from ... import`` of a module counts, at the
top, inside a function or under ``if TYPE_CHECKING:`` alike.

The layers of ``autograder/grade`` (autograder/__init__.py draws them), top to bottom:
bookkeeping -> reports -> judging -> running; a module imports only from its own layer or
those below. Besides:

- ``autograder.student_process`` (the student's side) imports nothing of ``autograder.grade``;
- ``autograder.grade.results`` and ``autograder.grade.files`` import nothing of ``autograder``
  (every layer uses them);
- no module of the engine imports an entry point (``autograder.cli``, ``autograder.gradescope``);
- no two modules import each other, nor do three or more in a ring (a -> b -> c -> a).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("running", "judging", "reports", "bookkeeping")  # bottom to top
FOUNDATIONS = ("autograder.grade.results", "autograder.grade.files")
ENTRY_POINTS = ("autograder.cli", "autograder.gradescope")


def modules(root: Path) -> dict:
    """{dotted name: path} of every module of ``root``/autograder (the generated fixtures left out)."""
    found = {}
    for path in sorted((root / "autograder").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if "fixtures" in parts:
            continue
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict) -> set:
    """The modules of ``known`` that module ``name`` (at ``path``) imports: ``from P import n``
    counts as P.n when that is a module, else as P; relative imports are resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # "autograder.x.y" of a name in module x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def layer(name: str) -> int | None:
    parts = name.split(".")
    if parts[:2] == ["autograder", "grade"] and len(parts) > 2 and parts[2] in LAYERS:
        return LAYERS.index(parts[2])
    return None


def violations(root: Path = ROOT) -> list:
    """Every broken rule of the module docstring in the checkout at ``root``, as text."""
    known = modules(root)
    graph = {name: imports(name, path, known) for name, path in known.items()}
    found = []
    for name, targets in sorted(graph.items()):
        for target in sorted(targets):
            here, there = layer(name), layer(target)
            if here is not None and there is not None and there > here:
                found.append(f"{name} ({LAYERS[here]}) imports {target} ({LAYERS[there]}), a layer above")
            if name.startswith("autograder.student_process") and target.startswith("autograder.grade"):
                found.append(f"{name} (the student's side) imports {target}")
            if name in FOUNDATIONS and target.startswith("autograder"):
                found.append(f"{name} imports {target}: it may import nothing of the engine")
            if target in ENTRY_POINTS:
                found.append(f"{name} imports the entry point {target}")
    for ring in cycles(graph):
        if len(ring) == 2:
            found.append(f"{ring[0]} and {ring[1]} import each other")
        else:
            found.append(f"{', '.join(ring)} import one another in a ring")
    return found


def cycles(graph: dict) -> list:
    """The groups of modules that import one another, directly or through others (the strongly
    connected components of more than one module, each sorted)."""
    order, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):  # Tarjan's algorithm
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in order:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], order[target])
        if low[node] == order[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return sorted(found)


def test_imports_point_down_the_layers_and_no_modules_import_one_another():
    assert violations() == []


def test_the_rules_see_imports_in_functions_type_checking_blocks_and_relative_ones(tmp_path):
    files = {
        "autograder/grade/running/low.py": "def f():\n    from autograder.grade.reports import page\n",
        "autograder/grade/reports/page.py": (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..bookkeeping.book import Entry\n"
        ),
        "autograder/grade/bookkeeping/book.py": "from autograder.grade.reports.page import x\n",
        "autograder/grade/results.py": "import autograder.config\n",
        "autograder/config.py": "from autograder.cli import main\n",
        "autograder/cli.py": "from autograder import config\n",
        "autograder/student_process/child.py": "from autograder.grade import results\n",
        "autograder/ring_a.py": "import autograder.ring_b\n",
        "autograder/ring_b.py": "def f():\n    from . import ring_c\n",
        "autograder/ring_c.py": "from autograder.ring_a import x\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    for package in ("autograder", "autograder/grade", "autograder/student_process"):
        (tmp_path / package / "__init__.py").touch()
    found = violations(tmp_path)
    expected = [
        "autograder.grade.running.low (running) imports autograder.grade.reports.page (reports), a layer above",
        "autograder.grade.reports.page (reports) imports autograder.grade.bookkeeping.book (bookkeeping), "
        "a layer above",
        "autograder.grade.bookkeeping.book and autograder.grade.reports.page import each other",
        "autograder.grade.results imports autograder.config: it may import nothing of the engine",
        "autograder.config imports the entry point autograder.cli",
        "autograder.cli and autograder.config import each other",
        "autograder.student_process.child (the student's side) imports autograder.grade.results",
        "autograder.ring_a, autograder.ring_b, autograder.ring_c import one another in a ring",
    ]
    assert sorted(found) == sorted(expected)
