"""Access to the submission's ``cs231n`` package from inside the student process, with
messages a student can act on (a missing file, a syntax error, a missing function)."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Callable
from types import ModuleType


class SubmissionError(Exception):
    """The submission cannot provide what a question needs; the message says what and where."""


class StudentPackage:
    """Imports modules of the student's ``cs231n`` package from ``root`` on demand.

    ``root`` is the submission folder (the one that contains ``cs231n/``). Import failures
    are remembered, so every question that needs a broken file gets the same message.
    """

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self._failed: dict[str, str] = {}
        if self.root not in sys.path:
            sys.path.insert(0, self.root)

    def module(self, name: str) -> ModuleType:
        """Import ``cs231n.<name>`` (e.g. ``rnn_layers``, ``classifiers.rnn``)."""
        if name in self._failed:
            raise SubmissionError(self._failed[name])
        rel = "cs231n/" + name.replace(".", "/") + ".py"
        if not os.path.isfile(os.path.join(self.root, rel)):
            self._failed[name] = f"{rel} is missing from the submission"
            raise SubmissionError(self._failed[name])
        try:
            return importlib.import_module("cs231n." + name)
        except SyntaxError as exc:
            where = self.relative(exc.filename or rel)
            msg = f"{where}, line {exc.lineno}: {type(exc).__name__}: {exc.msg}"
        except BaseException as exc:  # anything the module does at import time
            msg = f"importing {rel} failed:\n{self.format_exception(exc)}"
        self._failed[name] = msg
        raise SubmissionError(msg)

    def function(self, module: str, qualname: str) -> Callable:
        """Return ``cs231n.<module>.<qualname>``; qualname may be ``Class.method``."""
        obj = self.module(module)
        for part in qualname.split("."):
            if not hasattr(obj, part):
                raise SubmissionError(f"cs231n/{module.replace('.', '/')}.py has no {qualname}")
            obj = getattr(obj, part)
        return obj

    def relative(self, filename: str) -> str:
        filename = os.path.abspath(filename)
        return os.path.relpath(filename, self.root) if filename.startswith(self.root + os.sep) else filename

    def format_exception(self, exc: BaseException, limit: int = 3) -> str:
        """The one message of an exception raised by the student's code, for the feedback,
        ``a3 check`` and the notebook's ``grader.check`` alike: the exception first, with the
        innermost frame of the submission (file, line, function, code), e.g. "IndexError: index 3
        is out of bounds ... (cs231n/rnn_layers.py, line 164, in word_embedding_forward:
        out = W.T[x])", then at most ``limit - 1`` calling frames of the submission, one a line.
        Frames outside the submission's ``cs231n`` (the grader's, numpy's, ``a3``'s) are left out."""
        package = os.path.join(self.root, "cs231n") + os.sep  # not a3/ beside it in the assignment folder
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.abspath(f.filename).startswith(package)]
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if not frames:
            return text
        where = [f"{self.relative(f.filename)}, line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames]
        callers = [f"  called from {w}" for w in reversed(where[-limit:-1])]
        return "\n".join([f"{text} ({where[-1]})"] + callers)
