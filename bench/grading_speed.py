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
   file per question id whose cases load the a3 fixture inputs and expected values (shipped
   in the zip as ``a3_fixtures.npz``), call the student's ``cs231n`` functions and check the
   results with the a3 thresholds (helpers in ``a3_otter_support.py``, the string
   ``SUPPORT_MODULE`` below, also shipped in the zip). The submission's ``cs231n/`` is
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
    os.environ[_var] = "1"          # before numpy is imported, here and in every child
os.environ.setdefault("MPLBACKEND", "Agg")

import argparse                      # noqa: E402
import csv                           # noqa: E402
import datetime                      # noqa: E402
import json                          # noqa: E402
import platform                      # noqa: E402
import pprint                        # noqa: E402
import resource                      # noqa: E402
import shutil                        # noqa: E402
import statistics                    # noqa: E402
import subprocess                    # noqa: E402
import sys                           # noqa: E402
import tempfile                      # noqa: E402
import time                          # noqa: E402
from pathlib import Path             # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np                   # noqa: E402

from autograder.config import load_config                    # noqa: E402
from autograder.fixture_store import read_fixture            # noqa: E402
from autograder.grade.grader import grade_submission         # noqa: E402
from autograder.grade.reference import SOLUTIONS             # noqa: E402

BIN = REPO / ".venv" / "bin" if (REPO / ".venv" / "bin").is_dir() else Path(sys.executable).parent
README = REPO / "bench" / "README.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
DEFAULT_SUBMISSIONS = ["examples/submissions/reference", "examples/submissions/alice"]
SEED = 231          # the a3 student process seeds np.random with this before each case

