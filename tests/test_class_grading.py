"""Grading a whole class: parallel and resumable batches (a real SIGKILL of ``a3 grade``),
identical scores on a second run, regrading, a real Dask LocalCluster, late rules, the LMS
gradebook, the HTML feedback with the pictures hook, and the written answers for TAs.

The batches here grade Part 1 without its overfit question (a configuration written to a
temporary file), so that a submission takes about a second."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from autograder.config import REPO_ROOT, load_config
from autograder.grade.bookkeeping.batch import find_submissions, grade_many
from conftest import make_submission

CLASS = ["ann", "ben", "cat", "dan", "eve", "fay"]


def slip_step(x, prev_h, Wx, Wh, b):
    import numpy as np

    next_h = np.tanh(x.dot(Wx) + prev_h.dot(Wh))  # forgot the bias
    return next_h, (x, prev_h, Wx, Wh, next_h)


def slip_embedding(x, W):
    return W[x] * 1.0001, (x, W.shape)


def slow_forward(x, h0, Wx, Wh, b):
    import time

    time.sleep(1.5)  # correct, but slow: the batch is still running
    import numpy as np

    N, T, _ = x.shape
    h, cache, prev = np.zeros((N, T, h0.shape[1])), [], h0
    for t in range(T):
        prev, c = rnn_step_forward(x[:, t], prev, Wx, Wh, b)  # noqa: F821 (in the student's rnn_layers.py)
        h[:, t] = prev
        cache.append(c)
    return h, cache


RECIPES = {
    "ann": {},
    "ben": {"cs231n/rnn_layers.py::rnn_step_forward": slip_step},
    "cat": {"cs231n/rnn_layers.py::word_embedding_forward": slip_embedding},
    "dan": {"cs231n/rnn_layers.py::rnn_forward": slow_forward},
    "eve": {"cs231n/rnn_layers.py::rnn_forward": slow_forward},
    "fay": {"cs231n/rnn_layers.py::rnn_step_forward": slip_step},
}


@pytest.fixture(scope="module")
def fast_config_path(tmp_path_factory):
    """grading_config.yml without the overfit questions (their points removed from the parts)."""
    data = yaml.safe_load((REPO_ROOT / "grading_config.yml").read_text())
    for pid, qid in (("rnn", "rnn_overfit"), ("lstm", "lstm_overfit")):
        part = data["parts"][pid]
        removed = part["questions"].pop(qid)["points"]
        part["points"] -= removed
        data["points"] -= removed  # the assignment's total follows its parts
    path = tmp_path_factory.mktemp("config") / "fast_config.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture(scope="module")
def fast_config(fast_config_path):
    return load_config(fast_config_path)


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    """A class of six folder submissions, two of them slow."""
    folder = tmp_path_factory.mktemp("class")
    for name in CLASS:
        make_submission(folder / name, RECIPES[name])
    return folder


def a3_grade(*args) -> list:
    return [sys.executable, "-m", "autograder.cli", "grade", *map(str, args)]


def read(path: Path) -> str:
    return path.read_text()


@pytest.fixture(scope="module")
def uninterrupted(klass, fast_config, tmp_path_factory):
    """The class graded in one go (two workers)."""
    out = tmp_path_factory.mktemp("uninterrupted")
    assert grade_many(find_submissions([klass]), fast_config, ["rnn"], out, quiet=True, workers=2) == 0
    return out


def test_the_gradebooks_have_the_expected_scores(uninterrupted, fast_config):
    rows = {r["submission"]: r for r in csv.DictReader(open(uninterrupted / "grades.csv"))}
    assert sorted(rows) == CLASS
    assert rows["ann"]["total"] == rows["dan"]["total"] == "23"
    assert rows["ben"]["rnn_step_forward"] == "0" and float(rows["ben"]["total"]) < 23
    assert rows["cat"]["word_embedding_forward"] == "0"
    lms = list(csv.reader(open(uninterrupted / "lms.csv")))
    assert lms[0] == ["student_id", "rnn", "total", "status"] and len(lms) == 7
    assert (uninterrupted / "ann" / "graded.json").exists() and (uninterrupted / "ann" / "feedback.html").exists()


def test_grading_twice_gives_identical_scores_and_reports(uninterrupted, klass, fast_config, tmp_path):
    assert grade_many(find_submissions([klass]), fast_config, ["rnn"], tmp_path, quiet=True, workers=1) == 0
    for name in ["grades.csv", "lms.csv"] + [f"{s}/feedback.md" for s in CLASS] + [f"{s}/feedback.html" for s in CLASS]:
        assert read(tmp_path / name) == read(uninterrupted / name), name


def _graded(out: Path) -> int:
    return len(list(out.glob("*/graded.json")))


def _workers_of(out: Path) -> list:
    import psutil

    return [
        p
        for p in psutil.process_iter(["cmdline"])
        if p.info["cmdline"]
        and any("autograder.student_process" in a for a in p.info["cmdline"])
        and any(str(out) in a for a in p.info["cmdline"])
    ]


def test_sigkill_in_the_middle_then_rerun_gives_the_uninterrupted_gradebook(
    uninterrupted, klass, fast_config_path, tmp_path
):
    out = tmp_path / "out"
    cmd = a3_grade(klass, "--out", out, "--parts", "rnn", "--workers", "1", "--config", fast_config_path, "--quiet")
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _graded(out) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _graded(out)
    assert 2 <= done < len(CLASS), "the batch was not stopped in the middle"
    assert (out / "grades.csv").exists()
    time.sleep(2)  # the workers notice that the grader died
    assert not _workers_of(out), "grading processes outlived the killed grader"
    rerun = subprocess.run(
        a3_grade(klass, "--out", out, "--parts", "rnn", "--workers", "2", "--config", fast_config_path),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{done} already graded, {len(CLASS) - done} to grade" in rerun.stderr
    assert read(out / "grades.csv") == read(uninterrupted / "grades.csv")
    assert read(out / "lms.csv") == read(uninterrupted / "lms.csv")


def test_an_edited_submission_is_regraded_and_regrade_forces_one(klass, fast_config, tmp_path, capsys):
    import shutil

    folder = tmp_path / "class"
    shutil.copytree(klass, folder)
    subs = find_submissions([folder])
    assert grade_many(subs, fast_config, ["rnn"], tmp_path / "out", workers=2) == 0
    capsys.readouterr()
    path = folder / "ben" / "cs231n" / "rnn_layers.py"
    text = path.read_text()
    assert "prev_h.dot(Wh))  # forgot the bias" in text
    path.write_text(text.replace("prev_h.dot(Wh))  # forgot the bias", "prev_h.dot(Wh) + b)"))
    assert grade_many(subs, fast_config, ["rnn"], tmp_path / "out", workers=1) == 0
    err = capsys.readouterr().err
    assert "5 already graded, 1 to grade" in err
    rows = {r["submission"]: r for r in csv.DictReader(open(tmp_path / "out" / "grades.csv"))}
    assert rows["ben"]["rnn_step_forward"] == "2"
    assert grade_many(subs, fast_config, ["rnn"], tmp_path / "out", workers=1, regrade=["cat"]) == 0
    assert "5 already graded, 1 to grade" in capsys.readouterr().err
    assert grade_many(subs, fast_config, ["rnn"], tmp_path / "out", regrade=["nobody"]) == 2


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGKILL ``proc``'s process group (its session: start_new_session) and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass


@pytest.fixture
def cluster(tmp_path, klass):
    """A Dask cluster as one is run: a ``dask scheduler`` and two ``dask worker`` processes
    (``w1``, ``w2``; one thread each), every worker in a mount namespace of its own where a
    tmpfs hides the folder holding the class, the test's output and the configuration file
    (pytest's base temporary folder): no path of this process's machine reaches a worker.
    Yields (scheduler address, {worker name: Popen}); kills their process groups at the end."""
    if subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs unshare --mount (root or CAP_SYS_ADMIN) to hide the class from the workers")
    hidden = Path(os.path.commonpath([klass, tmp_path]))
    assert hidden != Path("/") and Path(os.path.commonpath([hidden, REPO_ROOT])) != hidden  # the project stays
    dask = Path(sys.executable).with_name("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path / "logs"
    logs.mkdir()
    procs = {}

    def start(name, argv):
        with open(logs / f"{name}.log", "wb") as log:
            procs[name] = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd="/", start_new_session=True
            )

    try:
        port = address.rsplit(":", 1)[1]
        start("scheduler", [dask, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"])
        for name in ("w1", "w2"):
            worker = [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1"]
            script = 'mount -t tmpfs a3-hidden "$0" && exec "$@"'
            start(name, ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, hidden, *worker,
                         "--name", name, "--no-dashboard"])  # fmt: skip
        from distributed import Client

        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=90)
            seen = client.run(lambda: (os.path.exists(klass), os.path.exists(tmp_path)))
        assert list(seen.values()) == [(False, False)] * 2  # the workers cannot see the class
        yield address, procs
    except BaseException:
        for name in procs:
            print(f"--- {name}.log\n{(logs / f'{name}.log').read_text()[-3000:]}")
        raise
    finally:
        for proc in procs.values():
            _stop_group(proc)


def _workers_warm_up_when_the_run_begins(address, config) -> None:
    """A DaskPool opened with ``warm`` has started a grading process on every worker before
    any task; closing it stops them (the worker plugin's teardown)."""
    from distributed import Client

    from autograder.grade.bookkeeping.pool import DaskPool

    def _live_graders() -> list:  # run in each worker (a local function: pickled by value)
        from autograder.grade.bookkeeping import task

        return [s.proc is not None and s.proc.poll() is None for s in task._idle]

    pool = DaskPool(address, warm=(config, ["rnn"]))
    assert list(pool.client.run(_live_graders).values()) == [[True], [True]]
    pool.close()
    with Client(address, timeout=30, set_as_default=False) as client:
        assert list(client.run(_live_graders).values()) == [[], []]


def test_a_dask_cluster_without_the_class_folder_grades_the_same(uninterrupted, klass, fast_config, tmp_path, cluster):
    """The class graded on a real cluster whose workers cannot see it (nor the output, nor
    the configuration): each task carries its submission. One worker is killed (its process
    group: the machine lost) while it grades: its submissions are graded again by the other,
    and the gradebook equals the local run's. A submission too large to carry gets its row."""
    from distributed import Client

    address, procs = cluster
    _workers_warm_up_when_the_run_begins(address, fast_config)
    out = tmp_path / "out"
    huge = tmp_path / "extra" / "huge.zip"
    huge.parent.mkdir()
    with open(huge, "wb") as f:
        f.truncate(65 * 2**20)  # sparse: larger than a task may carry, never read
    killed = {}

    def kill_one_while_it_grades():
        try:
            watch()
        except BaseException as exc:  # said by the assertion below
            killed["error"] = repr(exc)

    def watch():
        with Client(address, timeout=30, set_as_default=False) as client:
            names = {a: w["name"] for a, w in client.scheduler_info()["workers"].items()}
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not killed:
                busy = {names[a]: len(keys) for a, keys in client.processing().items() if keys and a in names}
                if busy and any((out / s / "graded.json").exists() for s in CLASS):  # under way, grading
                    name, held = next(iter(busy.items()))
                    _stop_group(procs[name])
                    killed.update(name=name, processing=held)
                time.sleep(0.05)

    killer = threading.Thread(target=kill_one_while_it_grades, daemon=True)
    killer.start()
    status = grade_many(
        find_submissions([klass]) + [huge], fast_config, ["rnn"], out, quiet=True, scheduler=address, similarity=False
    )
    killer.join(10)
    assert status == 0 and killed.get("processing", 0) >= 1, killed
    book = read(out / "grades.csv").splitlines()
    huge_row = next(r for r in csv.DictReader(book) if r["submission"] == "huge")
    assert huge_row["status"] == "could not be opened"
    assert "huge.zip is 68157440 bytes, more than the 64 MiB a grading task may carry" in huge_row["reason"]
    assert [line for line in book if not line.startswith("huge,")] == read(uninterrupted / "grades.csv").splitlines()
    workers = {json.loads((out / s / "graded.json").read_text())["worker"] for s in CLASS}
    assert all(w.split(":")[1] != str(os.getpid()) for w in workers)  # graded in the cluster's workers


# -- late work -------------------------------------------------------------------------
def test_late_penalty_rules():
    import datetime as dt
    from autograder.config import LateRules
    from autograder.grade.bookkeeping.late import late_penalty

    due = dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC)
    rules = LateRules(due=due, grace_minutes=10, penalty_per_day=0.1, max_days_late=3)
    assert late_penalty(due + dt.timedelta(minutes=9), rules).factor == 1.0
    assert late_penalty(due + dt.timedelta(minutes=11), rules).days == 1
    assert late_penalty(due + dt.timedelta(days=1, minutes=11), rules).factor == pytest.approx(0.8)
    assert late_penalty(due + dt.timedelta(days=3, hours=1), rules).factor == 0.0
    assert late_penalty(None, rules).factor == 1.0 and late_penalty(due, None).factor == 1.0


def test_late_rules_from_the_config_and_metadata_files(fast_config_path, tmp_path):
    from autograder.config import ConfigError

    data = yaml.safe_load(fast_config_path.read_text())
    data["late"] = {"due": "2026-03-01T23:59:00+00:00", "penalty_per_day": 0.25, "max_days_late": 2}
    path = tmp_path / "late.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    config = load_config(path)
    folder = tmp_path / "class"
    make_submission(folder / "early")
    make_submission(folder / "late")
    (folder / "early.meta.json").write_text(json.dumps({"submitted_at": "2026-03-01T20:00:00Z", "student_id": "s001"}))
    (folder / "late.meta.json").write_text(
        json.dumps({"submitted_at": "2026-03-02T10:00:00+00:00", "student_id": "s002"})
    )
    subs = find_submissions([folder])
    assert [p.name for p in subs] == ["early", "late"]
    assert grade_many(subs, config, ["rnn"], tmp_path / "out", quiet=True, workers=1) == 0
    assert (
        read(tmp_path / "out" / "lms.csv")
        == "student_id,rnn,total,status\ns001,23,23,graded\ns002,17.25,17.25,graded\n"
    )
    assert "1 day late: -25% of the score" in read(tmp_path / "out" / "late" / "feedback.md")
    assert json.loads(read(tmp_path / "out" / "late" / "results.json"))["score"] == 17.25
    data["late"]["due"] = "2026-03-01 23:59"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ConfigError, match="time zone"):
        load_config(path)


