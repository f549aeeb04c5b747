"""Assign the notebooks: from the master notebooks (Otter Assign v1 format, in
``assignment/notebooks/``) to the student notebooks and their public tests, in small steps:

1. ``check_masters``   every part's master exists; every question id of the config with a
                       public case is an Otter question with tests in its part's notebook;
                       no master writes ``points:`` (grading_config.yml is the one place).
2. ``inject_points``   copy each ``# BEGIN QUESTION`` block's config with the points of
                       grading_config.yml (``config.questions[id].points``), or, for a
                       written (``manual: true``) question, of its part's ``written:``;
                       ``inject_requirements`` adds the grading image's pinned packages.
3. ``run_otter``       Otter Assign (``otter.assign.main``) on the prepared copy, in a
                       temporary folder; it writes ``student/`` and ``autograder/`` (with the
                       Gradescope zip, ``autograder/<stem>-autograder_<timestamp>.zip``).
4. ``normalise``       give every cell of the student notebook a content-derived id (Otter
                       adds cells with random ids), so the output is byte-for-byte
                       reproducible.
5. ``check_leaks``     no student notebook or public test contains a solution marker.

Only the student notebook, its public tests (``tests/<id>.py``, OK format, one file per
question, the files ``grader.check`` and ``a3 check`` run) and, on request, the autograder
zip leave the temporary folder.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import yaml

from autograder.build import BuildError

# Markers that must never reach a student file.
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "# SOLUTION", "otter_assign_solution_cell")

_BEGIN_QUESTION = re.compile(r"^\s*#\s*BEGIN\s+QUESTION\s*$", re.IGNORECASE)
_BEGIN_TESTS = re.compile(r"^\s*#\s*BEGIN\s+TESTS\s*$", re.IGNORECASE)
_END_QUESTION = re.compile(r"^\s*#\s*END\s+QUESTION\s*$", re.IGNORECASE)


def _first_line(cell) -> str:
    return cell.source.split("\n", 1)[0] if cell.source else ""


def read_questions(nb) -> dict:
    """{question name: {"config": dict, "cell": index, "tests": n test cells}} of a master
    notebook, in order. Raises BuildError on a question cell that is not valid YAML."""
    questions, current = {}, None
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "raw":
            if current is not None and cell.cell_type == "code" and current.get("in_tests"):
                current["tests"] += 1
            continue
        first = _first_line(cell)
        if _BEGIN_QUESTION.match(first):
            body = cell.source.split("\n", 1)[1] if "\n" in cell.source else ""
            try:
                conf = yaml.safe_load(body) or {}
            except yaml.YAMLError as exc:
                raise BuildError(f"cell {i + 1}: the BEGIN QUESTION config is not valid YAML: {exc}") from None
            if not isinstance(conf, dict) or "name" not in conf:
                raise BuildError(f"cell {i + 1}: a BEGIN QUESTION cell needs 'name: <question id>'")
            current = {"config": conf, "cell": i, "tests": 0, "in_tests": False}
            questions[str(conf["name"])] = current
        elif current is not None and _BEGIN_TESTS.match(first):
            current["in_tests"] = True
        elif current is not None and re.match(r"^\s*#\s*END\s+TESTS\s*$", first, re.IGNORECASE):
            current["in_tests"] = False
        elif _END_QUESTION.match(first):
            current = None
    for q in questions.values():
        q.pop("in_tests", None)
    return questions


def check_masters(config, master_dir: Path) -> dict:
    """Step 1. Returns {part id: master path}; raises BuildError naming the file and the
    question when a master is missing, a public question has no tests, an unknown question
    appears, or a master writes points itself."""
    masters = {}
    for part in config.parts.values():
        if not part.notebook:
            continue
        path = Path(master_dir) / part.notebook
        if not path.exists():
            raise BuildError(f"part '{part.id}': its master notebook {path} does not exist")
        nb = nbformat.read(str(path), as_version=4)
        found = read_questions(nb)
        for name, q in found.items():
            where = f"{path.name}: question '{name}'"
            if "points" in q["config"]:
                raise BuildError(f"{where} writes 'points:'; points live in grading_config.yml")
            manual = bool(q["config"].get("manual", False))
            if manual and name not in part.written:
                raise BuildError(f"{where} is a written question but part '{part.id}' of grading_config.yml "
                                 f"has no 'written: {{{name}: <points>}}'")
            if not manual and name not in part.questions:
                raise BuildError(f"{where} is not a question of part '{part.id}' in grading_config.yml")
        for qid in part.written:
            if qid not in found or not found[qid]["config"].get("manual"):
                raise BuildError(f"{path.name}: written question '{qid}' of part '{part.id}' in grading_config.yml "
                                 f"is not a 'manual: true' question of the notebook")
        for qid, q in part.questions.items():
            # a3 check runs every public case (tests/public/<id>.npz); a notebook test cell is
            # required where the notebook has the question (style_transfer, gan_training have none yet)
            if "public" in q.cases.values() and qid in found:
                if found[qid]["tests"] == 0:
                    raise BuildError(f"{path.name}: question '{qid}' has a public case in grading_config.yml "
                                     f"but no Otter question with test cells in the notebook")
        masters[part.id] = path
    return masters


def inject_points(nb, config):
    """Step 2. Returns a copy of the master notebook whose ``# BEGIN QUESTION`` cells carry
    ``points:`` from the config: the question's, or for a written one its part's ``written:``."""
    nb = nbformat.from_dict(nb)  # copy
    written = {qid: points for part in config.parts.values() for qid, points in part.written.items()}
    for cell in nb.cells:
        if cell.cell_type != "raw" or not _BEGIN_QUESTION.match(_first_line(cell)):
            continue
        first, _, body = cell.source.partition("\n")
        conf = yaml.safe_load(body) or {}
        name = str(conf["name"])
        if conf.get("manual"):
            points = written[name]
        else:
            points = config.questions[name].points
        conf["points"] = int(points) if float(points).is_integer() else float(points)
        cell.source = first + "\n" + yaml.safe_dump(conf, sort_keys=False).rstrip("\n")
    return nb


# Packages the grading image of the Otter autograder zip needs (the notebooks import
# numpy and matplotlib, cs231n.coco_utils imports h5py); their pinned versions are read
# from pyproject.toml so that they stay in one place.
GRADING_PACKAGES = ("numpy", "h5py", "matplotlib")
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def grading_requirements(pyproject: Path = PYPROJECT) -> list:
    """["numpy==...", ...]: the pinned GRADING_PACKAGES from pyproject.toml's dependencies."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        return list(GRADING_PACKAGES)
    deps = tomllib.loads(Path(pyproject).read_text()).get("project", {}).get("dependencies", [])
    found = {re.split(r"[<>=!~\[ ;]", d, 1)[0].lower(): d for d in deps}
    return [found.get(p, p) for p in GRADING_PACKAGES]


