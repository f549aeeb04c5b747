"""Correct implementations written differently, one module per question id (``<id>.py``):
the dual of ``tests/mutants/``. ``TARGET`` names the function they replace in the reference,
``EQUIVALENTS`` lists them (at least two per graded question). Each must get full marks on
every question (tests/test_equivalents.py).

An equivalent is
- a whole function (its ``__doc__`` says how it differs from the reference), or
- an :class:`~mutants.Edit` made with :func:`mutants.edit` (the reference with a few pieces
  of text replaced), or with :func:`solution` (its whole solution region replaced), or
- a :func:`together`: several functions replaced at once (a question that spans two
  functions, or a helper the equivalent adds), ``{"cs231n/<file>.py::<qualname>": impl}``.

The same object may be listed by several questions (``rnn_overfit`` grades the
``CaptioningRNN.loss`` of ``rnn_loss``): it is graded once.
"""

from __future__ import annotations

from autograder.build.splice import function_text
from mutants import SOLUTIONS, Edit, edit  # noqa: F401  (re-exported for the equivalents' modules)

BEGIN, END = "# BEGIN SOLUTION\n", "# END SOLUTION"


class SolutionEdit(Edit):
    """The reference function with the lines between ``# BEGIN SOLUTION`` and
    ``# END SOLUTION`` replaced by ``body`` (indented as in the function)."""

    def __init__(self, name: str, doc: str, body: str, target: str | None = None):
        super().__init__(name, doc, (), target)
        self.body = body

    def source(self, target: str) -> str:
        rel, qualname = target.split("::")
        text = function_text((SOLUTIONS / rel).read_text(), qualname)
        start = text.index(BEGIN) + len(BEGIN)
        end = text.rindex("\n", 0, text.index(END)) + 1
        return text[:start] + self.body + text[end:]


def solution(name: str, doc: str, body: str, target: str | None = None) -> SolutionEdit:
    """``solution("list_then_stack", "np.stack of a list.", "    h = ...\n")``: the reference
    with its solution region replaced by ``body``."""
    return SolutionEdit(name, doc, body, target)


class Together:
    """Several functions replaced at once: ``replacements`` is {target: function or Edit}."""

    def __init__(self, name: str, doc: str, replacements: dict):
        self.__name__, self.__doc__, self.replacements = name, doc, dict(replacements)

    def __repr__(self):
        return f"Together({self.__name__!r})"


def together(name: str, doc: str, replacements: dict) -> Together:
    """``together("keras_layers", "Keras layers, not tf.nn.", {TARGET: fn, OTHER: fn2})``."""
    return Together(name, doc, replacements)


def replacements_of(equivalent, target: str) -> dict:
    """{target: source text} that ``equivalent`` (listed under a module whose TARGET is
    ``target``) puts into a submission."""
    from autograder.build.splice import function_source

    if isinstance(equivalent, Together):
        items = equivalent.replacements.items()
    else:
        items = [(getattr(equivalent, "target", None) or target, equivalent)]
    out = {}
    for tgt, impl in items:
        tgt = getattr(impl, "target", None) or tgt
        out[tgt] = (
            impl.source(tgt) if isinstance(impl, Edit) else (impl if isinstance(impl, str) else function_source(impl))
        )
    return out
