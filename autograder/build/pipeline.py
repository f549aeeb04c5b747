"""``a3 build`` and ``a3 build --check``: the steps, in order, and the staleness check.

build:  strip solutions -> copy student tools and data -> assign notebooks -> fixtures -> leaks,
        all in a staging copy that replaces student_template/ and autograder/fixtures/ only
        when every step succeeded; then the Gradescope autograder zip
        (build/gradescope/autograder.zip)
check:  the same into a temporary folder, then compare with the committed files.
"""
from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

from autograder.build import BuildError
from autograder.build.fixtures import compute_fixtures, fixture_differences
from autograder.build.leaks import find_leaks
from autograder.build.public_data import copy_student_process_code
from autograder.build.strip import strip_package
from autograder.config import REPO_ROOT, ConfigError, load_config
from autograder.fixture_store import FIXTURE_DIR, read_fixture

SOLUTIONS_PKG = REPO_ROOT / "solutions" / "cs231n"
TEMPLATE = REPO_ROOT / "student_template"
DATA = REPO_ROOT / "assignment" / "data" / "coco_captioning"
GAN_DATA = REPO_ROOT / "assignment" / "data" / "gan"        # the digit classifier of Part 5
NETVIS_DATA = REPO_ROOT / "assignment" / "data" / "netvis"      # Part 3: trained SqueezeNet, held-out pictures
PICTURES = REPO_ROOT / "assignment" / "data" / "pictures"       # Part 4: scikit-image's pictures, SHA256SUMS
MASTERS = REPO_ROOT / "assignment" / "notebooks"
STUDENT_TOOLS = REPO_ROOT / "autograder" / "student_tools"
TEMPLATE_FILES = REPO_ROOT / "autograder" / "build" / "template_files"
HIDDEN_TESTS = REPO_ROOT / "autograder" / "hidden_tests"
ASSET_REQUIREMENTS = REPO_ROOT / "requirements-assets.txt"
OTTER_DIST = REPO_ROOT / "build" / "otter"


def build(template: Path, fixtures: Path, config, notebooks: bool = True, log=print) -> tuple:
    """Generate the student template and the fixtures, judging the reference on every case.
    Returns (leaks found, empty if clean; {file: solution lines removed by the strip};
    what changed: a Changes). Raises BuildError when the reference fails a case."""
    template.mkdir(parents=True, exist_ok=True)
    before = file_digests(template)
    log("strip: solutions/cs231n -> student_template/cs231n")
    removed = strip_package(SOLUTIONS_PKG, template / "cs231n", config)
    log("copy: student tools (a3 check, a3 submit), template files, data")
    shutil.rmtree(template / "a3", ignore_errors=True)
    shutil.copytree(STUDENT_TOOLS, template / "a3", ignore=shutil.ignore_patterns("__pycache__"))
    copy_student_process_code(template / "a3")          # the grader's calls, which the public cases run
    for path in TEMPLATE_FILES.iterdir():
        shutil.copy2(path, template / path.name)
    shutil.copy2(ASSET_REQUIREMENTS, template / ASSET_REQUIREMENTS.name)   # weights and digits, --no-deps
    shutil.rmtree(template / "datasets", ignore_errors=True)
    shutil.copytree(DATA, template / "datasets" / "coco_captioning")
    shutil.copytree(GAN_DATA, template / "datasets" / "gan")
    shutil.copytree(NETVIS_DATA, template / "datasets" / "netvis")
    shutil.copytree(PICTURES, template / "datasets" / "pictures")
    if notebooks:
        from autograder.build.notebooks import assign_notebooks
        log("assign: master notebooks -> student notebooks and public tests (Otter Assign)")
        shutil.rmtree(template / "tests", ignore_errors=True)
        assign_notebooks(config, MASTERS, template, log=log, otter_dist=OTTER_DIST)
    log("fixtures: the reference's outputs on every case, judged as the grader judges a submission")
    fixture_status = compute_fixtures(config, fixtures, log=log)
    fixture_status.update(remove_unlisted_fixtures(fixtures, config))
    if notebooks:
        from autograder.build.public_data import write_public_data
        log("public data: the public cases of every question -> student_template/tests/public/")
        write_public_data(config, fixtures, template / "tests" / "public")
    log("leaks: checking the student template")
    leaks = find_leaks(template, removed, config, fixtures, SOLUTIONS_PKG.parent, HIDDEN_TESTS)
    return leaks, removed, Changes(fixture_status, before, file_digests(template))


