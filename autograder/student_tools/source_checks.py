"""Checks on the text of a submitted function, made by parsing it with ``ast`` (the code is
never run here): for example, that a function is vectorized. The grader runs them on the
submitted file, and the student's public test (a3/source_checks.py in the template) runs
the very same check on the student's module."""

from __future__ import annotations

import ast

# Calls that loop in TensorFlow's graph (a Python loop in disguise for this purpose).
LOOP_CALLS = {"map_fn", "while_loop", "scan", "foldl", "foldr"}
LOOP_NODES = {
    ast.For: "a for loop",
    ast.AsyncFor: "a for loop",
    ast.While: "a while loop",
    ast.ListComp: "a list comprehension",
    ast.SetComp: "a set comprehension",
    ast.DictComp: "a dict comprehension",
    ast.GeneratorExp: "a generator expression",
}


def _functions(tree) -> dict:
    """{qualname: FunctionDef} of the module's functions and methods."""
    out = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out[prefix + child.name] = child
                visit(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")

    visit(tree, "")
    return out


def _called_name(call: ast.Call):
    fn = call.func
    return fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None


def loops_in(source: str, qualname: str) -> list:
    """The loops of function ``qualname`` in the module ``source``, and of the module's
    own functions that it calls (transitively): [(line, function, what)], in line order.

    Raises SyntaxError if the source does not parse, KeyError if there is no such function.
    """
    tree = ast.parse(source)
    functions = _functions(tree)
    if qualname not in functions:
        raise KeyError(qualname)
    found, seen, todo = [], set(), [qualname]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            what = LOOP_NODES.get(type(node))
            if what:
                found.append((node.lineno, name, what))
            elif isinstance(node, ast.Call):
                called = _called_name(node)
                if called in LOOP_CALLS:
                    found.append((node.lineno, name, f"a call to {called}"))
                elif called in functions and isinstance(node.func, ast.Name):
                    todo.append(called)
    return sorted(set(found))
