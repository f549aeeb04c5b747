#!/usr/bin/env python
"""What the sandbox costs: the student process with bubblewrap and its own uid against the
same process with the limits only, on the same submission (the reference), same questions.

    .venv/bin/python bench/sandbox_overhead.py [--rounds 5]

Per mode and round: the start-up of a student process (spawn until its "ready"; the
sandbox adds bwrap's mounts and setpriv), then every question of Part 1 except the overfit
training (whose seconds of numpy would hide the difference), each timed from request to
reply (the tamper check included). Modes are interleaved round by round. Prints medians and
rewrites the Results section of bench/README.md between the sandbox markers.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from autograder.config import REPO_ROOT, load_config  # noqa: E402
from autograder.fixture_store import read_fixture  # noqa: E402
from autograder.grade.running.sandbox import Isolation, bubblewrap_problem  # noqa: E402
from autograder.grade.running.student_process import StudentProcess  # noqa: E402

README = Path(__file__).with_name("README.md")
BEGIN, END = "<!-- sandbox:begin -->", "<!-- sandbox:end -->"


def one_round(isolation: Isolation, questions, config) -> dict:
    """Seconds: {"startup": s, qid: s, ...} for one student process."""
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        student = StudentProcess(
            REPO_ROOT / "solutions",
            Path(tmp) / "w",
            seed=config.seeds["fixtures"],
            limits=config.parts["rnn"].limits,
            isolation=isolation,
        )
        failed = student.start()
        if failed:
            raise RuntimeError(failed)
        times["startup"] = time.perf_counter() - t0
        with student:
            for q in questions:
                fixture = read_fixture(q.id)
                t = time.perf_counter()
                runs = student.run(q.id, {c: fixture[c][0] for c in q.cases}, q.time_limit)
                times[q.id] = time.perf_counter() - t
                assert all(r.status == "ok" for r in runs.values()), (q.id, runs)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-readme", action="store_true")
    args = ap.parse_args()
    problem = bubblewrap_problem()
    if problem:
        raise SystemExit(f"cannot measure the sandbox: {problem}")
    config = load_config()
    questions = [q for q in config.questions_in(["rnn"]) if not q.id.endswith("_overfit")]
    samples = {Isolation.BUBBLEWRAP: [], Isolation.LIMITS_ONLY: []}
    load_before = os.getloadavg()
    for _ in range(args.rounds):
        for mode in (Isolation.LIMITS_ONLY, Isolation.BUBBLEWRAP):
            samples[mode].append(one_round(mode, questions, config))
    load_after = os.getloadavg()

    def med(mode, key):
        return statistics.median(s[key] for s in samples[mode])

    rows = ["startup"] + [q.id for q in questions]
    lines = [
        f"Command: `.venv/bin/python bench/sandbox_overhead.py --rounds {args.rounds}` "
        f"({datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC), {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, load average {load_before[0]:.2f} before, {load_after[0]:.2f} after. "
        f"Median milliseconds over {args.rounds} rounds, reference submission.",
        "",
        "| step | limits only | sandbox (bwrap + uid + limits) | overhead |",
        "| --- | --- | --- | --- |",
    ]
    total_plain = total_box = 0.0
    for key in rows:
        plain, box = med(Isolation.LIMITS_ONLY, key) * 1000, med(Isolation.BUBBLEWRAP, key) * 1000
        if key != "startup":
            total_plain += plain
            total_box += box
        lines.append(f"| {key} | {plain:.1f} | {box:.1f} | {box - plain:+.1f} |")
    n = len(rows) - 1
    lines.append(
        f"| per question (mean of {n}) | {total_plain / n:.1f} | {total_box / n:.1f} | "
        f"{(total_box - total_plain) / n:+.1f} |"
    )
    text = "\n".join(lines)
    print(text)
    if not args.no_readme:
        readme = README.read_text()
        if BEGIN in readme:
            head, rest = readme.split(BEGIN, 1)
            readme = head + BEGIN + "\n" + text + "\n" + END + rest.split(END, 1)[1]
        else:
            readme += (
                "\n## Sandbox overhead\n\n`bench/sandbox_overhead.py`: "
                + __doc__.split("\n\n")[2].strip()
                + "\n\n"
                + BEGIN
                + "\n"
                + text
                + "\n"
                + END
                + "\n"
            )
        README.write_text(readme)


if __name__ == "__main__":
    main()