def inject_requirements(nb, requirements: list):
    """Add ``requirements:`` to the ``# ASSIGNMENT CONFIG`` cell (for Otter Generate's
    grading image) unless the master sets its own."""
    for cell in nb.cells:
        if cell.cell_type == "raw" and re.match(r"^\s*#\s*ASSIGNMENT\s+CONFIG\s*$", _first_line(cell), re.IGNORECASE):
            first, _, body = cell.source.partition("\n")
            conf = yaml.safe_load(body) or {}
            if "requirements" not in conf and conf.get("generate", False) is not False:
                conf["requirements"] = list(requirements)
                cell.source = first + "\n" + yaml.safe_dump(conf, sort_keys=False).rstrip("\n")
    return nb


def run_otter(master: Path, result: Path) -> None:
    """Step 3: Otter Assign's Python API, without PDFs and without running the tests (the
    masters are not executed; the reference is checked by the framework's own tests)."""
    from otter.assign import main as otter_assign

    try:
        otter_assign(str(master), str(result), no_pdfs=True, no_run_tests=True)
    except Exception as exc:  # Otter raises plain exceptions; name the notebook
        raise BuildError(f"Otter Assign failed on {master.name}: {type(exc).__name__}: {exc}") from exc


def normalise(nb):
    """Step 4: content-derived cell ids (sha1 of type and source, with a counter for
    repeated cells) in place of Otter's random ones; drops execution counts and outputs."""
    seen = {}
    for cell in nb.cells:
        digest = hashlib.sha1((cell.cell_type + "\0" + cell.source).encode()).hexdigest()[:10]
        seen[digest] = seen.get(digest, 0) + 1
        cell["id"] = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        if cell.cell_type == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def check_leaks(paths) -> None:
    """Step 5: raise BuildError if a student file contains a solution marker."""
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        for marker in LEAK_MARKERS:
            if marker in text:
                raise BuildError(f"{path} contains '{marker}': a solution would reach the students")


