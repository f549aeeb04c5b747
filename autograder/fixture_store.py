"""Fixtures: for each question, the inputs of every case and the reference's outputs on
them, in ``autograder/fixtures/<id>.h5`` (groups ``<case>/inputs`` and ``<case>/expected``).

Written by ``a3 build`` from the reference solution, read by the grader; the student
process is only ever sent the inputs.
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import h5py
import numpy as np

if TYPE_CHECKING:
    from autograder.config import Question

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"


def case_seed(base: int, qid: str, case: str, visibility: str) -> int:
    """Public cases use the course's seed as it is; hidden cases a stable derivative."""
    return base if visibility == "public" else (base + zlib.crc32(f"{qid}/{case}".encode())) % 2**31


def make_inputs(question: Question, seed: int) -> dict[str, dict]:
    """{case: inputs} for a question, from its hidden-test module and the seed."""
    from autograder.question_api import question_hooks

    cases = question_hooks(question.id).cases
    return {
        case: cases[case](np.random.RandomState(case_seed(seed, question.id, case, vis)))
        for case, vis in question.cases.items()
    }


def _write_group(group, arrays: dict):
    for name, value in arrays.items():
        value = np.asarray(value)
        if value.dtype.kind == "U":
            ds = group.create_dataset(name, data=np.char.encode(value, "utf-8"), track_times=False)
            ds.attrs["unicode"] = True
        else:
            group.create_dataset(name, data=value, track_times=False)


def _read_group(group) -> dict:
    out = {}
    for name, ds in group.items():
        value = ds[()]
        if ds.attrs.get("unicode", False):
            value = np.char.decode(np.asarray(value), "utf-8")
        out[name] = np.asarray(value)
    return out


def write_fixture(path: Path, cases: dict) -> None:
    """Write {case: (inputs, expected or None)} to an h5 file, replacing it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".h5.tmp")
    with h5py.File(tmp, "w", track_order=True) as f:
        for case, (inputs, expected) in cases.items():
            g = f.create_group(case, track_order=True)
            _write_group(g.create_group("inputs", track_order=True), inputs)
            if expected is not None:
                _write_group(g.create_group("expected", track_order=True), expected)
    tmp.replace(path)
    _read_committed.cache_clear()  # a build rewrites committed fixtures: the next read sees the new values


def read_fixture(qid: str, directory: Path = FIXTURE_DIR) -> dict:
    """{case: (inputs, expected or None)} of a question, as written by write_fixture.
    The committed fixtures are read once per process (every submission of a batch uses them);
    callers must not modify the arrays."""
    if Path(directory) == FIXTURE_DIR:
        return _read_committed(qid)
    return _read(Path(directory) / f"{qid}.h5")


@functools.cache
def _read_committed(qid: str) -> dict:
    return _read(FIXTURE_DIR / f"{qid}.h5")


def _read(path: Path) -> dict:
    qid = path.stem
    if not path.exists():
        raise FileNotFoundError(f"no fixtures for question {qid} ({path}); run `a3 build`")
    out = {}
    with h5py.File(path, "r") as f:
        for case, g in f.items():
            out[case] = (_read_group(g["inputs"]), _read_group(g["expected"]) if "expected" in g else None)
    return out
