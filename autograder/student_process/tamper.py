"""Did the student's code change the interpreter it shares with the worker? (Best effort.)

Student code runs in the worker's own interpreter, so it can replace a function of an
already-loaded module (``numpy.savez``, ``builtins.abs``, the worker's protocol) and so
break the questions that come after its own. ``Snapshot`` remembers every function and
class that the loaded modules (other than the student's ``cs231n`` package) expose, the
code object of each such function, and the attributes of the classes of ``builtins``,
``numpy`` and the worker (``ndarray.tolist`` changed through the type's own dict);
``replaced()`` names those that are no longer the same object. The worker reports them and
exits after its reply, and the grader starts a fresh process for the next question.

This is a courtesy to the student (one question's patch does not break the next ones
unnoticed), not a security boundary: code that runs in an interpreter can change it in ways
no snapshot sees (closures, defaults, C-level state). What is guaranteed does not depend
on it: the grader compares the returned plain arrays with its own expected values in its
own process, so no change to the student process can earn a point.

Additions are not reported (importing a submodule adds attributes), nor are rebound plain
values (libraries rebind flags and counters), module objects (lazy loaders replace
themselves with the module they load) or private names (libraries patch each other's).
"""

from __future__ import annotations

import sys
import types

SKIP = ("cs231n", "__main__")
CLASS_MODULES = ("builtins", "numpy")  # and the worker's own: classes whose dicts are watched


def _watched(attr: str, value) -> bool:
    """Public functions and classes, and dunders such as builtins.__import__; not private
    names (libraries patch each other's: typing_extensions replaces typing._check_generic)."""
    if attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__")):
        return False
    return callable(value) and not isinstance(value, types.ModuleType)


class Snapshot:
    """The functions and classes of the loaded modules now; ``replaced()`` compares."""

    def __init__(self):
        self.entries = {}
        self.codes = {}  # (module, name) -> the function's code object
        self.classes = {}  # (module, class name) -> a copy of the class's dict
        self.modules = set()
        self.update()

    def update(self) -> None:
        """Watch the modules loaded since the last update too (0.4 s for all of TensorFlow's
        3400 modules at first, little after)."""
        for name, module in list(sys.modules.items()):
            if module is None or name in self.modules or name.split(".")[0] in SKIP:
                continue
            self.modules.add(name)
            try:
                items = list(vars(module).items())
            except TypeError:
                continue
            deep = name in CLASS_MODULES or name.startswith("autograder.student_process")
            for attr, value in items:
                if _watched(attr, value):
                    self.entries[(name, attr)] = value
                    if type(value) is types.FunctionType:  # not a proxy (wrapt) that only looks like one
                        self.codes[(name, attr)] = value.__code__
                    if deep and isinstance(value, type):
                        self.classes[(name, attr)] = dict(vars(value))

    def replaced(self, limit: int = 10) -> list:
        """Up to ``limit`` names ``module.attr`` whose function or class was replaced or removed."""
        out = []
        missing = object()
        for (name, attr), value in self.entries.items():
            module = sys.modules.get(name)
            now = getattr(module, "__dict__", {}).get(attr, missing) if module is not None else missing
            if now is not value:
                out.append(f"{name}.{attr}")
            elif (name, attr) in self.codes and value.__code__ is not self.codes[(name, attr)]:
                out.append(f"{name}.{attr}")
            elif (name, attr) in self.classes:
                members = vars(value)
                out += [
                    f"{name}.{attr}.{k}"
                    for k, v in self.classes[(name, attr)].items()
                    if members.get(k, missing) is not v and not k.startswith("__")
                ][:limit]
            if len(out) >= limit:
                break
        return out[:limit]
