#!/usr/bin/env python
"""How long grading Part 4 (style transfer) of one submission takes.

    .venv/bin/python bench/style_speed.py [--repeat 3]

Grades the reference (solutions/) and the untouched student template with
``grade_submission(path, config, parts=["style"])``, ``--repeat`` times each, and prints
the wall-clock time of each run (median and min) and, for the last run of each, the time
spent per question in the student process (its start-up and the TensorFlow import fall on
the first question) and in the grader's checks (the numpy VGG16 of style_transfer).
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import argparse                      # noqa: E402
import statistics                    # noqa: E402
import sys                           # noqa: E402
import time                          # noqa: E402
from pathlib import Path             # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import autograder.grade.grader as grader                     # noqa: E402
from autograder.config import load_config                    # noqa: E402

PART = "style"


def timed_grade(path, config):
    """Grade Part 4 of ``path``; returns (seconds, score, {question: (student s, grader s)})."""
    per_q = {}
    run, judge = grader.StudentProcess.run, grader.grade_question

    def timed_run(self, qid, inputs, limit):
        t = time.monotonic()
        out = run(self, qid, inputs, limit)
        per_q[qid] = [time.monotonic() - t, 0.0]
        return out

    def timed_judge(question, *args):
        t = time.monotonic()
        out = judge(question, *args)
        per_q[question.id][1] = time.monotonic() - t
        return out

    grader.StudentProcess.run, grader.grade_question = timed_run, timed_judge
    try:
        start = time.monotonic()
        result = grader.grade_submission(path, config, parts=[PART])
        seconds = time.monotonic() - start
    finally:
        grader.StudentProcess.run, grader.grade_question = run, judge
    return seconds, result.part_score(PART), per_q


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    config = load_config()
    subs = {"reference": REPO / "solutions", "template": REPO / "student_template"}
    print(f"Part 4 ({config.parts[PART].points:g} points), {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at the start")
    for name, path in subs.items():
        times = []
        for _ in range(args.repeat):
            seconds, score, per_q = timed_grade(path, config)
            times.append(seconds)
        print(f"{name}: {score:g} / {config.parts[PART].points:g}; median {statistics.median(times):.1f} s, "
              f"min {min(times):.1f} s over {len(times)} runs")
        for qid, (student, check) in per_q.items():
            print(f"    {qid:16s} student process {student:5.1f} s   grader checks {check:5.1f} s")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
