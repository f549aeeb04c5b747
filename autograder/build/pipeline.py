"""``a3 build`` and ``a3 build --check``: the steps, in order, and the staleness check.

build:  strip solutions -> copy student tools and data -> assign notebooks -> fixtures -> leaks,
        then the Gradescope autograder zip (build/gradescope/autograder.zip)
check:  the same into a temporary folder, then compare with the committed files.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from autograder.build import BuildError
from autograder.build.fixtures import compute_fixtures
from autograder.build.leaks import find_leaks
from autograder.build.strip import strip_package
from autograder.config import REPO_ROOT, ConfigError, load_config
from autograder.fixture_store import FIXTURE_DIR, read_fixture

SOLUTIONS_PKG = REPO_ROOT / "solutions" / "cs231n"
TEMPLATE = REPO_ROOT / "student_template"
DATA = REPO_ROOT / "assignment" / "data" / "coco_captioning"
GAN_DATA = REPO_ROOT / "assignment" / "data" / "gan"        # the digit classifier of Part 5
NETVIS_DATA = REPO_ROOT / "assignment" / "data" / "netvis"      # Part 3: trained SqueezeNet, held-out pictures
MASTERS = REPO_ROOT / "assignment" / "notebooks"
STUDENT_TOOLS = REPO_ROOT / "autograder" / "student_tools"
TEMPLATE_FILES = REPO_ROOT / "autograder" / "build" / "template_files"
HIDDEN_TESTS = REPO_ROOT / "autograder" / "hidden_tests"
ASSET_REQUIREMENTS = REPO_ROOT / "requirements-assets.txt"
OTTER_DIST = REPO_ROOT / "build" / "otter"


def build(template: Path, fixtures: Path, config, notebooks: bool = True, log=print) -> tuple:
    """Generate the student template and the fixtures.
    Returns (leaks found, empty if clean; {file: solution lines removed by the strip})."""
    template.mkdir(parents=True, exist_ok=True)
    log("strip: solutions/cs231n -> student_template/cs231n")
    removed = strip_package(SOLUTIONS_PKG, template / "cs231n", config)
    log("copy: student tools (a3 check, a3 submit), template files, data")
    shutil.rmtree(template / "a3", ignore_errors=True)
    shutil.copytree(STUDENT_TOOLS, template / "a3", ignore=shutil.ignore_patterns("__pycache__"))
    for path in TEMPLATE_FILES.iterdir():
        shutil.copy2(path, template / path.name)
    shutil.copy2(ASSET_REQUIREMENTS, template / ASSET_REQUIREMENTS.name)   # weights and pictures, --no-deps
    shutil.rmtree(template / "datasets", ignore_errors=True)
    shutil.copytree(DATA, template / "datasets" / "coco_captioning")
    shutil.copytree(GAN_DATA, template / "datasets" / "gan")
    shutil.copytree(NETVIS_DATA, template / "datasets" / "netvis")
    if notebooks:
        from autograder.build.notebooks import assign_notebooks
        log("assign: master notebooks -> student notebooks and public tests (Otter Assign)")
        shutil.rmtree(template / "tests", ignore_errors=True)
        assign_notebooks(config, MASTERS, template, log=log, otter_dist=OTTER_DIST)
    log("fixtures: the reference's outputs on every case")
    compute_fixtures(config, fixtures, log=log)
    if notebooks:
        from autograder.build.public_data import write_public_data
        log("public data: the public cases of Parts 1-2 -> student_template/tests/public/")
        write_public_data(config, fixtures, template / "tests" / "public")
    log("leaks: checking the student template")
    return find_leaks(template, removed, config, fixtures, SOLUTIONS_PKG.parent, HIDDEN_TESTS), removed


def _files(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def compare_trees(fresh: Path, committed: Path, label: str, skip=lambda rel: False) -> list:
    """Differences between a freshly built tree and the committed one ("label/rel: why")."""
    a, b = _files(fresh), _files(committed)
    problems = [f"{label}/{rel}: missing (run `a3 build`)" for rel in a if rel not in b and not skip(rel)]
    problems += [f"{label}/{rel}: not produced by the build (remove it or run `a3 build`)"
                 for rel in b if rel not in a and not skip(rel)]
    for rel in sorted(set(a) & set(b)):
        if skip(rel) or rel.endswith(".h5") and label.endswith("fixtures"):
            continue
        if a[rel].read_bytes() != b[rel].read_bytes():
            problems.append(f"{label}/{rel}: stale (differs from what `a3 build` makes)")
    return problems


def expected_tolerance(qid: str, value) -> tuple:
    """(rtol, atol) for comparing a rebuilt expected value with the committed one: a hidden
    test's ``FIXTURE_TOLERANCE`` if it sets one (results of an optimisation in float32),
    float32 precision for float32 arrays (TensorFlow's kernels sum in a CPU-dependent
    order), else 1e-10."""
    from autograder.question_api import question_hooks
    try:
        tol = question_hooks(qid).fixture_tolerance
    except ImportError:
        tol = None
    if tol is not None:
        return tol
    return (1e-5, 1e-7) if value.dtype == np.float32 else (1e-10, 1e-12)


def compare_fixtures(fresh: Path, committed: Path) -> list:
    """Fixtures must hold the same inputs and the same expected values (to 1e-10, or to
    the precision of expected_tolerance)."""
    problems = []
    for path in sorted(Path(fresh).glob("*.h5")):
        qid = path.stem
        try:
            old = read_fixture(qid, committed)
        except FileNotFoundError:
            continue                       # reported by compare_trees
        new = read_fixture(qid, fresh)
        problems += [f"fixtures/{qid}.h5: case {case} is no longer made by the build" for case in old if case not in new]
        for case, (inputs, expected) in new.items():
            if case not in old:
                problems.append(f"fixtures/{qid}.h5: case {case} missing")
                continue
            for kind, a, b in (("inputs", inputs, old[case][0]), ("expected", expected or {}, old[case][1] or {})):
                for name in set(a) | set(b):
                    x, y = a.get(name), b.get(name)
                    rtol, atol = expected_tolerance(qid, x) if kind == "expected" and x is not None else (1e-10, 1e-12)
                    same = (x is not None and y is not None and x.shape == y.shape and x.dtype.kind == y.dtype.kind
                            and (np.array_equal(x, y) if x.dtype.kind in "biuU" else
                                 np.allclose(x, y, rtol=rtol, atol=atol)))
                    if not same:
                        problems.append(f"fixtures/{qid}.h5: {case}/{kind}/{name} is stale")
    return problems


def main(check: bool = False, skip_notebooks: bool = False) -> int:
    """Entry point of ``a3 build``; returns the exit status."""
    try:
        config = load_config()
        if not check:
            leaks, _ = build(TEMPLATE, FIXTURE_DIR, config, notebooks=not skip_notebooks)
            from autograder.build.gradescope_zip import make_gradescope_zip
            zip_path = make_gradescope_zip()
            print(f"gradescope: {zip_path.relative_to(REPO_ROOT)} (setup.sh, run_autograder, requirements.txt)")
            for leak in leaks:
                print(f"LEAK {leak}", file=sys.stderr)
            print("build: done" + (f", with {len(leaks)} leak(s)" if leaks else ""))
            return 1 if leaks else 0
        with tempfile.TemporaryDirectory(prefix="a3-build-check-") as tmp:
            tmp = Path(tmp)
            leaks, removed = build(tmp / "student_template", tmp / "fixtures", config, notebooks=not skip_notebooks,
                          log=lambda msg: print(msg, file=sys.stderr))
            nb_skip = (lambda rel: rel.endswith(".ipynb") or rel.startswith("tests/")) if skip_notebooks else (lambda rel: False)
            problems = compare_trees(tmp / "student_template", TEMPLATE, "student_template", nb_skip)
            problems += compare_trees(tmp / "fixtures", FIXTURE_DIR, "autograder/fixtures")
            problems += compare_fixtures(tmp / "fixtures", FIXTURE_DIR)
            problems += find_leaks(TEMPLATE, removed, config, FIXTURE_DIR, SOLUTIONS_PKG.parent, HIDDEN_TESTS)
            problems += [f"LEAK {leak}" for leak in leaks]
        for p in problems:
            print(p, file=sys.stderr)
        print(f"build --check: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'ok'}")
        return 1 if problems else 0
    except (BuildError, ConfigError) as exc:
        print(f"a3 build: {exc}", file=sys.stderr)
        return 2
