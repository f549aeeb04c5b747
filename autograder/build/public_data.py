"""The data of the public tests of Parts 1 and 2: ``student_template/tests/public/<id>.npz``
holds the graded public cases of a question (inputs and the reference's outputs, from its
fixture) and its threshold, which ``a3/public_cases.py`` runs on the student's code."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np

from autograder.fixture_store import read_fixture

PARTS = ("rnn", "lstm")     # the parts whose public tests are a3/public_cases.py


def public_questions(config) -> list:
    """Questions of PARTS (those the config has) with at least one public case, in config order."""
    return [q for q in config.questions_in([p for p in PARTS if p in config.parts]) if "public" in q.cases.values()]


def write_npz(path: Path, arrays: dict) -> None:
    """np.savez with fixed zip timestamps, so the same arrays give the same bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(value), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def write_public_data(config, fixture_dir: Path, out_dir: Path) -> list:
    """Write ``out_dir/<id>.npz`` for every public question of PARTS; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for q in public_questions(config):
        fixture = read_fixture(q.id, fixture_dir)
        arrays = {"threshold": np.array(q.threshold)}
        for case, vis in q.cases.items():
            if vis != "public":
                continue
            inputs, expected = fixture[case]
            arrays.update({f"{case}|in|{k}": v for k, v in inputs.items()})
            arrays.update({f"{case}|out|{k}": v for k, v in expected.items()})
        path = out_dir / f"{q.id}.npz"
        write_npz(path, arrays)
        written.append(path)
    return written
