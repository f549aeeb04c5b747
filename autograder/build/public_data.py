"""The data of the public tests: ``student_template/tests/public/<id>.npz`` holds the graded
public cases of a question (inputs and the reference's outputs, from its fixture) and every
judging parameter of the question, taken from ``grading_config.yml`` when ``a3 build`` runs
(so a changed threshold reaches the public tests by construction). ``a3/public_cases.py``
runs them on the student's code with the grader's calls and checks.

Keys: ``question|<field>`` (see QUESTION_FIELDS, and ``question|seed``), then
``<case>|in|<name>`` and ``<case>|out|<name>`` arrays; a question whose hidden test keeps
no expected values (``EXPECTED = False``) has ``question|expected`` 0 and no ``out`` arrays."""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np

from autograder.fixture_store import read_fixture

# What a check may read of its question (grading_config.yml); max_loss only where it is set.
QUESTION_FIELDS = ("id", "part", "function", "threshold", "max_loss")


def public_questions(config) -> list:
    """Questions with at least one public case, in config order (every part)."""
    return [q for q in config.questions.values() if "public" in q.cases.values()]


def write_npz(path: Path, arrays: dict) -> None:
    """np.savez with fixed zip timestamps, so the same arrays give the same bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(value), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def question_arrays(question, seed: int) -> dict:
    """The judging parameters of ``question`` as ``question|<field>`` arrays."""
    out = {f"question|{name}": np.array(getattr(question, name)) for name in QUESTION_FIELDS
           if getattr(question, name) is not None}
    out["question|seed"] = np.array(seed)
    for case, threshold in question.case_thresholds.items():  # a public case's own threshold
        if question.cases[case] == "public":
            out[f"question|threshold|{case}"] = np.array(threshold)
    return out


def public_arrays(question, fixture: dict, seed: int) -> dict:
    """Everything ``tests/public/<id>.npz`` holds for ``question`` (public cases only)."""
    arrays = question_arrays(question, seed)
    kept = all(fixture[case][1] is not None for case in question.cases)
    arrays["question|expected"] = np.array(int(kept))
    for case, vis in question.cases.items():
        if vis != "public":
            continue
        inputs, expected = fixture[case]
        arrays.update({f"{case}|in|{k}": v for k, v in inputs.items()})
        arrays.update({f"{case}|out|{k}": v for k, v in (expected or {}).items()})
    return arrays


def write_public_data(config, fixture_dir: Path, out_dir: Path) -> list:
    """Write ``out_dir/<id>.npz`` for every question with a public case, and ``index.json``
    (those questions in config order, part by part, with their part and points: ``a3 check
    --all`` orders its table by it and leaves the 0-point given code out of its count);
    returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    index = {"parts": list(config.parts),
             "questions": [{"id": q.id, "part": q.part, "points": q.points} for q in public_questions(config)]}
    (out_dir / "index.json").write_text(json.dumps(index, indent=1) + "\n")
    written = [out_dir / "index.json"]
    for q in public_questions(config):
        path = out_dir / f"{q.id}.npz"
        write_npz(path, public_arrays(q, read_fixture(q.id, fixture_dir), config.seeds["fixtures"]))
        written.append(path)
    return written


STUDENT_PROCESS = Path(__file__).resolve().parents[1] / "student_process"
STUDENT_PROCESS_FILES = ("__init__.py", "assets.py", "package.py", "protocol.py", "calls")   # what the public cases run


def copy_student_process_code(a3_dir: Path) -> None:
    """Copy the student process's calls (and what they import) into the template's ``a3``
    package as ``a3/student_process``: the public cases call the student's code with them."""
    out = Path(a3_dir) / "student_process"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in STUDENT_PROCESS_FILES:
        src = STUDENT_PROCESS / name
        if src.is_dir():
            shutil.copytree(src, out / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, out / name)
