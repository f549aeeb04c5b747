"""The grader's own environment, checked before anyone is graded.

A broken environment (a package missing or at another version than the pins, an asset file
missing or changed, a fixture unreadable or without the reference's outputs) would otherwise
show up as failed cases of every student: the grader's fault turned into their lost points.
``a3 grade`` and Gradescope's ``run_autograder`` call :func:`faults` first and, if it finds
any, grade nobody (``a3 grade`` exits 3 naming each fault; ``run_autograder`` writes a
results.json that says the autograder is broken and gives no score).

What is checked (each cheap: no TensorFlow import, no array read):
- the packages that fix the numbers (numpy, h5py, Keras, TensorFlow) are installed at the
  versions ``constraints.txt`` pins, and every module the engine imports can be found;
- every asset file: the files inside the asset packages (``assets.PACKAGE_FILES``, by sha256)
  and the pictures (``assets_dir()/pictures/SHA256SUMS``), the public data folders;
- every fixture of the graded questions opens and holds each case of ``grading_config.yml``
  with its inputs, and the reference's outputs unless the hidden test keeps none (``EXPECTED``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

import h5py

from autograder.config import REPO_ROOT, Config
from autograder.fixture_store import FIXTURE_DIR
from autograder.question_api import question_hooks
from autograder.student_process import assets

CONSTRAINTS = REPO_ROOT / "constraints.txt"
PINNED = ("numpy", "h5py", "keras", "tensorflow", "tensorflow-cpu")  # the packages that fix the numbers
MODULES = ("numpy", "h5py", "PIL", "yaml", "psutil", "nbformat", "tensorflow", "keras")
DATA_FOLDERS = ("coco_captioning", "netvis", "gan", "pictures")  # in assets_dir()
EXIT_BROKEN = 3  # a3 grade's exit status when it grades nobody for this reason


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def pins(path: Path = CONSTRAINTS) -> dict:
    """{distribution name (lower case): version} of ``name==version`` lines of ``path``."""
    out = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].split(";")[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[name.strip().lower()] = version.strip()
    return out


def package_faults(constraints: Path = CONSTRAINTS) -> list[str]:
    """Modules that cannot be found, and pinned packages installed at another version."""
    found = [f"the module {m} is not installed" for m in MODULES if importlib.util.find_spec(m) is None]
    wanted = pins(constraints) if constraints.exists() else {}
    for name in PINNED:
        if name not in wanted:
            continue
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            if name.startswith("tensorflow"):  # tensorflow-cpu on Linux x86_64, tensorflow elsewhere
                continue
            have = None
        if have != wanted[name]:
            have = "not installed" if have is None else have
            found.append(f"{name} is {have}, but constraints.txt pins {wanted[name]}")
    return found


def asset_faults(data: Path | None = None) -> list[str]:
    """Asset files missing or not the ones the fixtures were made with (by sha256)."""
    data = Path(data or assets.assets_dir())
    found = []
    for (package, rel), digest in assets.PACKAGE_FILES.items():
        try:
            path = Path(assets.package_file(package, rel))
        except FileNotFoundError as exc:
            found.append(str(exc))
            continue
        if _sha256(path) != digest:
            found.append(f"{path} is not the file the assignment was made with (sha256 differs)")
    for folder in DATA_FOLDERS:
        if not (data / folder).is_dir() or not any((data / folder).iterdir()):
            found.append(f"the public data folder {data / folder} is missing or empty")
    sums = data.joinpath(*assets.PICTURE_SUMS)
    if sums.exists():
        for line in sums.read_text().splitlines():
            digest, name = line.split()
            path = sums.parent / name
            if not path.is_file():
                found.append(f"the picture {path} is missing")
            elif _sha256(path) != digest:
                found.append(f"the picture {path} is not the one the assignment was made with (sha256 differs)")
    elif (data / "pictures").is_dir():
        found.append(f"{sums} is missing")
    return found


def fixture_faults(config: Config, parts: list, fixture_dir: Path = FIXTURE_DIR) -> list[str]:
    """Fixtures of the questions of ``parts`` that are missing, unreadable, lack a case or its
    inputs, or lack the reference's outputs (unless the hidden test keeps none)."""
    found = []
    for q in config.questions_in(parts):
        path = Path(fixture_dir) / f"{q.id}.h5"
        try:
            expected = question_hooks(q.id).expected
            with h5py.File(path, "r") as f:
                for case in q.cases:
                    if case not in f or "inputs" not in f[case]:
                        found.append(f"the fixture {path.name} has no inputs for case {case}")
                    elif expected and "expected" not in f[case]:
                        found.append(f"the fixture {path.name} has no reference outputs for case {case}")
        except Exception as exc:  # missing, truncated, not HDF5, a hidden test that fails to import
            found.append(f"the fixture of {q.id} cannot be read: {type(exc).__name__}: {exc}")
    return found


def faults(config: Config, parts: list, fixture_dir: Path = FIXTURE_DIR) -> list[str]:
    """Every fault of the grader's environment for grading ``parts``; [] when it may grade."""
    return package_faults() + asset_faults() + fixture_faults(config, parts, fixture_dir)


def broken_message(found: list[str]) -> str:
    """The text shown when the environment is broken: each fault, then what it means."""
    lines = "\n".join(f"- {f}" for f in found)
    return (
        f"The autograder's environment is broken, so nobody was graded (this is not a fault of any submission):\n"
        f"{lines}\nReinstall (make install, or rebuild the Gradescope image), then grade again."
    )
