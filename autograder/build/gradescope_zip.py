"""The Gradescope autograder zip (``a3 build`` writes ``build/gradescope/autograder.zip``).

Gradescope unpacks it into ``/autograder/source``, runs ``setup.sh`` once when the image is
built, and ``run_autograder`` for each submission (uploaded into ``/autograder/submission``);
``run_autograder`` runs this project's engine (``python -m autograder.gradescope``),
which writes ``/autograder/results/results.json``. Contents:

- ``setup.sh``: a Python 3.11+ (the image's python3, or its python3.11 package where python3
  is older), a virtual environment in /autograder/venv with ``requirements.txt`` (every
  pinned package, from constraints.txt), the asset packages (requirements-assets.txt, no
  deps) and this project (editable, from source/); then the self-test: the grader's
  environment checked and the reference (``reference_submission/``, from solutions/, deleted
  right after) graded; the build fails unless it scores full marks. Its comment says which
  base image to pick and which isolation student code gets on Gradescope (the uid fallback:
  Docker refuses bubblewrap's namespaces).
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
# No solutions/: grading compares with the fixtures only (the reference's outputs). The
# reference travels only as the self-test's submission (REFERENCE), which setup.sh deletes.
REFERENCE = "reference_submission/cs231n"
SOURCES = [
    "autograder",
    "assignment/data",
    "assignment/notebooks",
    "grading_config.yml",
    "pyproject.toml",
    "constraints.txt",
    "requirements-assets.txt",
]

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
#
# Base image: pick Ubuntu 24.04 (its python3 is 3.12, which every pin supports). Ubuntu 22.04
# (Gradescope's default) has python3 3.10, too old for numpy 2.4: this script then installs the
# image's own python3.11 package. Debian 12 (3.11.2) and 13 (3.13) work as they are.
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
#
# Last, a self-test: the environment is checked (packages at their pins, every asset by its
# sha256, the fixtures) and the reference solution (reference_submission/, shipped for this
# only) is graded as a submission; the build fails unless it scores full marks, and the
# reference is deleted, so no student code ever runs beside it.
# A3_AUTOGRADER_ROOT (default /autograder) and A3_PYTHON (an installed Python: skip the
# installs, only the self-test) let a test run it in a temporary tree.
set -euo pipefail
ROOT="${A3_AUTOGRADER_ROOT:-/autograder}"
SRC="$ROOT/source"
if [ -z "${A3_PYTHON:-}" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends python3 python3-venv python3-pip ca-certificates \
    bubblewrap util-linux libseccomp2
  PY=python3
  if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    apt-get install -y -q --no-install-recommends python3.11 python3.11-venv
    PY=python3.11
  fi
  "$PY" -m venv "$ROOT/venv"
  "$ROOT/venv/bin/pip" install --quiet --disable-pip-version-check -r "$SRC/requirements.txt"
  "$ROOT/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r "$SRC/requirements-assets.txt"
  "$ROOT/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -e "$SRC"
  A3_PYTHON="$ROOT/venv/bin/python"
fi
cd "$SRC"
status=0
OPENBLAS_NUM_THREADS=1 MPLBACKEND=Agg "$A3_PYTHON" -m autograder.gradescope \
  --self-test "$SRC/reference_submission" || status=$?
rm -rf "$SRC/reference_submission"
exit "$status"
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for each submission: grade /autograder/submission with the a3 engine
# and write /autograder/results/results.json.
set -euo pipefail
ROOT="${A3_AUTOGRADER_ROOT:-/autograder}"
PY="${A3_PYTHON:-/autograder/venv/bin/python}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MPLBACKEND=Agg
cd "$ROOT/source"
exec "$PY" -m autograder.gradescope --root "$ROOT" "$@"
"""


def _add(zf: zipfile.ZipFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def requirements_text() -> str:
    """Every pinned package of the project (constraints.txt) as requirements."""
    lines = [
        ln for ln in (REPO_ROOT / "constraints.txt").read_text().splitlines() if ln.strip() and not ln.startswith("#")
    ]
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
        reference = REPO_ROOT / "solutions" / "cs231n"
        for file in sorted(p for p in reference.rglob("*.py") if "__pycache__" not in p.parts):
            _add(zf, f"{REFERENCE}/{file.relative_to(reference).as_posix()}", file.read_bytes())
    tmp.replace(dest)
    return dest
