#!/usr/bin/env python
"""How long grading takes: the a3 engine against Otter Grader's ``otter run``, same tests.

Run with ``make bench`` (``.venv/bin/python bench/grading_speed.py``); options: ``--help``.
In one run, on the same submissions (default ``examples/submissions/reference`` and
``examples/submissions/alice``), each measured ``--repeat`` times (default 3, median and min):

1. a3, in process: ``grade_submission(path, load_config())`` for Parts 1 and 2, with the time
   of each part (from the ``progress`` callback: a part runs from its first question to the
   next part's first question, its student process's start-up included);
2. a3, the CLI: ``.venv/bin/a3 grade <sub> --out <tmp> --quiet`` (interpreter start-up,
   imports and the reports included);
3. ``otter run -a autograder.zip submission.ipynb -o <tmp>`` (Otter 7, not containerized),
   with THE SAME TESTS: this script generates, in a temporary folder, one OK-format test
   file per question id with one case per a3 case, each running a3's own test of that case
   in the kernel (``a3_otter_support.run_case``, the string ``SUPPORT_MODULE`` below,
   shipped in the zip: the a3 call on the fixture inputs, then a3's checks). The
   submission's ``cs231n/`` is
   shipped in the zip as a support file, which ``otter run`` copies next to the notebook;
   the notebook graded is a minimal one that imports from ``cs231n`` (the student's work
   is in the package). The zip is made by ``otter generate``. If the submission holds the
   course notebooks (``RNN_Captioning.ipynb``, ``LSTM_Captioning.ipynb``), ``otter run`` is
   also timed on each of them (every cell executed, training included) with that part's
   tests.

Every otter and a3 score is compared per question; a mismatch is printed and reported.
Results go to stdout and to ``bench/README.md`` (between the results markers); everything
else is written to a temporary folder, removed at the end.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported, here and in every child
os.environ.setdefault("MPLBACKEND", "Agg")

import argparse  # noqa: E402
import csv  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import pprint  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from autograder.config import load_config  # noqa: E402
from autograder.grade.judging.grader import grade_submission  # noqa: E402

BIN = REPO / ".venv" / "bin" if (REPO / ".venv" / "bin").is_dir() else Path(sys.executable).parent
README = REPO / "bench" / "README.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
DEFAULT_SUBMISSIONS = ["examples/submissions/reference", "examples/submissions/alice"]

SUPPORT_MODULE = r'''
"""Shipped as a support file inside the Otter autograder zip that ``bench/grading_speed.py``
builds (``otter run`` copies it, and the submission's ``cs231n/``, next to the notebook).

Each generated OK test case calls :func:`run_case`, which runs a3's own test of that case in
the notebook's kernel: the a3 call (``autograder.student_process.calls``) on the fixture inputs, with
np.random seeded as the a3 student process does, then a3's own checks
(``autograder.grade.judging.grader.judge_case``). So both engines run exactly the same tests; only
the way of running them differs. A failed check raises ``AssertionError`` with a3's message.
"""
import os

import numpy as np

from autograder.config import load_config
from autograder.fixture_store import read_fixture
from autograder.question_api import question_hooks
from autograder.grade.judging.grader import judge_case, submitted_source
from autograder.grade.running.student_process import CaseOutcome
from autograder.student_process.calls import CALLS
from autograder.student_process.package import StudentPackage

CONFIG = load_config()
PACKAGE = StudentPackage(os.path.dirname(os.path.abspath(__file__)))


def run_case(qid, name):
    """a3's case ``name`` of question ``qid`` on the submission's package, in this process."""
    question = CONFIG.questions[qid]
    inputs, expected = read_fixture(qid)[name]
    np.random.seed(CONFIG.seeds["fixtures"])
    outputs = CALLS[qid](PACKAGE, **inputs)
    run = CaseOutcome("ok", outputs={k: np.asarray(v) for k, v in outputs.items()})
    source = submitted_source(PACKAGE.root, question) if question_hooks(qid).check_source else None
    failed = [c.message for c in judge_case(question, name, run, inputs, expected, source) if not c.passed]
    assert not failed, "; ".join(failed)
'''


def case_doctest(question, case: str) -> str:
    """The doctest body of one case of ``question``; nothing is printed, so any exception
    (a failed check included) fails it."""
    return f'>>> import a3_otter_support as a3\n>>> a3.run_case("{question.id}", "{case}")\n'


def ok_test_source(question) -> str:
    """An OK-format test file for one question: a case per a3 case (hidden or not as in
    grading_config.yml), the question's points split evenly over them as a3 does."""
    spec = {
        "name": question.id,
        "points": question.points,
        "suites": [
            {
                "type": "doctest",
                "scored": True,
                "setup": "",
                "teardown": "",
                "cases": [
                    {
                        "name": f"{question.id}/{case}",
                        "code": case_doctest(question, case),
                        "hidden": visibility == "hidden",
                        "locked": False,
                    }
                    for case, visibility in question.cases.items()
                ],
            }
        ],
    }
    return "OK_FORMAT = True\n\ntest = " + pprint.pformat(spec, width=110, sort_dicts=False) + "\n"


def minimal_notebook(path: Path) -> None:
    """A one-cell notebook that imports the student's package, as a submission notebook."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import numpy as np\n"
            "from cs231n.rnn_layers import *\n"
            "from cs231n.classifiers.rnn import CaptioningRNN\n"
            "from cs231n.captioning_solver import CaptioningSolver"
        )
    )
    nbformat.write(nb, str(path))


def build_autograder(submission: Path, config, parts, workdir: Path) -> Path:
    """Generate the OK tests and support files for ``parts`` in ``workdir`` and make the
    autograder zip with ``otter generate``; the submission's cs231n/ is a support file."""
    workdir.mkdir(parents=True)
    tests = workdir / "tests"
    tests.mkdir()
    questions = config.questions_in(parts)
    for q in questions:
        (tests / f"{q.id}.py").write_text(ok_test_source(q))
    (workdir / "a3_otter_support.py").write_text(SUPPORT_MODULE)
    shutil.copytree(submission / "cs231n", workdir / "cs231n", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    zip_path = workdir / "autograder.zip"
    subprocess.run(
        [
            str(BIN / "otter"),
            "generate",
            "-t",
            "tests",
            "-o",
            zip_path.name,
            "--no-config",
            "--no-requirements",
            "--no-environment",
            "a3_otter_support.py",
            "cs231n",
        ],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    )
    return zip_path


# ------------------------------------------------------------------ timed runs
def bench_env() -> dict:
    """The environment of every timed child: single-threaded BLAS (set at the top), and the
    shipped captioning data for the course notebooks (the a3 student process ignores it)."""
    return dict(os.environ, CS231N_COCO_DIR=str(REPO / "assignment" / "data" / "coco_captioning"))


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its waited-for descendants so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn) -> dict:
    """fn() -> dict, plus its wall-clock ``seconds``, its ``cpu`` seconds (this process and
    every child) and the 1-minute ``load`` average when it ended."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    out = fn()
    out.update(seconds=time.perf_counter() - t0, cpu=cpu_seconds() - c0, load=os.getloadavg()[0])
    return out


def run_a3_api(submission: Path, config) -> dict:
    """grade_submission on Parts 1 and 2: total and per-part seconds, and the scores."""
    marks = {}
    first = {next(iter(config.parts[p].questions)): p for p in config.parts}
    t0 = time.perf_counter()
    result = grade_submission(
        submission, config, progress=lambda qid: qid in first and marks.setdefault(first[qid], time.perf_counter())
    )
    t1 = time.perf_counter()
    starts = [marks.get(p, t0) for p in config.parts] + [t1]
    parts = {p: starts[i + 1] - starts[i] for i, p in enumerate(config.parts)}
    return {"parts": parts, "scores": {q: r.score for q, r in result.questions.items()}}


def run_a3_cli(submission: Path, tmp: Path) -> dict:
    """``a3 grade <sub> --out <tmp> --quiet`` in a fresh process: seconds and scores."""
    out = tmp / "a3-cli-out"
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [str(BIN / "a3"), "grade", str(submission), "--out", str(out), "--quiet"],
        cwd=REPO,
        env=bench_env(),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"a3 grade failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    with open(out / "grades.csv", newline="") as f:
        row = next(csv.DictReader(f))
    shutil.rmtree(out, ignore_errors=True)
    return {"scores": {k: float(v) for k, v in row.items() if k != "id" and _is_number(v)}}


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def run_otter(zip_path: Path, notebook: Path, tmp: Path) -> dict:
    """``otter run -a <zip> <notebook> -o <dir>``: seconds and per-question scores from
    its results.json (a catastrophic failure is raised with otter's message)."""
    out = tmp / "otter-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    proc = subprocess.run(
        [str(BIN / "otter"), "run", "-a", str(zip_path), str(notebook), "-o", str(out), "--no-logo"],
        cwd=tmp,
        env=bench_env(),
        capture_output=True,
        text=True,
    )
    results = out / "results.json"
    if proc.returncode != 0 or not results.exists():
        raise RuntimeError(f"otter run failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    tests = json.loads(results.read_text())["tests"]
    failed = [t for t in tests if t["name"].startswith("Autograder")]
    if failed:
        raise RuntimeError("otter run: " + "\n".join(t.get("output", "") for t in failed))
    scores = {t["name"]: float(t["score"]) for t in tests if "score" in t}
    outputs = {t["name"]: t.get("output", "") for t in tests if "score" in t}
    shutil.rmtree(out, ignore_errors=True)
    return {"scores": scores, "outputs": outputs}


def repeat(fn, n: int) -> list:
    """``n`` timed runs of ``fn()``, in order."""
    return [timed(fn) for _ in range(n)]


def stats(runs: list, key=lambda r: r["seconds"]) -> tuple:
    """(median, min) of the runs' seconds."""
    values = [key(r) for r in runs]
    return statistics.median(values), min(values)


# ------------------------------------------------------------------ comparing scores
def compare_scores(a3: dict, otter: dict, qids) -> list:
    """Questions whose scores differ: [(id, a3, otter)]."""
    return [
        (q, a3.get(q), otter.get(q))
        for q in qids
        if a3.get(q) is None or otter.get(q) is None or abs(a3[q] - otter[q]) > 1e-6
    ]


# ------------------------------------------------------------------ the machine
def machine_info() -> dict:
    """CPU model, cores, memory, versions and date."""
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    from importlib.metadata import version

    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": mem_kb / 2**20,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "otter": version("otter-grader"),
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


# ------------------------------------------------------------------ one submission
def bench_submission(submission: Path, config, n: int, tmp: Path, log) -> dict:
    """All the timed runs of one submission, interleaved (a3 API, a3 CLI, otter run, then
    the course notebooks if any, ``n`` rounds) so that a change of load hits every kind
    alike; then the score comparisons."""
    parts = list(config.parts)
    name = submission.name
    log(f"[{name}] building the Otter autograder zips (otter generate)")
    zip_all = build_autograder(submission, config, parts, tmp / f"ag-{name}")
    notebook = tmp / f"nb-{name}" / "submission.ipynb"
    notebook.parent.mkdir()
    minimal_notebook(notebook)
    real = {
        p: (build_autograder(submission, config, [p], tmp / f"ag-{name}-{p}"), submission / config.parts[p].notebook)
        for p in parts
        if (submission / config.parts[p].notebook).exists()
    }
    kinds = {
        "api": lambda: run_a3_api(submission, config),
        "cli": lambda: run_a3_cli(submission, tmp),
        "otter": lambda: run_otter(zip_all, notebook, tmp),
    }
    kinds.update({f"real:{p}": (lambda z=z, nb=nb: run_otter(z, nb, tmp)) for p, (z, nb) in real.items()})
    res = {"name": name, "qids": [q.id for q in config.questions_in(parts)], **{k: [] for k in kinds}}
    for i in range(n):
        for kind, fn in kinds.items():
            log(f"[{name}] round {i + 1}/{n}: {kind}")
            res[kind].append(timed(fn))
    res["real"] = {p: res.pop(f"real:{p}") for p in real}
    res["mismatches"] = _mismatches(res, config)
    return res


def _mismatches(res: dict, config) -> list:
    """Every (what, question, a3 score, otter score) that differs, against the first a3 run."""
    ref = res["api"][0]["scores"]
    out = [("a3 CLI", *m) for r in res["cli"] for m in compare_scores(ref, r["scores"], res["qids"])]
    out += [("otter run", *m) for r in res["otter"] for m in compare_scores(ref, r["scores"], res["qids"])]
    for part, runs in res["real"].items():
        qids = list(config.parts[part].questions)
        out += [
            (f"otter run {config.parts[part].notebook}", *m)
            for r in runs
            for m in compare_scores(ref, r["scores"], qids)
        ]
    return sorted(set(out), key=lambda m: (m[0], res["qids"].index(m[1])))


# ------------------------------------------------------------------ the report
def fmt(pair: tuple) -> str:
    """'median / min' of a (median, min) pair, in seconds."""
    return f"{pair[0]:.1f} / {pair[1]:.1f}"


def _cpu(runs: list) -> str:
    """The median CPU seconds of the runs."""
    return f"{statistics.median(r['cpu'] for r in runs):.1f}"


def results_markdown(results: list, config, info: dict, loads: list, command: str) -> str:
    """The Markdown results: the table, per-part times, scores, mismatches, the machine."""
    parts = list(config.parts)
    lines = [
        f"Command: `{command}` ({info['date']}). Wall-clock seconds, median / min of "
        f"{len(results[0]['api'])} runs; CPU = median user + system seconds of all processes involved.",
        "",
        "| submission | a3 `grade_submission` | a3 CLI `a3 grade` | `otter run` (minimal notebook) "
        "| speed-up vs a3 API (median) | speed-up vs a3 CLI (median) | CPU a3 API / CLI / otter | score a3 / otter |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        api, cli, ot = stats(r["api"]), stats(r["cli"]), stats(r["otter"])
        totals = [sum(x["scores"].get(q, 0.0) for q in r["qids"]) for x in (r["api"][0], r["otter"][0])]
        lines.append(
            f"| {r['name']} | {fmt(api)} | {fmt(cli)} | {fmt(ot)} | {ot[0] / api[0]:.2f}x "
            f"| {ot[0] / cli[0]:.2f}x | {_cpu(r['api'])} / {_cpu(r['cli'])} / {_cpu(r['otter'])} "
            f"| {totals[0]:g} / {totals[1]:g} |"
        )
    lines += [
        "",
        "Speed-up = otter's median time / a3's median time (above 1: a3 is faster).",
        "",
        "Per part (a3 in process; a part's time includes its student process's start-up):",
        "",
        "| submission | " + " | ".join(config.parts[p].title for p in parts) + " |",
        "| --- |" + " --- |" * len(parts),
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | "
            + " | ".join(fmt(stats(r["api"], key=lambda x, p=p: x["parts"][p])) for p in parts)
            + " |"
        )
    real = [(r, p, runs) for r in results for p, runs in r["real"].items()]
    if real:
        lines += [
            "",
            "`otter run` on the course notebook itself (every cell executed, training included), "
            "with only that part's tests, against a3's time for that part:",
            "",
            "| submission | notebook | `otter run` | CPU | a3 part (API) |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r, p, runs in real:
            lines.append(
                f"| {r['name']} | {config.parts[p].notebook} | {fmt(stats(runs))} | {_cpu(runs)} "
                f"| {fmt(stats(r['api'], key=lambda x, p=p: x['parts'][p]))} |"
            )
    else:
        lines += [
            "",
            "The course notebooks were not in the submissions, so `otter run` graded only the minimal "
            "notebook (one cell importing from `cs231n`).",
        ]
    lines += ["", "a3 scores per question (otter's are equal unless listed under mismatches):", ""]
    for r in results:
        s = r["api"][0]["scores"]
        lines.append(f"- {r['name']}: " + ", ".join(f"{q} {s[q]:g}" for q in r["qids"]))
    mism = [(r["name"], *m) for r in results for m in r["mismatches"]]
    lines += ["", "Mismatches between otter's and a3's scores: " + ("none." if not mism else "")]
    lines += [f"- {name}, {q}: a3 {a}, {what} {o}" for name, what, q, a, o in mism]
    run_loads = [x["load"] for r in results for k in ("api", "cli", "otter") for x in r[k]]
    lines += [
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GiB; "
        f"Python {info['python']}, numpy {info['numpy']}, otter-grader {info['otter']}; "
        f"OPENBLAS_NUM_THREADS=1. Load average (1 min): {loads[0]:.2f} before the run, "
        f"{min(run_loads):.2f} to {max(run_loads):.2f} (median {statistics.median(run_loads):.2f}) "
        f"at the end of the timed runs, {loads[1]:.2f} after.",
    ]
    return "\n".join(lines) + "\n"


def update_readme(path: Path, text: str) -> None:
    """Replace what is between the results markers of ``path`` with ``text``."""
    old = path.read_text() if path.exists() else "# Benchmarks\n"
    if BEGIN not in old or END not in old:
        old = old.rstrip() + f"\n\n## Results\n\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n{text}{END}{tail}")


# ------------------------------------------------------------------ main
def parse_args(argv=None):
    """The command line: submissions, --repeat, --no-readme."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "submissions",
        nargs="*",
        default=DEFAULT_SUBMISSIONS,
        help="submission folders (cs231n/ and maybe the notebooks); default: reference and alice",
    )
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each kind (default 3)")
    ap.add_argument("--no-readme", action="store_true", help="print only; leave bench/README.md alone")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    """Benchmark every submission, print the Markdown results and write them to the README;
    the exit status is 1 when otter's and a3's scores differ anywhere."""
    args = parse_args(argv)
    config = load_config()
    subs = [(REPO / s).resolve() for s in args.submissions]
    for s in subs:
        if not (s / "cs231n").is_dir():
            raise SystemExit(f"{s}: not a submission folder with cs231n/")
    command = (
        "make bench"
        if not argv and args.submissions == DEFAULT_SUBMISSIONS and args.repeat == 3
        else ".venv/bin/python bench/grading_speed.py " + " ".join(sys.argv[1:] if argv is None else argv)
    )
    info = machine_info()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    before = os.getloadavg()[0]
    log(f"load average before: {before:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="a3-bench-"))
    try:
        results = [bench_submission(s, config, args.repeat, tmp, log) for s in subs]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    loads = [before, os.getloadavg()[0]]
    text = results_markdown(results, config, info, loads, command)
    print(text)
    if not args.no_readme:
        update_readme(README, text)
        log(f"written to {README.relative_to(REPO)}")
    return 1 if any(r["mismatches"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
