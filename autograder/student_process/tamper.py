"""Did the student's code change the interpreter it shares with the student process's own
code? (Best effort.)

Student code runs in the student process's interpreter, so it can replace a function of an
already-loaded module (``numpy.savez``, ``builtins.abs``, the protocol) and so
break the questions that come after its own. ``Snapshot`` remembers every function and
class that the loaded modules (other than the student's ``cs231n`` package) expose, the
code object of each such function, and the attributes of the classes of ``builtins``,
``numpy`` and the student process's own code (``ndarray.tolist`` changed through the
type's own dict); ``replaced()`` names those that are no longer the same object. The
student process reports them and exits after its reply, and the grader starts a fresh
process for the next question.

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
from operator import attrgetter, is_not

SKIP = ("cs231n", "__main__")
CLASS_MODULES = ("builtins", "numpy")
CODE = attrgetter("__code__")  # and the student process's own: classes whose dicts are watched


def _watched(attr: str, value) -> bool:
    """Public functions and classes, and dunders such as builtins.__import__; not private
    names (libraries patch each other's: typing_extensions replaces typing._check_generic)."""
    if attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__")):
        return False
    return callable(value) and not isinstance(value, types.ModuleType)


class Snapshot:
    """The functions and classes of the loaded modules now; ``replaced()`` compares. Kept per
    module as parallel lists (names, objects; functions and their code objects), so that the
    comparison after every question runs at C speed over TensorFlow's 3400 modules (by
    identity: a replacement whose ``__eq__`` says "equal" is still seen)."""

    def __init__(self):
        self.watched = {}  # module name -> ([attr], [object])
        self.codes = {}  # module name -> ([attr], [function], [its code object])
        self.classes = {}  # (module, class name) -> a copy of the class's dict
        self.modules = set()
        self.update()

    def update(self) -> None:
        """Watch the modules loaded since the last update too (0.2 s for all of TensorFlow's
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
            kept = [(attr, value) for attr, value in items if _watched(attr, value)]
            if not kept:
                continue
            self.watched[name] = ([a for a, _ in kept], [v for _, v in kept])
            # not a proxy (wrapt) that only looks like a function: its __code__ is new on every read
            funcs = [(a, v) for a, v in kept if type(v) is types.FunctionType]
            self.codes[name] = ([a for a, _ in funcs], [v for _, v in funcs], [v.__code__ for _, v in funcs])
            if deep:
                for attr, value in kept:
                    if isinstance(value, type):
                        self.classes[(name, attr)] = dict(vars(value))

    def replaced(self, limit: int = 10) -> list:
        """Up to ``limit`` names ``module.attr`` whose function or class was replaced or removed."""
        out = []
        for name, (attrs, values) in self.watched.items():
            now = getattr(sys.modules.get(name), "__dict__", None)
            if now is None:
                out += [f"{name}.{a}" for a in attrs]
                continue
            if any(map(is_not, map(now.get, attrs), values)):
                out += [f"{name}.{a}" for a, v in zip(attrs, values) if now.get(a) is not v]
            names, funcs, codes = self.codes[name]
            if any(map(is_not, map(CODE, funcs), codes)):
                out += [f"{name}.{a}" for a, f, c in zip(names, funcs, codes) if f.__code__ is not c]
            if len(out) >= limit:
                return out[:limit]
        missing = object()
        for (name, attr), members in self.classes.items():
            value = vars(sys.modules[name]).get(attr) if name in sys.modules else None
            if not isinstance(value, type):
                continue  # replaced or removed: named above
            now = vars(value)
            out += [
                f"{name}.{attr}.{k}"
                for k, v in members.items()
                if now.get(k, missing) is not v and not k.startswith("__")
            ]
        return out[:limit]
