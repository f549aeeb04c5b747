#!/usr/bin/env python
"""Grading a class: ``a3 grade`` serially (one worker) and in parallel (two workers) on N
bundled submissions, and ``otter run`` on the same notebooks, all in one run.

    .venv/bin/python bench/batch_speed.py            # N = 20, written into bench/README.md
    .venv/bin/python bench/batch_speed.py --n 5 --no-readme

The N submissions are made from the example submissions (``a3 examples``: the reference,
alice, bob, dave's wrapped zip, the untouched template), cycled and renamed s01..sNN, so the
batch mixes full marks, buggy and empty work, folders and zips. (carol is left out: her
infinite loop costs a3 its 30 s time limit and would hang ``otter run``, which has none.)

1. ``a3 grade <class> --out <tmp> --workers 1 --quiet`` and ``--workers 2``: wall clock of
   the whole batch (every submission, Parts 1 and 2) in a fresh process each, into a fresh
   output folder; per-submission seconds from the records (graded.json).
2. ``otter run`` (Otter Grader, not containerized, the same .venv) on one submission of each
   kind, on each course notebook with that part's tests (the same a3 tests, made as in
   bench/grading_speed.py: the notebook's every cell executed, then the tests): one kind of
   each, so their mean is the batch's mean per submission (the batch holds every kind
   equally often). Its per-question scores are compared with a3's.
The load average (``uptime``) before and after is part of the result.
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("MPLBACKEND", "Agg")

import argparse                      # noqa: E402
import json                          # noqa: E402
import shutil                        # noqa: E402
import statistics                    # noqa: E402
import subprocess                    # noqa: E402
import sys                           # noqa: E402
import tempfile                      # noqa: E402
import time                          # noqa: E402
import zipfile                       # noqa: E402
from pathlib import Path             # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import grading_speed as gs           # noqa: E402  (the otter harness, machine info)

from autograder.build.examples import build_examples   # noqa: E402
from autograder.config import load_config              # noqa: E402

REPO, BIN = gs.REPO, gs.BIN
README = REPO / "bench" / "README.md"
BEGIN, END = "<!-- batch:begin -->", "<!-- batch:end -->"
KINDS = ["reference", "alice", "bob", "dave.zip", "template"]


def make_class(n: int, tmp: Path) -> tuple:
    """N submissions s01..sNN cycling through KINDS; returns (class folder, {sid: kind})."""
    examples = tmp / "examples"
    build_examples(examples, log=lambda m: None)
    folder = tmp / "class"
    folder.mkdir()
    kinds = {}
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        sid = f"s{i + 1:02d}"
        src = examples / kind
        if src.suffix == ".zip":
            shutil.copy2(src, folder / f"{sid}.zip")
        else:
            shutil.copytree(src, folder / sid)
        kinds[sid] = kind
    return folder, kinds, examples


def run_a3(folder: Path, workers: int, out: Path) -> dict:
    """One ``a3 grade`` of the whole class: wall seconds, CPU seconds, per-submission records."""
    cmd = [str(BIN / "a3"), "grade", str(folder), "--out", str(out), "--workers", str(workers), "--quiet"]
    c0, t0 = gs.cpu_seconds(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=gs.bench_env(), capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - t0, gs.cpu_seconds() - c0
    if proc.returncode != 0:
        raise RuntimeError(f"a3 grade failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    records = {p.parent.name: json.loads(p.read_text()) for p in out.glob("*/graded.json")}
    return {"seconds": seconds, "cpu": cpu, "load": os.getloadavg()[0], "grades": (out / "grades.csv").read_text(),
            "per_sub": {sid: r["seconds"] for sid, r in records.items()},
            "scores": {sid: {q["id"]: sum(c["score"] for c in q["cases"]) for q in r["result"]["questions"]}
                       for sid, r in records.items()}}


def otter_folder(src: Path, tmp: Path) -> Path:
    """A folder submission for otter (a zip is unpacked, a wrapped zip unwrapped)."""
    if src.is_dir():
        return src
    dest = tmp / f"unzipped-{src.stem}"
    with zipfile.ZipFile(src) as zf:
        zf.extractall(dest)
    inner = [p for p in dest.iterdir() if p.is_dir()]
    return inner[0] if not (dest / "cs231n").exists() and len(inner) == 1 else dest


def run_otter_kind(src: Path, config, tmp: Path, log) -> dict:
    """``otter run`` of each course notebook of one submission with that part's tests."""
    sub = otter_folder(src, tmp)
    seconds, scores = 0.0, {}
    for pid, part in config.parts.items():
        nb = sub / part.notebook
        zip_path = gs.build_autograder(sub, config, [pid], tmp / f"ag-{src.stem}-{pid}")
        log(f"  otter run {src.name} {part.notebook}")
        run = gs.timed(lambda: gs.run_otter(zip_path, nb, tmp))   # noqa: B023 (called at once)
        seconds += run["seconds"]
        scores.update(run["scores"])
    return {"seconds": seconds, "scores": scores}