def remove_unlisted_fixtures(fixtures: Path, config) -> dict:
    """Delete ``<id>.h5`` of questions no longer in the config; returns {id: "removed"}."""
    gone = {}
    for path in sorted(Path(fixtures).glob("*.h5")):
        if path.stem not in config.questions:
            path.unlink()
            gone[path.stem] = "removed"
    return gone


def file_digests(root: Path) -> dict:
    """{relative path: sha256 of its bytes} of every file under ``root`` (no __pycache__)."""
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest() for rel, p in _files(root).items()} if root.exists() else {}


KINDS = (("student notebooks", lambda rel: rel.endswith(".ipynb") and "/" not in rel),
         ("public data", lambda rel: rel.startswith("tests/public/")),
         ("public tests", lambda rel: rel.startswith("tests/")),
         ("student package", lambda rel: rel.startswith("cs231n/")),
         ("other template files", lambda rel: True))


class Changes:
    """What a build changed: fixtures by question id, template files by kind."""

    def __init__(self, fixtures: dict, before: dict, after: dict):
        self.fixtures = fixtures            # {id: "new" | "changed" | "unchanged" | "removed"}
        self.files = {rel: ("new" if rel not in before else "removed" if rel not in after else "changed")
                      for rel in sorted(set(before) | set(after)) if before.get(rel) != after.get(rel)}

    def summary(self) -> str:
        """One line per kind, e.g. "fixtures: 2 changed (rnn_loss, lstm_loss), 34 unchanged"."""
        lines = [f"fixtures: {_counts(self.fixtures)}"]
        files = dict(self.files)
        for kind, belongs in KINDS:
            mine = {rel: how for rel, how in files.items() if belongs(rel)}
            files = {rel: how for rel, how in files.items() if rel not in mine}
            lines.append(f"{kind}: {_counts(mine) if mine else 'unchanged'}")
        return "\n".join(lines)


def _counts(status: dict, shown: int = 6) -> str:
    """{name: "changed" | "new" | "removed" | "unchanged"} as "2 changed (a, b), 34 unchanged"
    (at most ``shown`` names per kind; unchanged ones are only counted)."""
    parts = []
    for how in ("changed", "new", "removed", "unchanged"):
        names = [name for name, s in status.items() if s == how]
        if names:
            more = ", ..." if len(names) > shown else ""
            listed = "" if how == "unchanged" else f" ({', '.join(names[:shown])}{more})"
            parts.append(f"{len(names)} {how}{listed}")
    return ", ".join(parts) or "none"


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


def compare_fixtures(fresh: Path, committed: Path) -> list:
    """Fixtures must hold the same inputs and the same expected values (to 1e-10, or to
    the precision of fixtures.expected_tolerance): ["fixtures/<id>.h5: <what> is stale"]."""
    problems = []
    for path in sorted(Path(fresh).glob("*.h5")):
        qid = path.stem
        try:
            old = read_fixture(qid, committed)
        except FileNotFoundError:
            continue                       # reported by compare_trees
        for diff in fixture_differences(qid, read_fixture(qid, fresh), old):
            what = diff.split(": ", 1)
            problems.append(f"fixtures/{qid}.h5: case {what[0]} {what[1]}" if len(what) == 2
                            else f"fixtures/{qid}.h5: {diff} is stale")
    return problems