# -- feedback --------------------------------------------------------------------------
def test_hidden_messages_are_withheld_until_release(config, tmp_path):
    from autograder.grade.judging.grader import grade_submission
    from autograder.grade.reports.per_submission import write_submission_reports
    from autograder.grade.reports.report import HIDDEN_WITHHELD

    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": slip_embedding})
    result = grade_submission(sub, config, ["rnn"], only={"word_embedding_forward"})
    write_submission_reports(result, config, tmp_path / "before")
    write_submission_reports(result, config, tmp_path / "after", release=True)
    before, after = read(tmp_path / "before" / "s" / "feedback.md"), read(tmp_path / "after" / "s" / "feedback.md")
    assert (
        "case `linspace` (public): failed; reproduce with `a3 check word_embedding_forward`\n"
        "      ```text\n      out: error"
    ) in before
    assert f"case `random` (hidden): failed; {HIDDEN_WITHHELD}" in before
    assert "case `random` (hidden): failed\n      ```text\n      out: error" in after
    assert HIDDEN_WITHHELD in read(tmp_path / "before" / "s" / "feedback.html")
    tests = json.loads(read(tmp_path / "before" / "s" / "results.json"))["tests"]
    assert {t["visibility"] for t in tests if t["name"].endswith("random")} == {"after_published"}


