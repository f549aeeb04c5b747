#!/usr/bin/env python
"""How long grading one submission takes, per TensorFlow part (Parts 3-5), measured the way
an instructor grades: a fresh grader process (``a3 grade <submission> --parts <part>``), so
every run pays for importing TensorFlow in the student process and, where a check needs
the model, in the grader process.

    .venv/bin/python bench/tf_parts_speed.py [--parts netvis style gan] [--repeat 3]

For each part: the reference solution and the untouched student template; prints the
wall-clock seconds of each run and the median. Add a part by adding its id to PARTS.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARTS = ("netvis", "style", "gan")
SUBMISSIONS = {"reference": REPO / "solutions" / "cs231n", "template": REPO / "student_template" / "cs231n"}


def grade_once(package: Path, part: str, out: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="a3-bench-") as tmp:
        sub = Path(tmp) / "submission"
        shutil.copytree(package, sub / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "autograder.cli", "grade", str(sub), "--out", str(out), "--parts", part],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"a3 grade failed:\n{proc.stdout}\n{proc.stderr}")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", nargs="*", default=list(PARTS))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="a3-bench-out-") as out:
        for part in args.parts:
            for name, package in SUBMISSIONS.items():
                times = [grade_once(package, part, Path(out) / f"{part}-{name}-{i}") for i in range(args.repeat)]
                print(
                    f"{part:8s} {name:9s} "
                    + " ".join(f"{t:5.1f}" for t in times)
                    + f"  median {statistics.median(times):.1f} s"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
