#!/usr/bin/env python
"""Grading a class: ``a3 grade`` with one and two workers on N submissions, the floor (one
TensorFlow import), one full reference submission against it, and ``otter run`` on the same
notebooks with the same tests, all in one run.

    .venv/bin/python bench/batch_speed.py            # N = 20, written into bench/README.md
    .venv/bin/python bench/batch_speed.py --quick    # N = 5, no otter, printed only: minutes

The N submissions are made from the example submissions (``a3 examples``: the reference,
alice, bob, dave's wrapped zip, the untouched template), cycled and renamed s01..sNN, so the
batch mixes full marks, buggy and empty work, folders and zips. (carol is left out: her
infinite loop costs a3 its 30 s time limit and would hang ``otter run``, which has none.)

1. The floor: ``python -c "import numpy, tensorflow as tf; tf.constant(1.0) + 1"``, and one
   full reference submission, ``a3 grade <reference> --out <fresh> --workers 1``, with and
   without the zygote, in ``--repeat`` rounds of the three: the medians, and the median of
   each round's ratio to its own floor (the machine's speed drifts between minutes).
   And the machine's own two-worker ceiling (``machine_scaling``: two copies of a CPU-bound
   loop at once against one).
2. ``a3 grade <class> --out <tmp> --workers 1 --quiet`` and ``--workers 2``: wall clock and
   CPU seconds (user + system of every process under it, grading and sandboxed student
   processes included, sampled every 0.1 s) of the whole batch, in a fresh
   process each, into a fresh output folder; then the one-worker run and the reference
   again with ``A3_ZYGOTE=off`` (a sandbox and a TensorFlow import per submission, as before
   the pre-started student process), to see what the zygote saves.
3. ``otter run`` (Otter Grader, not containerized, the same .venv) on one submission of each
   kind, on each course notebook with that part's tests (the same a3 tests, made as in
   bench/grading_speed.py: the notebook's every cell executed, then the tests): one kind of
   each, so their mean is the batch's mean per submission (the batch holds every kind
   equally often). Its per-question scores are compared with a3's.
The load average (``uptime``) before and after is part of the result, and so is a
projection for a class of 700 on a 32-core Dask cluster (``projection``: what it assumes).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("MPLBACKEND", "Agg")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import grading_speed as gs  # noqa: E402  (the otter harness, machine info)

from autograder.build.examples import build_examples  # noqa: E402
from autograder.config import load_config  # noqa: E402

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


FLOOR = "import numpy, tensorflow as tf; tf.constant(1.0) + 1"
SPIN = "x = 0\nfor i in range(30_000_000): x += i"  # a CPU-bound loop: what two cores give
NO_ZYGOTE = {"A3_ZYGOTE": "off"}


def tree_cpu(proc: subprocess.Popen, every: float = 0.1) -> float:
    """Wait for ``proc``; the CPU seconds (user + system) of it and of every process under it,
    sandboxed student processes included (bubblewrap's own processes are not reaped by the
    grader, so their time never reaches RUSAGE_CHILDREN), sampled every ``every`` s: what a
    process spends after its last sample is missed."""
    import psutil

    seen = {}
    while proc.poll() is None:
        try:
            tree = [psutil.Process(proc.pid)] + psutil.Process(proc.pid).children(recursive=True)
        except psutil.Error:
            tree = []
        for p in tree:
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    seen[(p.pid, p.create_time())] = t.user + t.system
            except psutil.Error:
                pass
        time.sleep(every)
    return sum(seen.values())


def timed_run(cmd: list, env: dict | None = None) -> dict:
    """Run ``cmd`` (with ``env`` added to the bench's environment); its wall seconds and the
    CPU seconds of its whole process tree."""
    t0 = time.perf_counter()
    with open(os.devnull, "w") as null, tempfile.TemporaryFile("w+") as err:
        env = {**gs.bench_env(), **(env or {})}
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=null, stderr=err, text=True)
        cpu = tree_cpu(proc)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{cmd[:3]} failed ({proc.returncode}):\n{err.read()[-2000:]}")
    return {"seconds": seconds, "cpu": cpu, "load": os.getloadavg()[0]}


def machine_scaling(repeat: int) -> float:
    """The machine's own ceiling for two workers: the median, over ``repeat`` rounds, of
    2 x (seconds of one CPU-bound loop alone) / (seconds of two copies started together).
    2.0 on two free cores; less where the two virtual CPUs share a core or a host."""

    def seconds(copies: int) -> float:
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(copies)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - t0

    return statistics.median(2 * seconds(1) / seconds(2) for _ in range(repeat))


def median_run(cmd_for, repeat: int, env: dict | None = None) -> dict:
    """Median wall and CPU seconds of ``repeat`` runs of ``cmd_for(i)``."""
    runs = [timed_run(cmd_for(i), env) for i in range(repeat)]
    return {k: statistics.median(r[k] for r in runs) for k in ("seconds", "cpu")}


def run_a3(folder: Path, workers: int, out: Path, env: dict | None = None) -> dict:
    """One ``a3 grade`` of the whole class: wall seconds, CPU seconds, per-submission records."""
    cmd = [str(BIN / "a3"), "grade", str(folder), "--out", str(out), "--workers", str(workers), "--quiet"]
    run = timed_run(cmd, env)
    records = {p.parent.name: json.loads(p.read_text()) for p in out.glob("*/graded.json")}
    seconds = {}
    for r in records.values():
        for q in r["result"]["questions"]:
            seconds[q["id"]] = seconds.get(q["id"], 0.0) + q.get("seconds", 0.0)
    return {
        **run,
        "grades": (out / "grades.csv").read_text(),
        "questions": seconds,
        "per_sub": {sid: r["seconds"] for sid, r in records.items()},
        "scores": {
            sid: {q["id"]: sum(c["score"] for c in q["cases"]) for q in r["result"]["questions"]}
            for sid, r in records.items()
        },
    }


def reference_runs(examples: Path, repeat: int, tmp: Path) -> dict:
    """The floor, and one reference submission graded by a fresh ``a3 grade`` (with and
    without the zygote), in ``repeat`` rounds of the three, one after the other (this
    machine's speed drifts by minutes): median wall and CPU seconds of each, and
    ``ratio``, the median over the rounds of the reference's seconds over that round's floor."""
    grade = [str(BIN / "a3"), "grade", str(examples / "reference"), "--workers", "1", "--quiet"]
    rounds = [
        {
            "floor": timed_run([sys.executable, "-c", FLOOR]),
            "reference": timed_run(grade + ["--out", str(tmp / f"ref{i}")]),
            "reference_no_zygote": timed_run(grade + ["--out", str(tmp / f"refz{i}")], NO_ZYGOTE),
        }
        for i in range(repeat)
    ]
    runs = {
        key: {k: statistics.median(r[key][k] for r in rounds) for k in ("seconds", "cpu")}
        for key in ("floor", "reference", "reference_no_zygote")
    }
    for key in ("reference", "reference_no_zygote"):
        runs[key]["ratio"] = statistics.median(r[key]["seconds"] / r["floor"]["seconds"] for r in rounds)
        runs[key]["ratios"] = [r[key]["seconds"] / r["floor"]["seconds"] for r in rounds]
    return runs


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
        run = gs.timed(lambda: gs.run_otter(zip_path, nb, tmp))  # noqa: B023 (called at once)
        seconds += run["seconds"]
        scores.update(run["scores"])
    return {"seconds": seconds, "scores": scores}


def projection(n: int, serial: dict, parallel: dict, floor: dict, students: int = 700, cores: int = 32) -> str:
    """A class of ``students`` on a ``cores``-core Dask cluster, on paper, from the measured
    one-worker seconds per submission (``serial``) and the 1 -> 2 worker scaling of this run
    (``parallel``)."""
    efficiency = min(1.0, serial["seconds"] / parallel["seconds"] / 2)

    def minutes(run):
        per_sub = run["seconds"] / n
        return (students * per_sub / (cores * efficiency) + per_sub + floor["seconds"]) / 60

    per_sub = serial["seconds"] / n
    return (
        f"Projection (on paper): {students} submissions on a {cores}-core Dask cluster take about "
        f"{students} x {per_sub:.1f} s / ({cores} x {efficiency:.2f}) + {per_sub:.1f} s (the last wave) + "
        f"{floor['seconds']:.1f} s (each grading process's first TensorFlow imports) = **{minutes(serial):.1f} "
        f"min**, {students * serial['cpu'] / n / 3600:.1f} core-hours. It assumes: one single-threaded Dask "
        f"worker per core (`dask worker --nthreads 1 --nworkers {cores}`), each core as fast as one of this "
        f"machine's, the 1 -> 2 worker efficiency measured here ({efficiency:.2f}) holding up to {cores} "
        f"workers (no shared bottleneck but the file system), a class mixed like this one, the submissions on "
        f"a file system every worker reads at the same path, and memory for each worker's grading process "
        f"(address space limit 8 GiB) and its two zygotes and their children (4 GiB each; in use far less)."
    )


def markdown(n, kinds, runs, otter, config, info, loads, command, busy=False) -> str:
    """The Markdown results of one run (``runs``: floor, reference, reference_no_zygote,
    serial, parallel, serial_no_zygote)."""
    serial, parallel, off = runs["serial"], runs["parallel"], runs["serial_no_zygote"]
    floor, ref, ref_off = runs["floor"], runs["reference"], runs["reference_no_zygote"]
    parts = ", ".join(p.title.split(":")[0] for p in config.parts.values())
    lines = [
        f"Command: `{command}` ({info['date']}). {n} submissions (s01..s{n:02d}, cycling through "
        f"{', '.join(KINDS)}), {parts}. Wall-clock and CPU seconds (user + system of every process: "
        f"a3, its workers, grading and student processes).",
        "",
        "| one submission, a fresh process (median) | wall | CPU | wall / its round's floor (median; rounds) |",
        "| --- | --- | --- | --- |",
        f"| floor: `python -c \"{FLOOR}\"` | {floor['seconds']:.1f} | {floor['cpu']:.1f} | 1 |",
        f"| `a3 grade` the reference, all parts | {ref['seconds']:.1f} | {ref['cpu']:.1f} | "
        f"**{ref['ratio']:.1f}x** ({', '.join(f'{r:.1f}' for r in ref['ratios'])}) |",
        f"| the same with `A3_ZYGOTE=off` | {ref_off['seconds']:.1f} | {ref_off['cpu']:.1f} | "
        f"{ref_off['ratio']:.1f}x ({', '.join(f'{r:.1f}' for r in ref_off['ratios'])}) |",
        "",
        "| the class | whole batch (wall) | wall per submission | CPU per submission | speed-up |",
        "| --- | --- | --- | --- | --- |",
        f"| `a3 grade --workers 1` | {serial['seconds']:.1f} | {serial['seconds'] / n:.2f} | "
        f"**{serial['cpu'] / n:.2f}** | 1 |",
        f"| `a3 grade --workers 2` | {parallel['seconds']:.1f} | {parallel['seconds'] / n:.2f} | "
        f"{parallel['cpu'] / n:.2f} | **{serial['seconds'] / parallel['seconds']:.2f}x** over one worker |",
        f"| two copies of a CPU-bound Python loop against one (the machine's own ceiling) | | | | "
        f"{runs['machine']:.2f}x |",
        f"| `--workers 1` with `A3_ZYGOTE=off` | {off['seconds']:.1f} | {off['seconds'] / n:.2f} | "
        f"{off['cpu'] / n:.2f} | |",
        "",
    ]
    total = sum(serial["questions"].values())
    top = sorted(serial["questions"], key=lambda q: -serial["questions"][q])[:5]
    lines += [
        "Where the one-worker run's question time went (seconds per submission, its share of all "
        "questions' "
        + f"{total / n:.1f} s): "
        + ", ".join(
            f"{q} {serial['questions'][q] / n:.2f} s ({100 * serial['questions'][q] / total:.0f}%)" for q in top
        )
        + ".",
        "",
    ]
    if otter:
        kind_a3 = {k: statistics.mean(serial["per_sub"][s] for s, kk in kinds.items() if kk == k) for k in otter}
        lines += [
            "`otter run` on one submission of each kind (every course notebook executed, then that part's "
            "tests), against a3's one-worker seconds for the same kind:",
            "",
            "| kind | a3 | `otter run` | ratio |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {k} | {kind_a3[k]:.1f} | {otter[k]['seconds']:.1f} | {otter[k]['seconds'] / kind_a3[k]:.2f}x |"
            for k in otter
        ]
        mism = []
        for kind, o in otter.items():
            sid = next(s for s, k in kinds.items() if k == kind)
            mism += [(kind, *m) for m in gs.compare_scores(serial["scores"][sid], o["scores"], list(config.questions))]
        lines += ["", "Per-question scores of `otter run` against a3's: " + ("equal." if not mism else "")]
        lines += [f"- {kind}, {q}: a3 {a}, otter {o}" for kind, q, a, o in mism]
        lines.append("")
    same = serial["grades"] == parallel["grades"] == off["grades"]
    lines += [
        f"The gradebooks of the three class runs are {'identical' if same else 'DIFFERENT'}.",
        "",
        projection(n, serial, parallel, floor),
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GiB; "
        f"Python {info['python']}, numpy {info['numpy']}, otter-grader {info['otter']}; OPENBLAS_NUM_THREADS=1. "
        f"`uptime` before: {loads[0]}; after: {loads[1]}."
        + (
            " The load average was above 0.5 when the run began (work just before it, or other work "
            "beside it): if it was beside it, every figure is slower than on a quiet machine, the "
            "two-worker one most."
            if busy
            else ""
        ),
    ]
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
    ap.add_argument("--n", type=int, default=20, help="submissions in the batch (default 20; 5 with --quick)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the floor and the reference (median; default 3)")
    ap.add_argument("--quick", action="store_true", help="N = 5, one run each, no otter, print only")
    ap.add_argument("--no-otter", action="store_true", help="skip otter run")
    ap.add_argument("--no-readme", action="store_true", help="print only")
    ap.add_argument(
        "--otter-kinds",
        default=",".join(KINDS),
        help=f"kinds of submission otter runs on (default all: {','.join(KINDS)}); "
        f"each costs every notebook's full execution",
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.repeat, args.no_otter, args.no_readme = min(args.n, 5), 1, True, True
    command = ".venv/bin/python bench/batch_speed.py" + (
        "" if argv is None and len(sys.argv) == 1 else " " + " ".join(sys.argv[1:] if argv is None else argv)
    )
    otter_kinds = [k for k in args.otter_kinds.split(",") if k]
    if set(otter_kinds) - set(KINDS):
        raise SystemExit(f"unknown kinds {sorted(set(otter_kinds) - set(KINDS))}; choose from {KINDS}")
    config = load_config()
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    info = gs.machine_info()
    before, load_before = uptime(), os.getloadavg()[0]
    log(f"before: {before}")
    tmp = Path(tempfile.mkdtemp(prefix="a3-batch-bench-"))
    try:
        folder, kinds, examples = make_class(args.n, tmp)
        log("the floor and the reference")
        runs = reference_runs(examples, args.repeat, tmp)
        runs["machine"] = machine_scaling(args.repeat)
        for key, workers, env in (("serial", 1, None), ("parallel", 2, None), ("serial_no_zygote", 1, NO_ZYGOTE)):
            log(f"a3 grade, {workers} worker(s), {args.n} submissions" + (", A3_ZYGOTE=off" if env else ""))
            runs[key] = run_a3(folder, workers, tmp / f"out-{key}", env)
            log(f"  {runs[key]['seconds']:.1f} s wall, {runs[key]['cpu']:.1f} s CPU")
        otter = {} if args.no_otter else {k: run_otter_kind(examples / k, config, tmp, log) for k in otter_kinds}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    after = uptime()
    text = markdown(args.n, kinds, runs, otter, config, info, (before, after), command, busy=load_before > 0.5)
    print(text)
    if not args.no_readme:
        update_readme(text)
        log(f"written to {README.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