def test_pictures_a_question_names_as_images_are_in_the_html_report(config, tmp_path, monkeypatch):
    """The hook, on a Part 1 output: rnn_forward's hidden states shown as images."""
    import base64
    import io
    from PIL import Image
    import importlib
    from autograder.grade.judging.grader import grade_submission
    from autograder.grade.reports.per_submission import write_submission_reports

    monkeypatch.setattr(importlib.import_module("autograder.hidden_tests.rnn_forward"), "IMAGES", ("h",), raising=False)
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::rnn_step_forward": slip_step})
    result = grade_submission(sub, config, ["rnn"], only={"rnn_forward"})
    case = result.questions["rnn_forward"].cases[0]
    assert not case.passed and set(case.images) == {"h"}
    png = Image.open(io.BytesIO(base64.b64decode(case.images["h"])))
    assert png.format == "PNG" and min(png.size) >= 64
    write_submission_reports(result, config, tmp_path / "out")
    page = read(tmp_path / "out" / "s" / "feedback.html")
    assert f"src='data:image/png;base64,{case.images['h']}'" in page
    assert "<figcaption>h</figcaption>" in page


# -- written answers ---------------------------------------------------------------------
def written_points_config(fast_config_path, tmp_path, points=3):
    """fast_config with ``points`` of rnn_sample given to the written rnn_inline_question_1
    (the part's total unchanged)."""
    data = yaml.safe_load(fast_config_path.read_text())
    part = data["parts"]["rnn"]
    part["questions"]["rnn_sample"]["points"] -= points
    part["written"]["rnn_inline_question_1"] = points
    path = tmp_path / "written.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_config(path)


