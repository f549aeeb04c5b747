#!/usr/bin/env python
"""How long grading Part 5 (GANs) takes: ``a3 grade --parts gan`` on the reference and on
the untouched student template, each ``--repeat`` times (default 3; median and min), plus the
time of each question of the reference (from ``grade_submission``'s progress callback).

    .venv/bin/python bench/gan_speed.py [--repeat N]

Prints a table; writes nothing in the repository. The target is under 30 s per submission
on a 2-core machine (the student process's start-up, with the TensorFlow import, included).
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse                      # noqa: E402
import shutil                        # noqa: E402
import statistics                    # noqa: E402
import subprocess                    # noqa: E402
import sys                           # noqa: E402
import tempfile                      # noqa: E402
import time                          # noqa: E402
from pathlib import Path             # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from autograder.config import load_config          # noqa: E402
from autograder.grade.grader import grade_submission  # noqa: E402


def cli_seconds(submission: Path, out: Path) -> float:
    start = time.monotonic()
    subprocess.run([str(REPO / ".venv" / "bin" / "a3"), "grade", str(submission), "--out", str(out),
                    "--parts", "gan", "--quiet"], check=True, capture_output=True)
    return time.monotonic() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    config = load_config()
    with tempfile.TemporaryDirectory(prefix="a3-gan-bench-") as tmp:
        tmp = Path(tmp)
        subs = {"reference": tmp / "reference", "template": tmp / "template"}
        shutil.copytree(REPO / "solutions" / "cs231n", subs["reference"] / "cs231n")
        shutil.copytree(REPO / "student_template" / "cs231n", subs["template"] / "cs231n")
        rows = []
        for name, sub in subs.items():
            times = [cli_seconds(sub, tmp / f"out-{name}-{i}") for i in range(args.repeat)]
            rows.append((name, statistics.median(times), min(times)))
        marks, last = {}, [time.monotonic()]

        def progress(qid):
            marks[qid] = time.monotonic()
        start = time.monotonic()
        result = grade_submission(subs["reference"], config, parts=["gan"], progress=progress)
        end = time.monotonic()
    print(f"a3 grade --parts gan (CLI, {args.repeat} runs): median / min seconds")
    for name, med, low in rows:
        print(f"  {name:10s} {med:6.1f} / {low:6.1f}")
    print(f"in process, reference: {end - start:.1f} s, score {result.part_score('gan'):g} / 15; per question:")
    qids = list(marks)
    for qid, nxt in zip(qids, qids[1:] + [None]):
        stop = marks[nxt] if nxt else end
        print(f"  {qid:18s} {stop - marks[qid]:5.1f} s" + ("  (student process start-up and TensorFlow import)"
                                                            if qid == qids[0] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
