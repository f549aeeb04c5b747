"""The student's functions get what the course's notebook gave them: every case of every
question is run through its call (autograder/student_process/calls/) with the reference
package, inputs decoded from an .npz as the student process decodes them, and the kind of
every argument that reaches a student function (calls/notebook_kinds.kind_of) must be the
one the table calls/notebook_kinds.KINDS gives for it."""

from __future__ import annotations

import inspect

import pytest

from autograder.config import REPO_ROOT, load_config
from autograder.fixture_store import read_fixture
from autograder.student_process.calls import CALLS
from autograder.student_process.calls.notebook_kinds import ANY, KINDS, kind_of
from autograder.student_process.package import StudentPackage
from autograder.student_process.protocol import load_arrays, save_arrays

CONFIG = load_config()
# Functions whose own run is long (an optimisation loop): their arguments are recorded,
# then the call stops there (nothing the call hands a student function comes after them).
STOP = {"make_fooling_image", "style_transfer", "train_step"}


class Stop(Exception):
    """Raised after recording a function of STOP."""


class RecordingPackage(StudentPackage):
    """The reference package; every function or class the calls ask for records the kinds of
    the arguments it is given: ``calls[qualname][parameter]`` is the set of kinds seen."""

    def __init__(self, root):
        super().__init__(root)
        self.calls: dict[str, dict[str, set]] = {}

    def record(self, qualname, fn, args, kwargs):
        sig = inspect.signature(fn)
        entry = self.calls.setdefault(qualname, {})
        for name, value in sig.bind(*args, **kwargs).arguments.items():
            kind = sig.parameters[name].kind
            items = value.items() if kind is inspect.Parameter.VAR_KEYWORD else [(name, value)]
            for key, item in items:
                if key != "self":
                    entry.setdefault(key, set()).add(kind_of(item))

    def function(self, module, qualname):
        obj = super().function(module, qualname)
        if inspect.isclass(obj):
            return self._recording_class(obj, qualname)
        return self._recording_function(obj, qualname)

    def _recording_function(self, fn, qualname):
        def recorded(*args, **kwargs):
            self.record(qualname, fn, args, kwargs)
            if qualname in STOP:
                raise Stop(qualname)
            return fn(*args, **kwargs)

        return recorded

    def _recording_class(self, cls, qualname):
        pkg = self

        def method(name):
            original = getattr(cls, name)

            def recorded(inner, *args, **kwargs):
                pkg.record(f"{qualname}.{name}", original, (inner, *args), kwargs)
                return original(inner, *args, **kwargs)

            return recorded

        def __init__(inner, *args, **kwargs):
            pkg.record(qualname, cls.__init__, (inner, *args), kwargs)
            cls.__init__(inner, *args, **kwargs)

        namespace = {"__init__": __init__}
        namespace.update({name: method(name) for name in ("loss", "sample", "train") if hasattr(cls, name)})
        return type(cls.__name__, (cls,), namespace)


@pytest.fixture(scope="module")
def package():
    return RecordingPackage(str(REPO_ROOT / "solutions"))


def test_every_question_has_its_row():
    assert set(KINDS) == set(CALLS) == {q for q in CONFIG.questions if q in CALLS}


@pytest.mark.parametrize("qid", sorted(KINDS))
def test_arguments_have_the_notebooks_kinds(qid, package, tmp_path):
    from autograder.student_process.calls import style_transfer as style_calls

    package.calls = {}
    style_calls._models.clear()  # a feature extractor cached by an earlier test would skip vgg16_features
    for case, (inputs, _) in read_fixture(qid).items():
        path = tmp_path / f"{case}.npz"
        save_arrays(path, inputs, allow_text=True)
        try:
            CALLS[qid](package, **load_arrays(path, allow_text=True))
        except Stop:
            pass
    seen = package.calls
    table = KINDS[qid]
    assert set(seen) == set(table), f"{qid}: functions called {sorted(seen)}, table {sorted(table)}"
    wrong = []
    for fname, params in table.items():
        assert set(seen[fname]) == set(params), f"{qid}: {fname} got {sorted(seen[fname])}, table {sorted(params)}"
        for param, allowed in params.items():
            allowed = {allowed} if isinstance(allowed, str) else set(allowed)
            if ANY not in allowed and not seen[fname][param] <= allowed:
                wrong.append(f"{fname}({param}=): got {sorted(seen[fname][param])}, the notebook's {sorted(allowed)}")
    assert not wrong, f"{qid}:\n" + "\n".join(wrong)
