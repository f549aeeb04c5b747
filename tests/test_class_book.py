"""The gradebook is the class: ``grades.csv``/``lms.csv`` are made from every record in --out
(a later run adds or replaces rows, a ``--parts`` run keeps the other parts, deleting
``<out>/<id>/`` removes a row); a status column with the reason; a path that does not exist
stops ``a3 grade`` before anything is graded; ungradeable submissions are named at the end and
their feedback says why once; a grader failure is recorded, named and retried.

Graded with Part 1 without its overfit question (about a second a submission)."""

from __future__ import annotations

import concurrent.futures
import csv
import json
import subprocess
import sys
import zipfile

import pytest

from autograder.config import REPO_ROOT
from autograder.grade.bookkeeping import batch
from autograder.grade.bookkeeping.batch import find_submissions, grade_many
from autograder.grade.bookkeeping.gradebook import submission_status
from autograder.grade.results import Record
from conftest import make_submission
from test_class_grading import fast_config, fast_config_path  # noqa: F401 (fixtures)


def slip_step(x, prev_h, Wx, Wh, b):
    import numpy as np

    return np.tanh(x.dot(Wx) + prev_h.dot(Wh)), (x, prev_h, Wx, Wh, None)  # forgot the bias


def rows(out) -> dict:
    return {r["submission"]: r for r in csv.DictReader(open(out / "grades.csv"))}


def lms(out) -> dict:
    return {r["student_id"]: r for r in csv.DictReader(open(out / "lms.csv"))}


def test_a_later_run_adds_rows_a_parts_run_keeps_the_other_parts_and_deleting_a_folder_removes_one(
    fast_config, tmp_path
):
    klass = tmp_path / "class"
    make_submission(klass / "ann")
    make_submission(klass / "ben", {"cs231n/rnn_layers.py::rnn_step_forward": slip_step})
    make_submission(tmp_path / "late" / "cat")
    out = tmp_path / "out"
    assert grade_many(find_submissions([klass]), fast_config, ["rnn"], out, quiet=True, workers=2) == 0
    assert sorted(rows(out)) == ["ann", "ben"]
    # one late submission graded alone into the same folder: a row more, none lost
    assert grade_many([tmp_path / "late" / "cat"], fast_config, ["rnn"], out, quiet=True, workers=1) == 0
    book = rows(out)
    assert sorted(book) == ["ann", "ben", "cat"] and sorted(lms(out)) == ["ann", "ben", "cat"]
    assert book["ann"]["total"] == book["cat"]["total"] == "23" and book["ben"]["rnn_step_forward"] == "0"
    assert all(r["status"] == "graded" and r["reason"] == "" for r in book.values())
    # Part 2 of ann only: ann keeps its Part 1, the others have empty Part 2 question cells
    assert grade_many([klass / "ann"], fast_config, ["lstm"], out, quiet=True, workers=1) == 0
    book = rows(out)
    assert sorted(book) == ["ann", "ben", "cat"]
    assert book["ann"]["part:rnn"] == "23" and book["ann"]["part:lstm"] == "27" and book["ann"]["total"] == "50"
    assert book["ben"]["lstm_step_forward"] == "" and book["ben"]["part:rnn"] == book["ben"]["total"]
    assert lms(out)["ann"]["lstm"] == "27" and lms(out)["cat"]["lstm"] == "0"
    # the documented way to remove a submission: delete its folder in --out (and do not give it again)
    import shutil

    shutil.rmtree(out / "ben")
    assert grade_many([tmp_path / "late" / "cat"], fast_config, ["rnn"], out, quiet=True, workers=1) == 0
    assert sorted(rows(out)) == ["ann", "cat"]
    page = (out / "index.html").read_text()
    assert "href='ann/feedback.html'" in page and "href='ben/" not in page


def test_a_path_that_does_not_exist_is_an_error_before_anything_is_graded(tmp_path):
    make_submission(tmp_path / "ann")
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "grade",
            str(tmp_path / "ann"),
            str(tmp_path / "nonexistent"),
            "--out",
            str(out),
            "--parts",
            "rnn",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr and str(tmp_path / "nonexistent") in done.stderr
    assert not out.exists()  # nothing graded, nothing written


def test_the_status_of_each_kind_of_error_is_read_back_from_a_record():
    def status(error):  # graded.json keeps no status field: its error text begins with it
        record = Record.from_dict({"result": {"id": "x", "error": error, "questions": []}})
        return submission_status(record.result)

    assert status("") == ("graded", "")
    assert status("x.zip is not a readable zip file (File is not a zip file)") == (
        "could not be opened",
        "x.zip is not a readable zip file (File is not a zip file)",
    )
    assert status("timed out: the submission took more than 900 s") == (
        "timed out",
        "the submission took more than 900 s",
    )
    assert status("grader error: BrokenProcessPool: a worker died") == (
        "grader error",
        "BrokenProcessPool: a worker died",
    )
    assert status("internal grader error: KeyError: 'x'") == ("grader error", "KeyError: 'x'")


