"""Assign the notebooks: from the text master notebooks (jupytext percent format, Otter
Assign v1 markers, in ``assignment/notebooks/<stem>.py``) to the student notebooks and their
public tests, in small steps:

1. ``read_master``     read a text master with jupytext (``# %%`` code cells, ``# %% [markdown]``,
                       ``# %% [raw]`` for Otter's ``# BEGIN QUESTION`` ... markers); fixed
                       metadata and content-derived cell ids.
2. ``check_masters``   every part's master exists; every question id of the config with a
                       public case is an Otter question of its part's notebook, with authored
                       test cells unless its test is generated (step 3), and none then;
                       no master writes ``points:`` (grading_config.yml is the one place).
3. ``add_public_tests`` for every question of ``public_data.public_questions(config)``, the
                       test block (``# BEGIN TESTS``, the one call of the graded public cases'
                       runner, ``# END TESTS``) before its ``# END QUESTION``: a master holds
                       no test code for such a question, only its markers.
4. ``inject_points``   copy each ``# BEGIN QUESTION`` block's config with the points of
                       grading_config.yml (``config.questions[id].points``), or, for a
                       written (``manual: true``) question, of its part's ``written:``;
                       ``inject_requirements`` adds the grading image's pinned packages.
5. ``run_otter``       Otter Assign (``otter.assign.main``) on the Otter master (an .ipynb
                       written to a temporary folder); it writes ``student/`` and
                       ``autograder/`` (with the Gradescope zip,
                       ``autograder/<stem>-autograder_<timestamp>.zip``).
6. ``normalise``       give every cell of the student notebook a content-derived id (Otter
                       adds cells with random ids), so the output is byte-for-byte
                       reproducible and a cell keeps its id while its content is unchanged.
7. ``check_leaks``     no student notebook or public test contains a solution marker.

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

import jupytext
import nbformat
import yaml

from autograder.build import BuildError
from autograder.build.public_data import public_questions

# Markers that must never reach a student file.
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "# SOLUTION", "otter_assign_solution_cell")
MASTER_FORMAT = "py:percent"       # jupytext's percent format
NOTEBOOK_METADATA = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}}

_BEGIN_QUESTION = re.compile(r"^\s*#\s*BEGIN\s+QUESTION\s*$", re.IGNORECASE)
_BEGIN_TESTS = re.compile(r"^\s*#\s*BEGIN\s+TESTS\s*$", re.IGNORECASE)
_END_TESTS = re.compile(r"^\s*#\s*END\s+TESTS\s*$", re.IGNORECASE)
_END_QUESTION = re.compile(r"^\s*#\s*END\s+QUESTION\s*$", re.IGNORECASE)


def _first_line(cell) -> str:
    return cell.source.split("\n", 1)[0] if cell.source else ""


def master_path(master_dir: Path, notebook: str) -> Path:
    """The text master of the student notebook ``notebook`` (``RNN_Captioning.ipynb`` ->
    ``master_dir/RNN_Captioning.py``)."""
    return Path(master_dir) / (Path(notebook).stem + ".py")


def content_ids(nb):
    """Give every cell the id sha1(type, source)[:10], with ``-<k>`` for the k-th repeat of
    a cell; returns ``nb`` (changed in place)."""
    seen = {}
    for cell in nb.cells:
        digest = hashlib.sha1((cell.cell_type + "\0" + cell.source).encode()).hexdigest()[:10]
        seen[digest] = seen.get(digest, 0) + 1
        cell["id"] = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
    return nb


def read_master(path: Path):
    """Step 1. The text master at ``path`` as an nbformat v4 notebook: its cells as jupytext
    reads them, NOTEBOOK_METADATA (the jupytext header does not reach the student notebook)
    and content-derived cell ids. Raises BuildError if the file cannot be read."""
    try:
        nb = jupytext.read(str(path), fmt=MASTER_FORMAT)
    except (OSError, ValueError) as exc:
        raise BuildError(f"{path}: not a readable text notebook: {exc}") from None
    nb.metadata = nbformat.from_dict(NOTEBOOK_METADATA)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return content_ids(nb)


def read_questions(nb) -> dict:
    """{question name: {"config": dict, "cell": index, "tests": n test cells, "test_blocks":
    n ``# BEGIN TESTS`` cells, "end": index of its ``# END QUESTION`` or None}} of a master
    notebook, in order. Raises BuildError on a question cell that is not valid YAML."""
    questions, current = {}, None
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "raw":
            if current is not None and cell.cell_type == "code" and current.get("in_tests"):
                current["tests"] += 1
            continue
        first = _first_line(cell)
        if _BEGIN_QUESTION.match(first):
            current = {"config": _question_config(cell, i), "cell": i, "tests": 0, "test_blocks": 0,
                       "end": None, "in_tests": False}
            questions[str(current["config"]["name"])] = current
        elif current is not None and _BEGIN_TESTS.match(first):
            current["in_tests"] = True
            current["test_blocks"] += 1
        elif current is not None and _END_TESTS.match(first):
            current["in_tests"] = False
        elif _END_QUESTION.match(first):
            if current is not None:
                current["end"] = i
            current = None
    for q in questions.values():
        q.pop("in_tests", None)
    return questions


def _question_config(cell, i: int) -> dict:
    body = cell.source.split("\n", 1)[1] if "\n" in cell.source else ""
    try:
        conf = yaml.safe_load(body) or {}
    except yaml.YAMLError as exc:
        raise BuildError(f"cell {i + 1}: the BEGIN QUESTION config is not valid YAML: {exc}") from None
    if not isinstance(conf, dict) or "name" not in conf:
        raise BuildError(f"cell {i + 1}: a BEGIN QUESTION cell needs 'name: <question id>'")
    return conf


def generated_tests(config) -> set:
    """Ids of the questions whose public test cell the build writes (step 3): those with
    public-case data, ``public_data.public_questions(config)``."""
    return {q.id for q in public_questions(config)}


def check_masters(config, master_dir: Path) -> dict:
    """Step 2. Returns {part id: text master path}; raises BuildError naming the file and the
    question when a master is missing, a public question has no tests (or authored tests
    where the build writes them), an unknown question appears, or a master writes points."""
    masters, generated = {}, generated_tests(config)
    for part in config.parts.values():
        if not part.notebook:
            continue
        path = master_path(master_dir, part.notebook)
        if not path.exists():
            raise BuildError(f"part '{part.id}': its master notebook {path} does not exist")
        found = read_questions(read_master(path))
        _check_questions(part, path, found)
        _check_tests(part, path, found, generated)
        masters[part.id] = path
    return masters


def _check_questions(part, path: Path, found: dict) -> None:
    """The notebook's questions are the part's questions and written questions, without points."""
    for name, q in found.items():
        where = f"{path.name}: question '{name}'"
        if "points" in q["config"]:
            raise BuildError(f"{where} writes 'points:'; points live in grading_config.yml")
        if q["end"] is None:
            raise BuildError(f"{where} has no '# END QUESTION' cell")
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


def _check_tests(part, path: Path, found: dict, generated: set) -> None:
    """A question with a public case has test cells: the build's (no authored ones) if its
    public-case data exists, else authored ones."""
    for qid, q in part.questions.items():
        if "public" not in q.cases.values():
            continue
        if qid not in found:
            raise BuildError(f"{path.name}: question '{qid}' has a public case in grading_config.yml "
                             f"but no Otter question in the notebook")
        if qid in generated and found[qid]["test_blocks"]:
            raise BuildError(f"{path.name}: question '{qid}': its public test is generated from its public cases "
                             f"by `a3 build`; remove its '# BEGIN TESTS' ... '# END TESTS' cells")
        if qid not in generated and found[qid]["tests"] == 0:
            raise BuildError(f"{path.name}: question '{qid}' has a public case in grading_config.yml "
                             f"but no Otter question with test cells in the notebook")


def public_test_cell(qid: str):
    """The public test cell of ``qid``: the runner of its graded public cases
    (``a3/public_cases.py`` on ``tests/public/<qid>.npz``), one expression that adds no name
    to the notebook's namespace (Otter runs tests in the notebook's globals). It prints only
    a failed case's message, so a failing ``grader.check`` shows that and Otter's few lines."""
    return nbformat.v4.new_code_cell(
        f"__import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('{qid}')")


def first_line_first(test_text: str, qid: str) -> str:
    """Otter's test file of ``qid`` with, when its case runs the graded public cases, a
    ``failure_message`` that Otter prints before its doctest transcript: the failure that
    ``check_public_cases`` printed (``a3.public_cases.FirstLine``), so a failing
    ``grader.check`` shows the useful line first. Other test files are returned unchanged."""
    case_end = "'hidden': False, 'locked': False}"
    if f"check_public_cases('{qid}')" not in test_text or test_text.count(case_end) != 1:
        return test_text
    message = f"__import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('{qid}')"
    return test_text.replace(case_end, f"'hidden': False, 'locked': False, 'failure_message': {message}}}")


def add_public_tests(nb, qids):
    """Step 3. Returns a copy of ``nb`` where each question of ``qids`` that the notebook
    holds gets its test block (``# BEGIN TESTS``, ``public_test_cell``, ``# END TESTS``)
    just before its ``# END QUESTION`` cell; cell ids are content-derived again."""
    nb = nbformat.from_dict(nb)  # copy
    found = read_questions(nb)
    ends = sorted((q["end"], name) for name, q in found.items() if name in qids)
    for end, name in reversed(ends):
        nb.cells[end:end] = [nbformat.v4.new_raw_cell("# BEGIN TESTS"), public_test_cell(name),
                             nbformat.v4.new_raw_cell("# END TESTS")]
    return content_ids(nb)


def inject_points(nb, config):
    """Step 4. Returns a copy of the master notebook whose ``# BEGIN QUESTION`` cells carry
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
    """Step 5: Otter Assign's Python API, without PDFs and without running the tests (the
    masters are not executed; the reference is checked by the framework's own tests)."""
    from otter.assign import main as otter_assign

    try:
        otter_assign(str(master), str(result), no_pdfs=True, no_run_tests=True)
    except Exception as exc:  # Otter raises plain exceptions; name the notebook
        raise BuildError(f"Otter Assign failed on {master.name}: {type(exc).__name__}: {exc}") from exc


def normalise(nb):
    """Step 6: content-derived cell ids (``content_ids``) in place of Otter's random ones;
    drops execution counts and outputs."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return content_ids(nb)


def check_leaks(paths) -> None:
    """Step 7: raise BuildError if a student file contains a solution marker."""
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        for marker in LEAK_MARKERS:
            if marker in text:
                raise BuildError(f"{path} contains '{marker}': a solution would reach the students")


_THRESHOLD = re.compile(r"\{\{threshold:(\w+)(?::(\w+))?\}\}")


def format_threshold(value: float) -> str:
    """A threshold as the notebooks write it: 1e-08 -> "1e-8", 5e-07 -> "5e-7", 2.5e-06 -> "2.5e-6"."""
    mantissa, exponent = f"{value:e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def inject_thresholds(nb, config, name: str = "the master"):
    """Step 4b. Returns a copy of ``nb`` whose markdown cells have each ``{{threshold:<id>}}``
    (or ``{{threshold:<id>:<case>}}``, a case's own) replaced by that threshold from the
    config, e.g. "1e-8": prose that quotes a threshold follows grading_config.yml. Raises
    BuildError naming ``name`` for an id or case the config does not have."""
    nb = nbformat.from_dict(nb)  # copy

    def value(m) -> str:
        qid, case = m.group(1), m.group(2)
        q = config.questions.get(qid)
        if q is None or (case is not None and case not in q.cases):
            raise BuildError(f"{name}: {m.group(0)} names no question{' case' if case else ''} of grading_config.yml")
        return format_threshold(q.case_thresholds.get(case, q.threshold))

    for cell in nb.cells:
        if cell.cell_type == "markdown" and "{{threshold:" in cell.source:
            cell.source = _THRESHOLD.sub(value, cell.source)
    return nb


def otter_master(master: Path, config, generated: set):
    """Steps 1, 3, 4: the Otter Assign master notebook of the text master ``master``, with
    the generated public tests, the points, the thresholds its prose quotes and the grading
    requirements."""
    nb = add_public_tests(read_master(master), generated)
    nb = inject_thresholds(inject_points(nb, config), config, Path(master).name)
    return inject_requirements(nb, grading_requirements())


def assign_notebooks(config, master_dir: Path, out_dir: Path, log=print,
                     otter_dist: Path | None = None) -> dict:
    """Turn the text master notebooks into the student notebooks and public tests.

    Inputs:
    - config: the loaded grading configuration (autograder.config.Config); each part's
      ``notebook`` names its student notebook, whose text master is ``master_dir/<stem>.py``;
      its questions give the points.
    - master_dir: folder of the text master notebooks (assignment/notebooks).
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
    masters = check_masters(config, master_dir)
    out_dir = Path(out_dir)
    tests_dir = out_dir / "tests"
    tests_dir.mkdir(parents=True, exist_ok=True)
    for old in tests_dir.glob("*.py"):
        old.unlink()
    if otter_dist is not None:
        Path(otter_dist).mkdir(parents=True, exist_ok=True)
    generated = generated_tests(config)
    result = {"notebooks": [], "tests": [], "autograder_zips": []}
    with tempfile.TemporaryDirectory(prefix="a3-assign-") as tmp:
        for part_id, master in masters.items():
            work = Path(tmp) / part_id
            (work / "master").mkdir(parents=True)
            otter_nb = work / "master" / config.parts[part_id].notebook
            nbformat.write(otter_master(master, config, generated), str(otter_nb))
            log(f"  notebooks: Otter Assign {master.name}")
            run_otter(otter_nb, work / "dist")
            _collect(work / "dist", otter_nb.name, out_dir, result, otter_dist, log)
    check_leaks(result["notebooks"] + result["tests"])
    result["tests"].sort()
    return result


def _collect(dist: Path, name: str, out_dir: Path, result: dict, otter_dist, log) -> None:
    """Copy Otter's student notebook ``name`` (normalised), its tests and, if ``otter_dist``
    is given, its autograder zip out of ``dist``; appends the paths to ``result``."""
    student = dist / "student"
    out_nb = out_dir / name
    snb = normalise(nbformat.read(str(student / name), as_version=4))
    out_nb.write_text(nbformat.writes(snb) + "\n", encoding="utf-8")
    result["notebooks"].append(out_nb)
    tests = sorted((student / "tests").glob("*.py"))
    for test in tests:
        target = out_dir / "tests" / test.name
        if target in result["tests"]:
            raise BuildError(f"question '{test.stem}' appears in two notebooks")
        target.write_text(first_line_first(test.read_text(), test.stem), encoding="utf-8")
        result["tests"].append(target)
    stem = Path(name).stem
    found = sorted((dist / "autograder").glob(f"{stem}-autograder_*.zip"))
    if otter_dist is not None and found:
        target = Path(otter_dist) / f"{stem}-autograder.zip"
        shutil.copyfile(found[-1], target)
        result["autograder_zips"].append(target)
    log(f"  notebooks: {out_nb.name} and {len(tests)} public test files")