SUPPORT_MODULE = r'''
"""Shipped as a support file inside the Otter autograder zip that ``bench/grading_speed.py``
builds (it is copied next to the submission's notebook by ``otter run``; it is never
imported by the a3 engine).

The generated OK tests call the student's ``cs231n`` functions themselves and then these
helpers, which check the returned values the way the a3 grader does
(``autograder/grade/compare.py`` and ``autograder/hidden_tests/_captioning.py``): the same
fixture inputs, the same expected values, the same thresholds, the same seed before each
case. A failed check raises ``AssertionError`` with the a3-style message, which fails the
doctest case.
"""
import importlib
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "a3_fixtures.npz")
META = os.path.join(HERE, "a3_meta.json")    # {"solutions": path of the reference package, "seed": int}
_store = {}


def _meta():
    if "meta" not in _store:
        with open(META) as f:
            _store["meta"] = json.load(f)
    return _store["meta"]


def case(qid, name):
    """(inputs, expected) of one case of a question, read from the shipped npz; seeds
    np.random as the a3 student process does before each case."""
    if "npz" not in _store:
        with np.load(FIXTURES) as f:
            _store["npz"] = {k: f[k] for k in f.files}
    data = _store["npz"]
    pin, pexp = f"{qid}/{name}/in/", f"{qid}/{name}/exp/"
    inputs = {k[len(pin):]: v for k, v in data.items() if k.startswith(pin)}
    expected = {k[len(pexp):]: v for k, v in data.items() if k.startswith(pexp)}
    np.random.seed(_meta()["seed"])
    return inputs, expected


def rel_error(x, y):
    """The course's relative error: max(|x - y| / max(1e-8, |x| + |y|))."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))) if x.size else 0.0


def check_array(name, got, expected, threshold):
    """Shape, finiteness, then relative error <= threshold (integers: exact equality)."""
    assert got is not None, f"{name}: missing (None)"
    got, expected = np.asarray(got), np.asarray(expected)
    assert got.shape == expected.shape, f"{name}: shape {got.shape} but expected {expected.shape}"
    if got.dtype.kind == "f":
        assert np.all(np.isfinite(got)), f"{name}: contains NaN or inf"
    if expected.dtype.kind in "biu":
        assert got.dtype.kind in "biu", f"{name}: dtype {got.dtype} but expected integers"
        assert np.array_equal(got, expected), f"{name}: entries differ from the reference"
        return
    err = rel_error(got, expected)
    assert err <= threshold, f"{name}: relative error {err:.1e} > {threshold:.0e}"


def check(got, expected, threshold):
    """Every expected output, in the reference's order, against what the student returned."""
    for name, value in expected.items():
        check_array(name, got.get(name), value, threshold)


def model(inputs, with_params=True, dtype=np.float64):
    """The student's CaptioningRNN built and parameterised as the a3 worker does."""
    from cs231n.classifiers.rnn import CaptioningRNN

    word_to_idx = {str(w): int(i) for w, i in zip(inputs["words"], inputs["word_ids"])}
    m = CaptioningRNN(word_to_idx, input_dim=int(inputs["input_dim"]), wordvec_dim=int(inputs["wordvec_dim"]),
                      hidden_dim=int(inputs["hidden_dim"]), cell_type=str(inputs["cell_type"]), dtype=dtype)
    if with_params:
        for k, v in inputs.items():
            if k.startswith("param_"):
                m.params[k[len("param_"):]] = v.astype(dtype)
    return m


def loss_outputs(loss, grads):
    """{loss, grad_<name>} as the a3 worker returns them."""
    assert isinstance(grads, dict), f"grads of type {type(grads).__name__}; expected a dict"
    out = {"loss": loss}
    out.update({"grad_" + k: v for k, v in grads.items()})
    return out


def train_overfit(inputs):
    """Train the student's model with the student's CaptioningSolver, exactly as
    ``autograder/worker/calls.py::captioning_overfit``; returns (trained, initial) params."""
    from cs231n.captioning_solver import CaptioningSolver

    np.random.seed(231)
    m = model(inputs, with_params=False, dtype=np.float32)   # float32, as the a3 worker trains
    captions, features = inputs["captions"], inputs["features"].astype(np.float32)
    n = len(captions)
    initial = {k: np.array(v, copy=True) for k, v in m.params.items()}
    data = {"train_captions": captions, "train_image_idxs": np.arange(n), "train_features": features,
            "train_urls": np.array([f"scene:{i}" for i in range(n)]),
            "idx_to_word": [str(w) for w in inputs["words"]],
            "word_to_idx": {str(w): int(i) for w, i in zip(inputs["words"], inputs["word_ids"])}}
    solver = CaptioningSolver(m, data, update_rule="adam", num_epochs=int(inputs["num_epochs"]),
                              batch_size=int(inputs["batch_size"]),
                              optim_config={"learning_rate": float(inputs["learning_rate"])},
                              lr_decay=float(inputs["lr_decay"]), verbose=False)
    solver.train()
    return dict(m.params), initial


def _reference_rnn_module():
    """The reference ``cs231n.classifiers.rnn`` (as the a3 grader recomputes the loss with
    it), imported under the name cs231n with the student's modules set aside meanwhile."""
    if "ref" in _store:
        return _store["ref"]
    student = {k: sys.modules.pop(k) for k in list(sys.modules) if k == "cs231n" or k.startswith("cs231n.")}
    sys.path.insert(0, _meta()["solutions"])
    try:
        _store["ref"] = importlib.import_module("cs231n.classifiers.rnn")
    finally:
        sys.path.remove(_meta()["solutions"])
        for k in [k for k in sys.modules if k == "cs231n" or k.startswith("cs231n.")]:
            del sys.modules[k]
        sys.modules.update(student)
    return _store["ref"]


def check_overfit(trained, inputs, max_loss):
    """Every parameter moved during training, and the loss of the trained parameters,
    recomputed with the reference model on the same captions, is below ``max_loss``
    (autograder/hidden_tests/_captioning.py)."""
    params, initial = trained
    rnn = _reference_rnn_module()
    word_to_idx = {str(w): int(i) for w, i in zip(inputs["words"], inputs["word_ids"])}
    ref = rnn.CaptioningRNN(word_to_idx, input_dim=int(inputs["input_dim"]), wordvec_dim=int(inputs["wordvec_dim"]),
                            hidden_dim=int(inputs["hidden_dim"]), cell_type=str(inputs["cell_type"]),
                            dtype=np.float64)
    for name, value in ref.params.items():
        check_array("param_" + name, params.get(name), value, np.inf)
    for name in ref.params:
        change = np.linalg.norm(params[name] - initial[name]) / max(np.linalg.norm(initial[name]), 1e-12)
        assert change >= 1e-3, f"param_{name} did not change during training"
    for name in ref.params:
        ref.params[name] = np.asarray(params[name]).astype(np.float64)
    loss, _ = ref.loss(inputs["features"], inputs["captions"])
    assert np.isfinite(loss) and loss < max_loss, f"final loss {loss:.3g}, must be below {max_loss:g}"


def _first_end(row, end=2):
    hits = np.flatnonzero(row == end)
    return int(hits[0]) if len(hits) else len(row) - 1


def check_greedy(captions, expected):
    """Greedy captions equal the reference's up to and including each first <END>."""
    ref = expected["captions"]
    assert captions is not None, "sample returned None"
    caps = np.asarray(captions)
    assert caps.shape == ref.shape, f"captions: shape {caps.shape} but expected {ref.shape}"
    assert caps.dtype.kind in "iu", f"captions: dtype {caps.dtype}, expected integer word indices"
    for i, row in enumerate(ref):
        stop = _first_end(row) + 1
        assert np.array_equal(caps[i, :stop], row[:stop]), f"captions: row {i} differs from the reference"


def check_stops_at_end(captions, expected):
    """check_greedy, then every entry after a caption's first <END> is <NULL> (0)."""
    check_greedy(captions, expected)
    caps = np.asarray(captions)
    for i, row in enumerate(expected["captions"]):
        hits = np.flatnonzero(row == 2)
        if len(hits):
            assert not np.any(caps[i, hits[0] + 1:] != 0), f"after <END>: row {i} is not padded with <NULL>"
'''