def assign_notebooks(config, master_dir: Path, out_dir: Path, log=print,
                     otter_dist: Path | None = None) -> dict:
    """Turn the master notebooks into the student notebooks and public tests.

    Inputs:
    - config: the loaded grading configuration (autograder.config.Config); each part's
      ``notebook`` names its master in ``master_dir``, its questions give the points.
    - master_dir: folder of the master notebooks (assignment/notebooks).
    - out_dir: where the student files go (student_template): ``out_dir/<notebook>`` and
      ``out_dir/tests/<question id>.py``. The ``*.py`` files already in ``out_dir/tests``
      are removed first (this step owns that folder), so a deleted question leaves no file.
    - log: a print-like function for progress lines.
    - otter_dist: if given, the Gradescope autograder zip that Otter Generate makes for
      each notebook is copied there as ``<stem>-autograder.zip`` (Otter names it
      ``<stem>-autograder_<timestamp>.zip`` in its ``autograder/`` output folder).

    Returns {"notebooks": [paths], "tests": [paths], "autograder_zips": [paths]} (sorted
    test paths). The notebooks and tests are deterministic: the same masters and config
    give byte-identical files. Raises BuildError on a malformed master, a missing public
    question, an Otter failure or a leaked solution.
    """
    master_dir, out_dir = Path(master_dir), Path(out_dir)
    masters = check_masters(config, master_dir)
    tests_dir = out_dir / "tests"
    tests_dir.mkdir(parents=True, exist_ok=True)
    for old in tests_dir.glob("*.py"):
        old.unlink()
    if otter_dist is not None:
        Path(otter_dist).mkdir(parents=True, exist_ok=True)

    notebooks, tests, zips = [], [], []
    with tempfile.TemporaryDirectory(prefix="a3-assign-") as tmp:
        for part_id, master in masters.items():
            work = Path(tmp) / part_id
            src, result = work / "master", work / "dist"
            src.mkdir(parents=True)
            nb = inject_points(nbformat.read(str(master), as_version=4), config)
            nb = inject_requirements(nb, grading_requirements())
            nbformat.write(nb, str(src / master.name))
            log(f"  notebooks: Otter Assign {master.name}")
            run_otter(src / master.name, result)

            student = result / "student"
            out_nb = out_dir / master.name
            snb = normalise(nbformat.read(str(student / master.name), as_version=4))
            out_nb.write_text(nbformat.writes(snb) + "\n", encoding="utf-8")
            notebooks.append(out_nb)
            for test in sorted((student / "tests").glob("*.py")):
                target = tests_dir / test.name
                if target in tests:
                    raise BuildError(f"question '{test.stem}' appears in two notebooks")
                shutil.copyfile(test, target)
                tests.append(target)
            found = sorted((result / "autograder").glob(f"{master.stem}-autograder_*.zip"))
            if otter_dist is not None and found:
                target = Path(otter_dist) / f"{master.stem}-autograder.zip"
                shutil.copyfile(found[-1], target)
                zips.append(target)
            log(f"  notebooks: {out_nb.name} and {len(list((student / 'tests').glob('*.py')))} public test files")
    check_leaks(notebooks + tests)
    return {"notebooks": notebooks, "tests": sorted(tests), "autograder_zips": zips}
