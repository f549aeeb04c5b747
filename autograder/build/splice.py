"""Replace one function of a module's source with another function's source: how the
example submissions and the mutants (plausible wrong implementations) are made from the
reference without copying it by hand."""
from __future__ import annotations

import ast
import inspect
import textwrap

from autograder.build import BuildError
from autograder.build.strip import function_spans


def function_span(source: str, qualname: str) -> tuple:
    """(first line, last line, indentation) of the function ``qualname`` in ``source``."""
    for first, last, name in function_spans(source):
        if name == qualname:
            tree_line = source.splitlines()[first - 1]
            return first, last, tree_line[: len(tree_line) - len(tree_line.lstrip())]
    raise BuildError(f"no function {qualname} in the module")


def replace_function(source: str, qualname: str, replacement: str) -> str:
    """Return ``source`` with the function ``qualname`` (e.g. ``CaptioningRNN.loss``)
    replaced by ``replacement`` (the source of one function, any name and indentation);
    the replacement is renamed and re-indented to fit. Decorators of the old one are kept."""
    first, last, indent = function_span(source, qualname)
    new = textwrap.dedent(replacement)
    tree = ast.parse(new)
    fn = next(n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
    start = fn.lineno - 1           # from the def line: the old function's decorators stay
    lines = new.splitlines()[start:fn.end_lineno]
    lines[0] = lines[0].replace(f"def {fn.name}(", f"def {qualname.split('.')[-1]}(", 1)
    body = textwrap.indent("\n".join(lines), indent) + "\n"
    old = source.splitlines(keepends=True)
    return "".join(old[: first - 1]) + body + "".join(old[last:])


def function_source(fn: Callable) -> str:
    """The source of a Python function object (for mutants written as plain functions)."""
    return inspect.getsource(fn)


def function_text(source: str, qualname: str) -> str:
    """The text of the function ``qualname`` in a module's ``source``."""
    first, last, _ = function_span(source, qualname)
    return "".join(source.splitlines(keepends=True)[first - 1:last])