def test_ungradeable_submissions_have_a_status_their_reason_once_and_are_named_at_the_end(
    fast_config, tmp_path, capsys
):
    klass = tmp_path / "class"
    make_submission(klass / "ann")
    with zipfile.ZipFile(klass / "nopkg.zip", "w") as zf:  # a zip without the package
        zf.writestr("RNN_Captioning.ipynb", "{}")
    (klass / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    out = tmp_path / "out"
    assert grade_many(find_submissions([klass]), fast_config, ["rnn"], out, workers=2) == 0
    book = rows(out)
    assert book["ann"]["status"] == "graded"
    assert book["nopkg"]["status"] == book["broken"]["status"] == "could not be opened"
    assert "no cs231n/__init__.py" in book["nopkg"]["reason"] and "not a readable zip" in book["broken"]["reason"]
    assert lms(out)["nopkg"]["status"] == "could not be opened"
    err = capsys.readouterr().err
    tail = err[err.rindex("not graded (2):") :]
    assert (
        "broken: could not be opened: broken.zip is not a readable zip" in tail and "nopkg: could not be opened" in tail
    )
    feedback = (out / "nopkg" / "feedback.md").read_text()
    assert feedback.count("no cs231n/__init__.py") == 1  # said once, not on every case
    assert "case `" not in feedback and "failed;" not in feedback  # no case listed, none "failed"
    html = (out / "nopkg" / "feedback.html").read_text()
    assert html.count("no cs231n/__init__.py") == 1 and "case <code>" not in html and ">failed<" not in html
    assert json.loads((out / "nopkg" / "results.json").read_text())["tests"] == []
    page = (out / "index.html").read_text()
    assert "2 could not be graded" in page and "broken.zip is not a readable zip" in page


class FailingPool:
    """A pool whose tasks fail as the grader (not the submission) would: ``error``."""

    def __init__(self, error):
        self.error = error

    def describe(self):
        return "pool that fails"

    def carry(self, path):
        return str(path)

    def submit(self, fn, *args):
        future = concurrent.futures.Future()
        future.set_exception(self.error)
        return future

    def as_completed(self, futures):
        return iter(futures)

    def close(self, cancel=False):
        pass


@pytest.mark.parametrize(
    "error, status, reason",
    [
        (RuntimeError("a worker process died"), "grader error", "RuntimeError: a worker process died"),
        (
            TimeoutError("timed out: the submission took more than 900 s"),
            "timed out",
            "the submission took more than 900 s",
        ),
    ],
)
def test_a_grader_failure_is_recorded_named_and_retried(
    error, status, reason, fast_config, tmp_path, monkeypatch, capsys
):
    make_submission(tmp_path / "class" / "ann")
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(batch, "open_pool", lambda *a, **k: FailingPool(error))
        assert grade_many(find_submissions([tmp_path / "class"]), fast_config, ["rnn"], out, workers=1) == 0
    assert (rows(out)["ann"]["status"], rows(out)["ann"]["reason"]) == (status, reason)
    assert f"ann: {status}: {reason}" in capsys.readouterr().err
    assert "ann" in (out / "index.html").read_text().split("id='ungraded'")[1]
    # the record keeps the row, and the next run grades it again
    assert grade_many(find_submissions([tmp_path / "class"]), fast_config, ["rnn"], out, quiet=True, workers=1) == 0
    assert rows(out)["ann"]["status"] == "graded" and rows(out)["ann"]["total"] == "23"


def test_a_rerun_grades_nothing_already_graded_across_parts_runs(fast_config, tmp_path, capsys):
    """The README's resume promise across ``--parts``: a record made by a ``--parts rnn`` run is
    reused for Part 1 by a later run of Parts 1-2, which grades Part 2 only (its slowest
    questions are Part 2's); then neither a run of Parts 1-2 nor one of Part 1 grades anything.
    A submission that cannot be opened keeps a 0 in every question cell of both parts."""
    klass = tmp_path / "class"
    make_submission(klass / "ann")
    make_submission(klass / "ben", {"cs231n/rnn_layers.py::rnn_step_forward": slip_step})
    klass.joinpath("bad.zip").write_bytes(b"not a zip")
    out, subs = tmp_path / "out", find_submissions([klass])
    assert grade_many(subs, fast_config, ["rnn"], out, workers=1, similarity=False) == 0
    first = rows(out)
    capsys.readouterr()
    assert grade_many(subs, fast_config, ["rnn", "lstm"], out, workers=1, similarity=False) == 0
    err = capsys.readouterr().err
    assert "0 already graded, 3 to grade on a local pool of 1 worker process (3 of them only in the parts" in err
    slowest = err.split("slowest questions", 1)[1].splitlines()[1:]
    slow_ids = [line.split(":")[0].strip() for line in slowest if line.startswith("  ")]
    assert slow_ids and set(slow_ids) <= set(fast_config.parts["lstm"].questions), err
    book = rows(out)
    rnn_ids = list(fast_config.parts["rnn"].questions)
    assert [book["ben"][q] for q in rnn_ids] == [first["ben"][q] for q in rnn_ids]
    assert book["ann"]["part:lstm"] == "27" and book["ann"]["total"] == "50"
    lstm_ids = list(fast_config.parts["lstm"].questions)
    assert book["bad"]["status"] == "could not be opened"
    assert [book["bad"][q] for q in rnn_ids + lstm_ids] == ["0"] * len(rnn_ids + lstm_ids)
    for parts in (["rnn", "lstm"], ["rnn"]):
        assert grade_many(subs, fast_config, parts, out, workers=1, similarity=False) == 0
        assert "all 3 submissions are graded already" in capsys.readouterr().err
    assert rows(out) == book
