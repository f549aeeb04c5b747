#!/usr/bin/env python
"""Capture what grading the example class writes, and compare two captures (a refactor must
change no score and no report byte).

    .venv/bin/python bench/compare_outputs.py capture OUT
    .venv/bin/python bench/compare_outputs.py compare A B

``capture OUT`` (run from the checkout to capture, with its ``.venv``):

1. ``.venv/bin/a3 examples`` (the example submissions, ``examples/submissions``);
2. ``.venv/bin/a3 grade examples/submissions --out OUT/grade --quiet``;
3. for each of ``reference``, ``alice``, ``dave.zip`` and ``erin.zip``: a temporary root whose
   ``submission/`` holds the submission (the folder's content copied, or the zip file inside
   it), then ``.venv/bin/python -m <gradescope module> --root ROOT``, and
   ``ROOT/results/results.json`` kept as ``OUT/gradescope/<name>.json``. The Gradescope
   module is ``autograder.gradescope`` if it exists, else ``autograder.grade.reports.gradescope``
   (the one before issue 26), found with ``importlib.util.find_spec``.

``compare A B`` compares every file under the two captures (the same set of relative paths,
then each file's text) and prints each difference; the exit status is 1 on any difference,
else 0. Before comparing, and nothing else, it normalizes:

- in JSON files (``*.json``), the values of the keys ``seconds`` and ``execution_time``
  (wall-clock times) and ``worker`` (``host:pid`` of the process that graded: a new pid each
  run), anywhere in the document, become ``"<normalized>"``;
- in every file, ISO 8601 times of the form ``YYYY-MM-DDTHH:MM:SS`` (with optional fraction
  and ``+HH:MM`` offset) become ``<time>``: the example submissions carry no metadata, so their
  submission time is their file time, which ``a3 examples`` sets anew each run;
- in every file, the statistics of ``sample_noise``'s draw in its check's message
  (``mean <x>, standard deviation <y>``, and a failing message's ``, from <a> to <b>``) become
  ``<n>``: not a timing, but the one output that differs between two runs of the same code
  (the noise is TensorFlow's unseeded ``tf.random.uniform``, and must be: the check fails a
  ``sample_noise`` that returns the same values twice). Its verdict is not normalized.

Nothing else is normalized: every score, status, message, image and byte of layout must match.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRADESCOPE_SUBMISSIONS = ("reference", "alice", "dave.zip", "erin.zip")
GRADESCOPE_MODULES = ("autograder.gradescope", "autograder.grade.reports.gradescope")
TIMING_KEYS = {"seconds", "execution_time", "worker"}
NOISE_STATS = re.compile(r"mean -?\d+\.\d+, standard deviation \d+\.\d+(, from -?\d+\.\d+ to -?\d+\.\d+)?")
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")


def gradescope_module() -> str:
    """The importable Gradescope entry point of this checkout (the new name first)."""
    for name in GRADESCOPE_MODULES:
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except ModuleNotFoundError:
            continue
    raise SystemExit("no Gradescope entry point found")


def capture(out: Path) -> None:
    """Write the captures described in the module docstring under ``out``."""
    py, a3 = ROOT / ".venv/bin/python", ROOT / ".venv/bin/a3"
    examples = ROOT / "examples" / "submissions"
    subprocess.run([a3, "examples"], cwd=ROOT, check=True)
    grade = [a3, "grade", examples, "--out", out / "grade", "--quiet"]
    subprocess.run(grade, cwd=ROOT, check=True)
    module = gradescope_module()
    (out / "gradescope").mkdir(parents=True, exist_ok=True)
    for name in GRADESCOPE_SUBMISSIONS:
        with tempfile.TemporaryDirectory(prefix="a3-compare-") as tmp:
            root = Path(tmp)
            source = examples / name
            if source.is_dir():
                shutil.copytree(source, root / "submission")
            else:
                (root / "submission").mkdir()
                shutil.copy2(source, root / "submission" / name)
            done = subprocess.run([py, "-m", module, "--root", root], cwd=ROOT)
            print(f"gradescope {name}: exit status {done.returncode}")
            shutil.copy(root / "results" / "results.json", out / "gradescope" / f"{name}.json")


def _normalize_json(data):
    if isinstance(data, dict):
        return {k: "<normalized>" if k in TIMING_KEYS else _normalize_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalize_json(v) for v in data]
    return data


def normalized(path: Path) -> list:
    """The lines of ``path`` after the normalizations of the module docstring."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            text = json.dumps(_normalize_json(json.loads(text)), indent=1, ensure_ascii=False)
        except ValueError:
            pass
    text = NOISE_STATS.sub("mean <n>, standard deviation <n>", text)
    return ISO_TIME.sub("<time>", text).splitlines()


def compare(a: Path, b: Path) -> int:
    """Print every difference between the captures ``a`` and ``b``; 1 if any, else 0."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = 0
    for rel in sorted(files_a ^ files_b):
        print(f"only in {a if rel in files_a else b}: {rel}")
        differ += 1
    for rel in sorted(files_a & files_b):
        left, right = normalized(a / rel), normalized(b / rel)
        if left != right:
            differ += 1
            print(f"differs: {rel}")
            diff = difflib.unified_diff(left, right, str(a / rel), str(b / rel), lineterm="", n=1)
            print("\n".join(line[:300] for line in list(diff)[:40]))
    print(f"{len(files_a & files_b)} files compared, {differ} difference(s)")
    return 1 if differ else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("capture").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.command == "capture":
        capture(args.out)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