# ------------------------------------------------------------------ the OK tests, per question
# The body of one case: `inp` and `exp` are that case's inputs and expected values, `thr`
# the question's threshold; the student's functions are called here, in the test itself.
def _args(*names):
    """'inp["a"], inp["b"]': the named inputs of the case, as call arguments."""
    return ", ".join(f'inp["{n}"]' for n in names)


_RNN_STEP = _args("x", "prev_h", "Wx", "Wh", "b")
_LSTM_STEP = _args("x", "prev_h", "prev_c", "Wx", "Wh", "b")
_SEQ = _args("x", "h0", "Wx", "Wh", "b")
_MODEL_LOSS = ['model = a3.model(inp)',
               'loss, grads = model.loss(inp["features"], inp["captions"])',
               'a3.check(a3.loss_outputs(loss, grads), exp, thr)']
_SAMPLE = ['model = a3.model(inp)',
           'captions = model.sample(inp["features"], max_length=int(inp["max_length"]))']
CASE_CODE = {
    "rnn_step_forward": [f"next_h, _ = rnn_step_forward({_RNN_STEP})",
                         "a3.check(dict(next_h=next_h), exp, thr)"],
    "rnn_step_backward": [f"next_h, cache = rnn_step_forward({_RNN_STEP})",
                          'dx, dprev_h, dWx, dWh, db = rnn_step_backward(inp["dnext_h"], cache)',
                          "a3.check(dict(dx=dx, dprev_h=dprev_h, dWx=dWx, dWh=dWh, db=db), exp, thr)"],
    "rnn_forward": [f"h, _ = rnn_forward({_SEQ})", "a3.check(dict(h=h), exp, thr)"],
    "rnn_backward": [f"h, cache = rnn_forward({_SEQ})",
                     'dx, dh0, dWx, dWh, db = rnn_backward(inp["dh"], cache)',
                     "a3.check(dict(dx=dx, dh0=dh0, dWx=dWx, dWh=dWh, db=db), exp, thr)"],
    "word_embedding_forward": [f'out, _ = word_embedding_forward({_args("x", "W")})',
                               "a3.check(dict(out=out), exp, thr)"],
    "word_embedding_backward": [f'out, cache = word_embedding_forward({_args("x", "W")})',
                                'dW = word_embedding_backward(inp["dout"], cache)',
                                "a3.check(dict(dW=dW), exp, thr)"],
    "temporal_affine": [f'out, cache = temporal_affine_forward({_args("x", "w", "b")})',
                        'dx, dw, db = temporal_affine_backward(inp["dout"], cache)',
                        "a3.check(dict(out=out, dx=dx, dw=dw, db=db), exp, thr)"],
    "temporal_softmax_loss": [f'loss, dx = temporal_softmax_loss({_args("x", "y", "mask")})',
                              "a3.check(dict(loss=loss, dx=dx), exp, thr)"],
    "rnn_loss": _MODEL_LOSS,
    "rnn_overfit": ["a3.check_overfit(a3.train_overfit(inp), inp, max_loss)"],
    "rnn_sample": _SAMPLE + ["{sample_check}(captions, exp)"],
    "lstm_step_forward": [f"next_h, next_c, _ = lstm_step_forward({_LSTM_STEP})",
                          "a3.check(dict(next_h=next_h, next_c=next_c), exp, thr)"],
    "lstm_step_backward": [f"next_h, next_c, cache = lstm_step_forward({_LSTM_STEP})",
                           'grads = lstm_step_backward(inp["dnext_h"], inp["dnext_c"], cache)',
                           'a3.check(dict(zip(["dx", "dprev_h", "dprev_c", "dWx", "dWh", "db"], grads)), exp, thr)'],
    "lstm_forward": [f"h, _ = lstm_forward({_SEQ})", "a3.check(dict(h=h), exp, thr)"],
    "lstm_backward": [f"h, cache = lstm_forward({_SEQ})",
                      'dx, dh0, dWx, dWh, db = lstm_backward(inp["dh"], cache)',
                      "a3.check(dict(dx=dx, dh0=dh0, dWx=dWx, dWh=dWh, db=db), exp, thr)"],
    "lstm_loss": _MODEL_LOSS,
    "lstm_overfit": ["a3.check_overfit(a3.train_overfit(inp), inp, max_loss)"],
    "lstm_sample": _SAMPLE + ["{sample_check}(captions, exp)"],
}
IMPORTS = ["import numpy as np", "import a3_otter_support as a3",
           "from cs231n.rnn_layers import *"]