def test_written_answers_are_exported_for_tas_and_their_scores_merged(fast_config_path, tmp_path):
    """Points of a written question come from grading_config.yml (a TA's 3 of 3 is accepted,
    7 is not); the TA pages render Markdown and math, sanitised, and show what is entered."""
    from autograder.grade.bookkeeping.manual import PLACEHOLDER

    config = written_points_config(fast_config_path, tmp_path)
    auto = config.parts["rnn"].autograded_points
    folder = tmp_path / "class"
    for name in ("ann", "ben"):
        make_submission(folder / name)
        nb_path = folder / name / "RNN_Captioning.ipynb"
        nb = json.loads((REPO_ROOT / "student_template" / "RNN_Captioning.ipynb").read_text())
        if name == "ann":
            for cell in nb["cells"]:
                if "".join(cell["source"]).strip() == PLACEHOLDER:
                    cell["source"] = [
                        "Characters: a <b>tiny</b> vocabulary, but **much** longer sequences: "
                        "$T_c \\approx 5 T_w$.\n\n<script>alert(1)</script>"
                    ]
        nb_path.write_text(json.dumps(nb))
    subs = find_submissions([folder])
    out = tmp_path / "out"
    assert grade_many(subs, config, ["rnn"], out, quiet=True, workers=2) == 0
    page = read(out / "manual" / "rnn_inline_question_1.html")
    assert "(3 points)" in page
    assert "a &lt;b&gt;tiny&lt;/b&gt; vocabulary" in page and "<b>tiny</b>" not in page
    assert "<strong>much</strong>" in page and "<math" in page and "<msub><mi>T</mi>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "no answer" in page  # ben left the placeholder
    rows = list(csv.DictReader(open(out / "manual" / "scores.csv")))
    assert [(r["submission"], r["question"], r["max_points"], r["score"]) for r in rows] == [
        ("ann", "rnn_inline_question_1", "3", ""),
        ("ben", "rnn_inline_question_1", "3", ""),
    ]
    (out / "manual" / "scores.csv").write_text(
        "submission,question,max_points,score,comment\n"
        "ann,rnn_inline_question_1,3,3,good point on sequence length\n"
        "ben,rnn_inline_question_1,3,7,\n"
    )
    assert grade_many(subs, config, ["rnn"], out, quiet=True) == 0  # nothing to grade: merges
    grades = {r["submission"]: r for r in csv.DictReader(open(out / "grades.csv"))}
    assert grades["ann"]["manual:rnn_inline_question_1"] == "3" and float(grades["ann"]["total"]) == auto + 3
    assert grades["ben"]["manual:rnn_inline_question_1"] == "" and float(grades["ben"]["total"]) == auto  # 7 > 3
    assert "good point on sequence length" in read(out / "ann" / "feedback.html")
    assert "3 / 3" in read(out / "ann" / "feedback.md")
    assert read(out / "manual" / "scores.csv").count("ann,") == 1  # the TA's rows are kept
    page = read(out / "manual" / "rnn_inline_question_1.html")  # what is entered is shown
    ann, ben = page.split("<section id='ann'>")[1].split("<section id='ben'>")
    assert "score: <b>3</b> / 3; comment: good point on sequence length" in ann and "score: <b>7</b>" in ben