def main(check: bool = False, skip_notebooks: bool = False) -> int:
    """Entry point of ``a3 build``; returns the exit status (0 done, 1 leaks or stale files,
    2 the build could not be made: a config error, or the reference fails a case)."""
    from autograder.grade.reports.tf_logs import silence_tensorflow_logs
    silence_tensorflow_logs()           # judging Parts 3-5 imports TensorFlow in this process
    try:
        config = load_config()
        if not check:
            leaks, changes = staged_build(TEMPLATE, FIXTURE_DIR, config, notebooks=not skip_notebooks)
            from autograder.build.gradescope_zip import make_gradescope_zip
            zip_path = make_gradescope_zip()    # packs autograder/ as replaced, fixtures included
            print(f"gradescope: {zip_path.relative_to(REPO_ROOT)} (setup.sh, run_autograder, requirements.txt)")
            print(changes.summary())
            for leak in leaks:
                print(f"LEAK {leak}", file=sys.stderr)
            print("build: done" + (f", with {len(leaks)} leak(s)" if leaks else ""))
            return 1 if leaks else 0
        problems = check_build(config, skip_notebooks)
        for p in problems:
            print(p, file=sys.stderr)
        print(f"build --check: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'ok'}")
        return 1 if problems else 0
    except (BuildError, ConfigError) as exc:
        print(f"a3 build: {exc}", file=sys.stderr)
        print("build: FAILED (no file was changed; fix it and run `a3 build` again)", file=sys.stderr)
        return 2


def staged_build(template: Path, fixtures: Path, config, notebooks: bool = True, log=print) -> tuple:
    """Build into a staging copy of ``template`` and ``fixtures`` and move the result over
    them only when every step succeeded: a build that raises (BuildError, ConfigError or
    anything else) changes no file. Unchanged files keep their bytes and times.
    Returns (leaks, Changes)."""
    with tempfile.TemporaryDirectory(prefix="a3-build-") as tmp:
        stage = Path(tmp)
        for src, name in ((template, "template"), (fixtures, "fixtures")):
            if Path(src).exists():
                shutil.copytree(src, stage / name, ignore=shutil.ignore_patterns("__pycache__"))
        leaks, _, changes = build(stage / "template", stage / "fixtures", config, notebooks=notebooks, log=log)
        replace_tree(stage / "template", Path(template))
        replace_tree(stage / "fixtures", Path(fixtures))
    return leaks, changes


def replace_tree(staged: Path, dest: Path) -> None:
    """Make ``dest`` hold exactly the files of ``staged`` (``__pycache__`` aside): copy the
    files that are new or differ, delete the ones the staging tree no longer has, leave equal
    files untouched."""
    new, old = _files(staged), _files(dest) if dest.exists() else {}
    for rel, path in old.items():
        if rel not in new:
            path.unlink()
    for rel, path in new.items():
        target = dest / rel
        if rel in old and old[rel].read_bytes() == path.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    for folder in sorted((p for p in dest.rglob("*") if p.is_dir() and "__pycache__" not in p.parts),
                         key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def check_build(config, skip_notebooks: bool = False) -> list:
    """Build into a temporary folder and compare every derived file with the committed one:
    the student template (package, tools, data, notebooks, public tests and their data) by
    bytes, the fixtures by values. Returns the problems, each naming its file."""
    with tempfile.TemporaryDirectory(prefix="a3-build-check-") as tmp:
        tmp = Path(tmp)
        leaks, removed, _ = build(tmp / "student_template", tmp / "fixtures", config, notebooks=not skip_notebooks,
                                  log=lambda msg: print(msg, file=sys.stderr))
        nb_skip = (lambda rel: rel.endswith(".ipynb") or rel.startswith("tests/")) if skip_notebooks else (lambda rel: False)
        problems = compare_trees(tmp / "student_template", TEMPLATE, "student_template", nb_skip)
        problems += compare_trees(tmp / "fixtures", FIXTURE_DIR, "autograder/fixtures")
        problems += compare_fixtures(tmp / "fixtures", FIXTURE_DIR)
        problems += find_leaks(TEMPLATE, removed, config, FIXTURE_DIR, SOLUTIONS_PKG.parent, HIDDEN_TESTS)
        problems += [f"LEAK {leak}" for leak in leaks]
    return problems