def case_doctest(question, case: str) -> str:
    """The doctest body of one case of ``question``: load the case, call the student's code,
    check; nothing is printed, so any exception (a failed check included) fails it."""
    check = "a3.check_greedy" if case == "greedy" else "a3.check_stops_at_end"
    lines = IMPORTS + [f'inp, exp = a3.case("{question.id}", "{case}")',
                       f"thr = {question.threshold!r}", f"max_loss = {question.max_loss!r}"]
    lines += [line.replace("{sample_check}", check) for line in CASE_CODE[question.id]]
    return "\n".join(">>> " + line for line in lines) + "\n"


def ok_test_source(question) -> str:
    """An OK-format test file for one question: a case per a3 case (hidden or not as in
    grading_config.yml), the question's points split evenly over them as a3 does."""
    spec = {"name": question.id, "points": question.points,
            "suites": [{"type": "doctest", "scored": True, "setup": "", "teardown": "",
                        "cases": [{"name": f"{question.id}/{case}", "code": case_doctest(question, case),
                                   "hidden": visibility == "hidden", "locked": False}
                                  for case, visibility in question.cases.items()]}]}
    return "OK_FORMAT = True\n\ntest = " + pprint.pformat(spec, width=110, sort_dicts=False) + "\n"


def questions_of(config, parts):
    """The questions of ``parts``, in config order."""
    return [q for p in parts for q in config.parts[p].questions.values()]


def write_fixture_npz(questions, path: Path) -> None:
    """Every case's inputs and expected values, read with read_fixture, into one npz:
    ``<id>/<case>/in/<name>`` and ``<id>/<case>/exp/<name>``."""
    arrays = {}
    for q in questions:
        for case, (inputs, expected) in read_fixture(q.id).items():
            arrays.update({f"{q.id}/{case}/in/{k}": v for k, v in inputs.items()})
            arrays.update({f"{q.id}/{case}/exp/{k}": v for k, v in (expected or {}).items()})
    np.savez(path, **arrays)


