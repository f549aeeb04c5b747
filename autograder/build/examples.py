"""The bundled example submissions, made on demand (``a3 examples``, run by ``make demo``)
into ``examples/submissions/`` from the reference, the student template and the recipes in
``examples/buggy/<name>.py`` (see its __init__): ``reference``, ``template`` (untouched),
and each buggy student, as a folder or a zip. Made, not committed: they are copies of code
that lives elsewhere, and are always current."""
from __future__ import annotations

import importlib.util
import shutil
import zipfile
from pathlib import Path

from autograder.build import BuildError
from autograder.build.splice import function_source, function_text, replace_function
from autograder.config import REPO_ROOT

RECIPES = REPO_ROOT / "examples" / "buggy"
EXAMPLES = REPO_ROOT / "examples" / "submissions"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _recipe(path: Path):
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _copy_submission(package: Path, template: Path, dest: Path, notebooks: bool = True) -> None:
    shutil.copytree(package, dest / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    if notebooks:
        for nb in sorted(template.glob("*.ipynb")):
            shutil.copy2(nb, dest / nb.name)


def _stub_source(template: Path, target: str) -> str:
    rel, qualname = target.split("::")
    return function_text((template / rel).read_text(), qualname)


def apply_recipe(recipe: ModuleType, folder: Path, template: Path) -> None:
    """Edit the reference copy in ``folder`` as the recipe says (REPLACE, TODO, BREAK)."""
    edits = {t: function_source(fn) for t, fn in getattr(recipe, "REPLACE", {}).items()}
    edits.update({t: _stub_source(template, t) for t in getattr(recipe, "TODO", [])})
    for target, src in edits.items():
        rel, qualname = target.split("::")
        path = folder / rel
        path.write_text(replace_function(path.read_text(), qualname, src))
    for rel, (old, new) in getattr(recipe, "BREAK", {}).items():
        path = folder / rel
        text = path.read_text()
        if old not in text:
            raise BuildError(f"examples/buggy/{recipe.__name__}: '{old}' is not in {rel}")
        path.write_text(text.replace(old, new, 1))


def _zip(folder: Path, out: Path, prefix: str = "", only_notebooks: bool = False) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_dir() or (only_notebooks and path.suffix != ".ipynb"):
                continue
            info = zipfile.ZipInfo(prefix + path.relative_to(folder).as_posix(), date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())


def build_examples(dest: Path = EXAMPLES, template: Path = REPO_ROOT / "student_template",
                   solutions_pkg: Path = REPO_ROOT / "solutions" / "cs231n", log: Callable = print) -> list:
    """Write every example submission under ``dest`` (replacing what is there); returns their paths."""
    dest = Path(dest)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    _copy_submission(solutions_pkg, template, dest / "reference")
    _copy_submission(template / "cs231n", template, dest / "template")
    made = [dest / "reference", dest / "template"]
    for path in sorted(RECIPES.glob("[!_]*.py")):
        recipe = _recipe(path)
        folder = dest / path.stem
        _copy_submission(solutions_pkg, template, folder, getattr(recipe, "NOTEBOOKS", True))
        apply_recipe(recipe, folder, template)
        kind = getattr(recipe, "ZIP", None)
        if kind:
            _zip(folder, dest / f"{path.stem}.zip", prefix=f"{path.stem}/" if kind == "wrapped" else "",
                 only_notebooks=kind == "notebooks_only")
            shutil.rmtree(folder)
            made.append(dest / f"{path.stem}.zip")
        else:
            made.append(folder)
        log(f"  example: {made[-1].name}")
    return made