def markdown(n, kinds, serial, parallel, otter, config, info, loads, command, busy=False) -> str:
    per_serial = serial["seconds"] / n
    per_parallel = parallel["seconds"] / n
    kind_a3 = {k: statistics.mean(serial["per_sub"][s] for s, kk in kinds.items() if kk == k) for k in KINDS}
    otter_mean = statistics.mean(o["seconds"] for o in otter.values())
    a3_mean = statistics.mean(kind_a3[k] for k in otter)         # the same kinds as otter's
    per_serial_otter_kinds = a3_mean
    parts = ", ".join(p.title.split(":")[0] for p in config.parts.values())
    mism = []
    for kind, o in otter.items():
        sid = next(s for s, k in kinds.items() if k == kind)
        mism += [(kind, *m) for m in gs.compare_scores(serial["scores"][sid], o["scores"], list(config.questions))]
    lines = [f"Command: `{command}` ({info['date']}). {n} submissions (s01..s{n:02d}, cycling through "
             f"{', '.join(KINDS)}), {parts} ({config.total_points:g} points), wall-clock seconds, one run of each.", "",
             "| what | whole batch | per submission | speed-up |", "| --- | --- | --- | --- |",
             f"| `a3 grade --workers 1` | {serial['seconds']:.1f} | {per_serial:.2f} | 1 |",
             f"| `a3 grade --workers 2` | {parallel['seconds']:.1f} | {per_parallel:.2f} | "
             f"{serial['seconds'] / parallel['seconds']:.2f}x over one worker |",
             f"| `otter run`, every course notebook (mean of one submission of each kind in: "
             f"{', '.join(otter)}) | ({otter_mean * n:.1f} for {n}) | "
             f"{otter_mean:.2f} | a3 (same kinds, one worker, {per_serial_otter_kinds:.2f} s) is "
             f"{otter_mean / per_serial_otter_kinds:.2f}x faster |", "",
             "Per kind of submission (seconds; a3 from the one-worker run's records, the mean over its copies; "
             "`otter run` = every part's notebook executed, then that part's tests):", "",
             "| kind | a3 | `otter run` | ratio |", "| --- | --- | --- | --- |"]
    for k in otter:
        lines.append(f"| {k} | {kind_a3[k]:.1f} | {otter[k]['seconds']:.1f} | {otter[k]['seconds'] / kind_a3[k]:.2f}x |")
    lines.append(f"| mean | {a3_mean:.1f} | {otter_mean:.1f} | {otter_mean / a3_mean:.2f}x |")
    same = serial["grades"] == parallel["grades"]
    lines += ["", f"The one-worker and two-worker gradebooks are {'identical' if same else 'DIFFERENT'}. "
              "Per-question scores of `otter run` against a3's: " + ("equal." if not mism else "")]
    lines += [f"- {kind}, {q}: a3 {a}, otter {o}" for kind, q, a, o in mism]
    lines += ["", f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GiB; "
              f"Python {info['python']}, numpy {info['numpy']}, otter-grader {info['otter']}; OPENBLAS_NUM_THREADS=1. "
              f"`uptime` before: {loads[0]}; after: {loads[1]}."
              + (" The machine was shared with other work during the run (see the load averages): the "
                 "two-worker figure is the one this hurts most." if busy else "")]
    return "\n".join(lines) + "\n"


def update_readme(text: str) -> None:
    old = README.read_text()
    if BEGIN not in old:
        old = old.rstrip() + f"\n\n## Results: grading a class\n\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    README.write_text(f"{head}{BEGIN}\n{text}{END}{rest.split(END, 1)[1]}")


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20, help="submissions in the batch (default 20)")
    ap.add_argument("--no-otter", action="store_true", help="skip otter run")
    ap.add_argument("--no-readme", action="store_true", help="print only")
    ap.add_argument("--otter-kinds", default=",".join(KINDS),
                    help=f"kinds of submission otter runs on (default all: {','.join(KINDS)}); "
                         f"each costs every notebook's full execution")
    args = ap.parse_args(argv)
    command = ".venv/bin/python bench/batch_speed.py" + ("" if argv is None and len(sys.argv) == 1 else
                                                          " " + " ".join(sys.argv[1:] if argv is None else argv))
    config = load_config()
    log = lambda m: print(m, file=sys.stderr, flush=True)     # noqa: E731
    info = gs.machine_info()
    before, load_before = uptime(), os.getloadavg()[0]
    log(f"before: {before}")
    tmp = Path(tempfile.mkdtemp(prefix="a3-batch-bench-"))
    try:
        folder, kinds, examples = make_class(args.n, tmp)
        log(f"a3 grade, 1 worker, {args.n} submissions")
        serial = run_a3(folder, 1, tmp / "out1")
        log(f"  {serial['seconds']:.1f} s; a3 grade, 2 workers")
        parallel = run_a3(folder, 2, tmp / "out2")
        log(f"  {parallel['seconds']:.1f} s")
        otter_kinds = [k for k in args.otter_kinds.split(",") if k]
        unknown = set(otter_kinds) - set(KINDS)
        if unknown:
            raise SystemExit(f"unknown kinds {sorted(unknown)}; choose from {KINDS}")
        otter = {} if args.no_otter else {k: run_otter_kind(examples / k, config, tmp, log) for k in otter_kinds}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    after = uptime()
    if args.no_otter:
        print(json.dumps({"serial": serial["seconds"], "parallel": parallel["seconds"]}))
        return 0
    busy = load_before > 0.5      # 1-minute load average before the run: was the machine in use?
    text = markdown(args.n, kinds, serial, parallel, otter, config, info, (before, after), command, busy)
    print(text)
    if not args.no_readme:
        update_readme(text)
        log(f"written to {README.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