def minimal_notebook(path: Path) -> None:
    """A one-cell notebook that imports the student's package, as a submission notebook."""
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(nbformat.v4.new_code_cell(
        "import numpy as np\n"
        "from cs231n.rnn_layers import *\n"
        "from cs231n.classifiers.rnn import CaptioningRNN\n"
        "from cs231n.captioning_solver import CaptioningSolver"))
    nbformat.write(nb, str(path))


def build_autograder(submission: Path, config, parts, workdir: Path) -> Path:
    """Generate the OK tests and support files for ``parts`` in ``workdir`` and make the
    autograder zip with ``otter generate``; the submission's cs231n/ is a support file."""
    workdir.mkdir(parents=True)
    tests = workdir / "tests"
    tests.mkdir()
    questions = questions_of(config, parts)
    for q in questions:
        (tests / f"{q.id}.py").write_text(ok_test_source(q))
    write_fixture_npz(questions, workdir / "a3_fixtures.npz")
    (workdir / "a3_otter_support.py").write_text(SUPPORT_MODULE)
    (workdir / "a3_meta.json").write_text(json.dumps({"solutions": str(SOLUTIONS), "seed": SEED}))
    shutil.copytree(submission / "cs231n", workdir / "cs231n", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    zip_path = workdir / "autograder.zip"
    subprocess.run([str(BIN / "otter"), "generate", "-t", "tests", "-o", zip_path.name, "--no-config",
                    "--no-requirements", "--no-environment",
                    "a3_fixtures.npz", "a3_otter_support.py", "a3_meta.json", "cs231n"],
                   cwd=workdir, check=True, capture_output=True, text=True)
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
    result = grade_submission(submission, config,
                              progress=lambda qid: qid in first and marks.setdefault(first[qid], time.perf_counter()))
    t1 = time.perf_counter()
    starts = [marks.get(p, t0) for p in config.parts] + [t1]
    parts = {p: starts[i + 1] - starts[i] for i, p in enumerate(config.parts)}
    return {"parts": parts, "scores": {q: r.score for q, r in result.questions.items()}}


def run_a3_cli(submission: Path, tmp: Path) -> dict:
    """``a3 grade <sub> --out <tmp> --quiet`` in a fresh process: seconds and scores."""
    out = tmp / "a3-cli-out"
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run([str(BIN / "a3"), "grade", str(submission), "--out", str(out), "--quiet"],
                          cwd=REPO, env=bench_env(), capture_output=True, text=True)
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
    proc = subprocess.run([str(BIN / "otter"), "run", "-a", str(zip_path), str(notebook), "-o", str(out),
                           "--no-logo"], cwd=tmp, env=bench_env(), capture_output=True, text=True)
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
    return [(q, a3.get(q), otter.get(q)) for q in qids if a3.get(q) is None or otter.get(q) is None
            or abs(a3[q] - otter[q]) > 1e-6]


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
    return {"cpu": model or platform.processor(), "cores": os.cpu_count(), "memory_gb": mem_kb / 2**20,
            "python": platform.python_version(), "numpy": np.__version__, "otter": version("otter-grader"),
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")}


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
    real = {p: (build_autograder(submission, config, [p], tmp / f"ag-{name}-{p}"), submission / config.parts[p].notebook)
            for p in parts if (submission / config.parts[p].notebook).exists()}
    kinds = {"api": lambda: run_a3_api(submission, config), "cli": lambda: run_a3_cli(submission, tmp),
             "otter": lambda: run_otter(zip_all, notebook, tmp)}
    kinds.update({f"real:{p}": (lambda z=z, nb=nb: run_otter(z, nb, tmp)) for p, (z, nb) in real.items()})
    res = {"name": name, "qids": [q.id for q in questions_of(config, parts)], **{k: [] for k in kinds}}
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
        out += [(f"otter run {config.parts[part].notebook}", *m) for r in runs
                for m in compare_scores(ref, r["scores"], qids)]
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
    lines = [f"Command: `{command}` ({info['date']}). Wall-clock seconds, median / min of "
             f"{len(results[0]['api'])} runs; CPU = median user + system seconds of all processes involved.", "",
             "| submission | a3 `grade_submission` | a3 CLI `a3 grade` | `otter run` (minimal notebook) "
             "| speed-up vs a3 API (median) | speed-up vs a3 CLI (median) | CPU a3 API / CLI / otter | score a3 / otter |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        api, cli, ot = stats(r["api"]), stats(r["cli"]), stats(r["otter"])
        totals = [sum(x["scores"].get(q, 0.0) for q in r["qids"]) for x in (r["api"][0], r["otter"][0])]
        lines.append(f"| {r['name']} | {fmt(api)} | {fmt(cli)} | {fmt(ot)} | {ot[0] / api[0]:.2f}x "
                     f"| {ot[0] / cli[0]:.2f}x | {_cpu(r['api'])} / {_cpu(r['cli'])} / {_cpu(r['otter'])} "
                     f"| {totals[0]:g} / {totals[1]:g} |")
    lines += ["", "Speed-up = otter's median time / a3's median time (above 1: a3 is faster).", "",
              "Per part (a3 in process; a part's time includes its student process's start-up):", "",
              "| submission | " + " | ".join(config.parts[p].title for p in parts) + " |",
              "| --- |" + " --- |" * len(parts)]
    for r in results:
        lines.append(f"| {r['name']} | " + " | ".join(fmt(stats(r["api"], key=lambda x, p=p: x["parts"][p]))
                                                     for p in parts) + " |")
    real = [(r, p, runs) for r in results for p, runs in r["real"].items()]
    if real:
        lines += ["", "`otter run` on the course notebook itself (every cell executed, training included), "
                  "with only that part's tests, against a3's time for that part:", "",
                  "| submission | notebook | `otter run` | CPU | a3 part (API) |", "| --- | --- | --- | --- | --- |"]
        for r, p, runs in real:
            lines.append(f"| {r['name']} | {config.parts[p].notebook} | {fmt(stats(runs))} | {_cpu(runs)} "
                         f"| {fmt(stats(r['api'], key=lambda x, p=p: x['parts'][p]))} |")
    else:
        lines += ["", "The course notebooks were not in the submissions, so `otter run` graded only the minimal "
                  "notebook (one cell importing from `cs231n`)."]
    lines += ["", "a3 scores per question (otter's are equal unless listed under mismatches):", ""]
    for r in results:
        s = r["api"][0]["scores"]
        lines.append(f"- {r['name']}: " + ", ".join(f"{q} {s[q]:g}" for q in r["qids"]))
    mism = [(r["name"], *m) for r in results for m in r["mismatches"]]
    lines += ["", "Mismatches between otter's and a3's scores: " + ("none." if not mism else "")]
    lines += [f"- {name}, {q}: a3 {a}, {what} {o}" for name, what, q, a, o in mism]
    run_loads = [x["load"] for r in results for k in ("api", "cli", "otter") for x in r[k]]
    lines += ["", f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']:.1f} GiB; "
              f"Python {info['python']}, numpy {info['numpy']}, otter-grader {info['otter']}; "
              f"OPENBLAS_NUM_THREADS=1. Load average (1 min): {loads[0]:.2f} before the run, "
              f"{min(run_loads):.2f} to {max(run_loads):.2f} (median {statistics.median(run_loads):.2f}) "
              f"at the end of the timed runs, {loads[1]:.2f} after."]
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
    ap.add_argument("submissions", nargs="*", default=DEFAULT_SUBMISSIONS,
                    help="submission folders (cs231n/ and maybe the notebooks); default: reference and alice")
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
    command = "make bench" if not argv and args.submissions == DEFAULT_SUBMISSIONS and args.repeat == 3 \
        else ".venv/bin/python bench/grading_speed.py " + " ".join(sys.argv[1:] if argv is None else argv)
    info = machine_info()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)       # noqa: E731
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