# -- Gradescope ----------------------------------------------------------------------------
def test_the_gradescope_zip_grades_a_submission_in_an_autograder_tree(tmp_path):
    """The zip unpacked into a temporary /autograder-like tree (never the real /autograder),
    its run_autograder run on a submission: results.json in Gradescope's schema."""
    import shutil
    import zipfile
    from autograder.build.gradescope_zip import make_gradescope_zip

    zip_path = make_gradescope_zip(tmp_path / "autograder.zip")
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert {"setup.sh", "run_autograder", "requirements.txt"} <= set(names)
        assert "autograder/fixtures/rnn_forward.h5" in names and "grading_config.yml" in names
        assert not any(n.startswith("solutions/") for n in names)  # grading needs only the fixtures
        assert not any(n.startswith("student_template/") for n in names)
        zf.extractall(root / "source")
    assert "distributed==" in (root / "source" / "requirements.txt").read_text()
    sub = make_submission(tmp_path / "sub", {"cs231n/rnn_layers.py::rnn_step_forward": slip_step})
    shutil.copytree(sub, root / "submission")
    (root / "submission_metadata.json").write_text(json.dumps({"created_at": "2026-03-01T12:00:00.000000-08:00"}))
    env = dict(os.environ, A3_AUTOGRADER_ROOT=str(root), A3_PYTHON=sys.executable)
    proc = subprocess.run(
        ["bash", str(root / "source" / "run_autograder"), "--parts", "rnn"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads((root / "results" / "results.json").read_text())
    by_name = {t["name"]: t for t in results["tests"]}
    assert by_name["rnn_step_forward: linspace"]["score"] == 0
    assert by_name["rnn_step_forward: random"]["visibility"] == "after_published"
    assert (
        by_name["word_embedding_forward: linspace"]["score"] == by_name["word_embedding_forward: linspace"]["max_score"]
    )
    assert 0 < results["score"] < 25
    # the reference scores full marks there, the overfit check (reference model) included
    shutil.rmtree(root / "submission")
    shutil.copytree(make_submission(tmp_path / "ref"), root / "submission")
    proc = subprocess.run(
        ["bash", str(root / "source" / "run_autograder"), "--parts", "rnn"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == 25, [t for t in results["tests"] if t["score"] < t["max_score"]]
    assert make_gradescope_zip(tmp_path / "again.zip").read_bytes() == zip_path.read_bytes()  # reproducible


def test_a_run_ends_naming_its_slowest_questions_from_the_records(klass, fast_config, tmp_path, capsys):
    out = tmp_path / "out"
    assert grade_many(find_submissions([klass]), fast_config, ["rnn"], out, workers=2, similarity=False) == 0
    err = capsys.readouterr().err
    records = {sid: json.loads((out / sid / "graded.json").read_text()) for sid in CLASS}
    totals = {}
    for record in records.values():
        for q in record["result"]["questions"]:
            totals[q["id"]] = totals.get(q["id"], 0.0) + q["seconds"]
    dan = {q["id"]: q for q in records["dan"]["result"]["questions"]}["rnn_forward"]
    assert dan["seconds"] >= 1.5 * len(dan["cases"])  # slow_forward sleeps 1.5 s per case
    expected = sorted(totals, key=lambda q: -totals[q])[:5]
    head = err.index("slowest questions (6 submissions graded in this run")
    named = [line.split(":")[0].strip() for line in err[head:].splitlines()[1:6]]
    assert named == expected
    times = json.loads((out / "dan" / "results.json").read_text())["tests"]
    assert sum(t["execution_time"] for t in times if t["name"].startswith("rnn_forward:")) == pytest.approx(
        dan["seconds"], abs=0.01
    )
