"""Plausible wrong implementations, one module per question id (``<id>.py``): ``TARGET``
names the function they replace in the reference, ``MUTANTS`` lists them. Each must lose
points on its question and on no question outside ``config.affected_by(<id>)``.

A mutant is either a whole function (for a bug that rewrites the function), or an
:class:`Edit`: the reference function with a few pieces of text replaced, which is what most
student bugs are. An edit whose text is not in the reference fails loudly, so mutants
follow the reference when it changes.
"""

from __future__ import annotations

from autograder.build.splice import function_text
from autograder.config import REPO_ROOT

SOLUTIONS = REPO_ROOT / "solutions"


class Edit:
    """A mutant made from the reference function ``TARGET`` by text replacements.

    - __name__: short name of the bug (shown in the test id).
    - __doc__: what the student got wrong.
    - changes: ((old, new), ...); each ``old`` must occur exactly once in the function.
    - target: another function than the module's ``TARGET`` (e.g. the forward pass of a
      question whose TARGET is the backward), or None.
    """

    def __init__(self, name: str, doc: str, changes: tuple, target: str | None = None):
        self.__name__, self.__doc__, self.changes, self.target = name, doc, tuple(changes), target

    def __repr__(self):
        return f"Edit({self.__name__!r})"

    def source(self, target: str) -> str:
        """The mutated source of ``target`` ("cs231n/<file>.py::<qualname>")."""
        rel, qualname = target.split("::")
        text = function_text((SOLUTIONS / rel).read_text(), qualname)
        for old, new in self.changes:
            count = text.count(old)
            if count != 1:
                raise ValueError(f"mutant {self.__name__}: {old!r} occurs {count} times in {qualname}, not once")
            text = text.replace(old, new)
        return text


def edit(name: str, doc: str, *changes, target: str | None = None) -> Edit:
    """``edit("no_bias", "Forgets the bias.", ("+ b)", ")"))``: a mutant by replacements."""
    return Edit(name, doc, tuple(changes), target)
