"""The grading engine on broken submissions: each problem costs only its own questions,
with a message a student can act on, and never stops the grading."""

from __future__ import annotations

import json
import zipfile

import pytest

from autograder.grade.judging.grader import grade_submission
from autograder.grade.reports.report import results_json
from conftest import make_submission


def messages(result, qid):
    return " | ".join(m for c in result.questions[qid].cases for m in c.messages)


def full(config, qids):
    return {q: config.questions[q].points for q in qids}


def test_reference_scores_full_marks(config, reference_result):
    assert reference_result.total == pytest.approx(config.total_points)
    for part in config.parts.values():
        assert reference_result.part_score(part.id) == part.points, part.id


def test_syntax_error_costs_only_the_questions_of_that_file(config, tmp_path):
    sub = make_submission(tmp_path / "s", files={"cs231n/classifiers/rnn.py": "class CaptioningRNN(:\n    pass\n"})
    captioning = ["rnn", "lstm"]  # the parts that use cs231n/classifiers/rnn.py
    result = grade_submission(sub, config, parts=captioning)
    qids = [q.id for q in config.questions_in(captioning)]
    model_qs = [q for q in qids if q.endswith(("_loss", "_overfit", "_sample")) and q != "temporal_softmax_loss"]
    for q in model_qs:
        assert result.questions[q].score == 0
        assert "cs231n/classifiers/rnn.py, line 1: SyntaxError" in messages(result, q)
    others = set(qids) - set(model_qs)
    assert {q: result.questions[q].score for q in others} == full(config, others)


def test_missing_file(config, tmp_path):
    sub = make_submission(tmp_path / "s", files={"cs231n/classifiers/rnn.py": None})
    result = grade_submission(sub, config, parts=["rnn"])
    assert result.questions["rnn_loss"].score == 0
    assert "cs231n/classifiers/rnn.py is missing from the submission" in messages(result, "rnn_loss")
    assert result.questions["rnn_forward"].score == config.questions["rnn_forward"].points


def raises(x, h0, Wx, Wh, b):
    raise ValueError("shapes do not align")


def wrong_shape(x, h0, Wx, Wh, b):
    import numpy as np

    return np.zeros((x.shape[1], x.shape[0], h0.shape[1])), None


def nan_out(x, W):
    import numpy as np

    return np.full(x.shape + (W.shape[1],), np.nan), None


def test_exception_wrong_shape_and_nan_each_have_a_message(config, tmp_path):
    cases = [
        ("cs231n/rnn_layers.py::rnn_forward", raises, "rnn_forward", "ValueError: shapes do not align"),
        ("cs231n/rnn_layers.py::rnn_forward", wrong_shape, "rnn_forward", "h: shape (3, 2, 5) but expected (2, 3, 5)"),
        ("cs231n/rnn_layers.py::word_embedding_forward", nan_out, "word_embedding_forward", "out: contains NaN"),
    ]
    for i, (target, fn, qid, text) in enumerate(cases):
        result = grade_submission(make_submission(tmp_path / str(i), {target: fn}), config, parts=["rnn"])
        assert result.questions[qid].score == 0
        assert text in messages(result, qid)
        untouched = set(config.parts["rnn"].questions) - config.affected_by(qid)
        assert {q: result.questions[q].score for q in untouched} == full(config, untouched)


def exception_shows_student_frame(x, W):
    return W[x + 100], None


def test_traceback_shows_the_students_line_not_the_graders(config, tmp_path):
    sub = make_submission(
        tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": exception_shows_student_frame}
    )
    msg = messages(grade_submission(sub, config, parts=["rnn"]), "word_embedding_forward")
    assert "cs231n/rnn_layers.py, line" in msg and "IndexError" in msg
    assert "autograder" not in msg and "site-packages" not in msg


def hangs(x, h0, Wx, Wh, b):
    while True:
        pass


def exits(x, prev_h, Wx, Wh, b):
    import os

    os._exit(3)


def test_hang_and_exit_cost_their_questions_and_the_rest_is_graded(config, tmp_path):
    quick = config.with_time_limit(3)
    sub = make_submission(
        tmp_path / "s", {"cs231n/rnn_layers.py::rnn_forward": hangs, "cs231n/rnn_layers.py::rnn_step_forward": exits}
    )
    result = grade_submission(sub, quick, parts=["rnn"])
    assert "timed out: still running after 3 s" in messages(result, "rnn_forward")
    assert "the student process ended (exit code 3)" in messages(result, "rnn_step_forward")
    lost = config.affected_by("rnn_forward") | config.affected_by("rnn_step_forward")
    for q in ["word_embedding_forward", "word_embedding_backward", "temporal_affine", "temporal_softmax_loss"]:
        assert q not in lost and result.questions[q].score == config.questions[q].points


def sys_exit_and_interrupt(x, W):
    import sys

    sys.exit(0)


def test_sys_exit_is_just_an_error(config, tmp_path):
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": sys_exit_and_interrupt})
    result = grade_submission(sub, config, parts=["rnn"])
    assert result.questions["word_embedding_forward"].score == 0
    assert "SystemExit" in messages(result, "word_embedding_forward")


def prints_a_lot(x, W):
    print("{\"question\": \"word_embedding_forward\", \"cases\": {}}" * 1000)
    out = W[x]
    return out, (x, W)


def test_student_prints_cannot_forge_replies(config, tmp_path):
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": prints_a_lot})
    result = grade_submission(sub, config, parts=["rnn"])
    assert result.questions["word_embedding_forward"].score == config.questions["word_embedding_forward"].points


def returns_object(x, W):
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    return AlwaysEqual(), None


def test_objects_that_claim_equality_are_refused(config, tmp_path):
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": returns_object})
    result = grade_submission(sub, config, parts=["rnn"])
    assert result.questions["word_embedding_forward"].score == 0
    assert "not a plain numeric array" in messages(result, "word_embedding_forward")


def test_layout_errors_are_named_and_a_wrapped_zip_is_accepted(config, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("notes.txt", "hello")
    result = grade_submission(bad, config, parts=["rnn"])
    assert result.total == 0 and "no cs231n/__init__.py" in result.error
    sub = make_submission(tmp_path / "wrapped" / "my_assignment")
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as zf:
        for path in sub.rglob("*.py"):
            zf.write(path, path.relative_to(sub.parent).as_posix())
    assert grade_submission(good, config, parts=["rnn"]).part_score("rnn") == 25


def test_zip_with_parent_paths_is_refused(config, tmp_path):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../escape.py", "x = 1")
    result = grade_submission(evil, config, parts=["rnn"])
    assert result.total == 0 and "'..'" in result.error
    assert not (tmp_path / "escape.py").exists()


def test_results_json_follows_gradescope_schema(config, reference_result):
    data = json.loads(json.dumps(results_json(reference_result, config)))
    assert data["score"] == pytest.approx(config.total_points)
    assert {"name", "score", "max_score", "output", "visibility"} <= set(data["tests"][0])
    assert {t["visibility"] for t in data["tests"]} == {"visible", "after_published"}
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(config.total_points)


def forges_replies(x, W):
    """Writes forged replies on every pipe it may write (the reply pipe among them)."""
    import fcntl
    import os
    import stat

    forged = b'{"question": "word_embedding_forward", "cases": []}\nnot json\n{"cases": {"x": 1}}\n'
    written = 0
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if fd > 2 and stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE:
                written += os.write(fd, forged)
        except OSError:
            pass
    if not written:
        raise RuntimeError("found no pipe to write")  # the test would prove nothing
    return W[x], (x, W.shape)


def test_lines_written_on_the_reply_pipe_are_ignored(config, tmp_path):
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": forges_replies})
    result = grade_submission(sub, config, parts=["rnn"])
    assert all(r.passed for r in result.questions.values()), {
        q: r.cases[0].messages for q, r in result.questions.items() if not r.passed
    }


def dies_of_an_unnamed_signal(x, h0, Wx, Wh, b):
    import os

    os.kill(os.getpid(), 40)  # a real-time signal: no name in signal.Signals


def test_death_by_an_unnamed_signal_is_reported(config, tmp_path):
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::rnn_forward": dies_of_an_unnamed_signal})
    result = grade_submission(sub, config, parts=["rnn"], only={"rnn_forward", "word_embedding_forward"})
    assert "the student process ended (signal 40)" in messages(result, "rnn_forward")
    assert result.questions["word_embedding_forward"].passed


def leaves_a_daemon(x, h0, Wx, Wh, b):
    import subprocess

    subprocess.Popen(["sleep", "297"], start_new_session=True)
    while True:
        pass


def test_children_that_start_their_own_session_are_killed_too(config, tmp_path):
    import psutil

    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::rnn_forward": leaves_a_daemon})
    grade_submission(sub, config.with_time_limit(2), parts=["rnn"], only={"rnn_forward"})
    left = [p for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"] == ["sleep", "297"]]
    for p in left:
        p.kill()
    assert not left


def test_a_folder_submission_is_graded_from_a_copy_and_links_are_refused(config, tmp_path):
    from conftest import SOLUTIONS

    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "cs231n").symlink_to(SOLUTIONS)
    result = grade_submission(linked, config, parts=["rnn"])
    assert result.total == 0 and "refusing the symbolic link 'cs231n'" in result.error
    sub = make_submission(tmp_path / "s")
    before = sorted(p.relative_to(sub) for p in sub.rglob("*"))
    assert grade_submission(sub, config, parts=["rnn"], only={"rnn_forward"}).questions["rnn_forward"].passed
    assert sorted(p.relative_to(sub) for p in sub.rglob("*")) == before  # nothing written in place


def test_an_npz_that_unpacks_to_gigabytes_is_refused(tmp_path):
    import numpy as np
    from autograder.student_process.protocol import ProtocolError, load_arrays

    np.savez_compressed(tmp_path / "bomb.npz", junk=np.zeros(60 * 2**20))  # under 1 MB on disk
    with pytest.raises(ProtocolError, match="exceed the limit"):
        load_arrays(tmp_path / "bomb.npz")


def test_a_folder_of_submissions_with_stray_files(config, tmp_path):
    from autograder.grade.bookkeeping.batch import find_submissions, grade_many

    folder = tmp_path / "class"
    make_submission(folder / "ann")
    (folder / "bo.tar.gz").write_bytes(b"not a zip")
    (folder / ".DS_Store").write_text("")
    (folder / "__MACOSX").mkdir()
    paths = find_submissions([folder])
    assert [p.name for p in paths] == ["ann", "bo.tar.gz"]
    assert grade_many(paths, config, ["rnn"], tmp_path / "out", quiet=True) == 0
    rows = (tmp_path / "out" / "grades.csv").read_text().splitlines()
    assert rows[1].startswith("ann,ann,") and rows[1].endswith(",25,0,1,25")  # part, late days, factor, total
    assert (
        rows[2].startswith("bo.tar.gz,")
        and "a submission is a folder or a .zip file" in (tmp_path / "out" / "bo.tar.gz" / "feedback.md").read_text()
    )


def test_case_points_add_up_to_the_question_at_four_decimals():
    """results.json shows 4 decimals: 2 points over 3 cases must not add up to 2.0001."""
    from autograder.grade.judging.grader import case_points

    for points in (0, 1, 2, 5, 6, 2.5):
        for n in (1, 2, 3, 7):
            shares = case_points(points, n)
            assert len(shares) == n and sum(round(s, 4) for s in shares) == pytest.approx(points, abs=1e-12)
            assert max(shares) - min(shares) <= 1e-4 + 1e-12


# -- student processes shared by parts, and the time each question takes ----------------
def test_parts_with_the_same_limits_share_one_student_process(config, tmp_path, monkeypatch):
    from autograder.grade.judging import grader

    made = []

    class Counted(grader.StudentProcess):
        def __init__(self, *args, **kwargs):
            made.append(kwargs["limits"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(grader, "StudentProcess", Counted)
    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::rnn_step_forward": exits})
    result = grade_submission(sub, config, parts=["rnn", "lstm"], only={"rnn_step_forward", "lstm_step_forward"})
    assert len(made) == 1
    assert made[0].cpu_time == config.parts["rnn"].limits.cpu_time + config.parts["lstm"].limits.cpu_time
    assert "the student process ended (exit code 3)" in messages(result, "rnn_step_forward")
    assert result.questions["lstm_step_forward"].passed  # the next part's question: a fresh process
    assert list(result.questions) == ["rnn_step_forward", "lstm_step_forward"]


def test_parts_with_other_limits_get_a_student_process_of_their_own(config):
    import dataclasses
    from autograder.grade.running.preload import process_groups

    parts = dict(config.parts)
    parts["netvis"] = dataclasses.replace(
        parts["netvis"], limits=dataclasses.replace(parts["netvis"].limits, memory=6 * 2**30)
    )
    groups = process_groups(dataclasses.replace(config, parts=parts), list(parts))
    assert [members for members, *_ in groups] == [["rnn", "lstm"], ["netvis"], ["style", "gan"]]
    assert [preload for *_, preload in groups] == [(), ("tensorflow",), ("tensorflow",)]
    assert groups[0][1].cpu_time == sum(config.parts[p].limits.cpu_time for p in ("rnn", "lstm"))
    assert groups[1][1] == parts["netvis"].limits
    assert groups[2][1].cpu_time == sum(config.parts[p].limits.cpu_time for p in ("style", "gan"))
    assert [members for members, *_ in process_groups(config, list(config.parts))] == [
        ["rnn", "lstm"],
        ["netvis", "style", "gan"],
    ]  # the numpy parts apart: they are graded while the TensorFlow process imports it


def test_the_graders_preparation_starts_before_the_first_question_once_per_process(config, tmp_path, monkeypatch):
    import threading
    import types
    from autograder.grade.judging import grader

    events = []
    monkeypatch.setattr(grader, "start_preparing", lambda qs: events.append(("prepare", [q.id for q in qs])))
    sub = make_submission(tmp_path / "s")
    grade_submission(
        sub,
        config,
        parts=["rnn", "lstm"],
        only={"rnn_forward", "lstm_forward"},
        progress=lambda qid: events.append(("question", qid)),
    )
    assert events == [
        ("prepare", ["rnn_forward", "lstm_forward"]),
        ("question", "rnn_forward"),
        ("question", "lstm_forward"),
    ]
    monkeypatch.undo()
    calls, done = [], threading.Event()
    fake = types.SimpleNamespace(prepare=lambda: (calls.append(1), done.set()))
    monkeypatch.setattr(grader, "question_hooks", lambda qid: fake)
    monkeypatch.setattr(grader, "_prepared", set())
    questions = config.questions_in(["netvis"])
    grader.start_preparing(questions)
    grader.start_preparing(questions)  # the next submission in the same grading process
    assert done.wait(10)
    assert calls == [1]


def slow_embedding(x, W):
    import time

    time.sleep(0.5)
    return W[x], (x, W.shape)


def test_each_question_keeps_its_seconds_in_the_record_and_in_results_json(config, tmp_path):
    from autograder.grade.results import result_from_dict, result_to_dict

    sub = make_submission(tmp_path / "s", {"cs231n/rnn_layers.py::word_embedding_forward": slow_embedding})
    result = grade_submission(sub, config, parts=["rnn"], only={"word_embedding_forward", "rnn_forward"})
    slow, fast = result.questions["word_embedding_forward"], result.questions["rnn_forward"]
    assert slow.seconds >= 0.5 * len(slow.cases) and 0 < fast.seconds < slow.seconds
    again = result_from_dict(json.loads(json.dumps(result_to_dict(result))))
    assert again.questions["word_embedding_forward"].seconds == slow.seconds
    tests = [t for t in results_json(result, config)["tests"] if t["name"].startswith("word_embedding_forward:")]
    assert len(tests) == len(slow.cases)
    assert sum(t["execution_time"] for t in tests) == pytest.approx(slow.seconds, abs=0.01)


def test_the_slowest_questions_are_named_with_their_share():
    from autograder.grade.results import QuestionResult, SubmissionResult
    from autograder.grade.reports.report import slowest_questions, slowest_text

    def sub(sid, **seconds):
        return SubmissionResult(sid, {q: QuestionResult(q, "rnn", 1.0, [], s) for q, s in seconds.items()})

    results = [sub("a", rnn_forward=1.0, rnn_loss=4.0, rnn_sample=0.0), sub("b", rnn_forward=2.0, rnn_loss=1.0)]
    assert slowest_questions(results, 1) == [("rnn_loss", 5.0, 2)]
    text = slowest_text(results)
    assert text.splitlines() == [
        "slowest questions (2 submissions graded in this run, 8.0 s in all questions):",
        "  rnn_loss: 5.0 s in all, 2.50 s per submission, 62%",
        "  rnn_forward: 3.0 s in all, 1.50 s per submission, 38%",
    ]
    assert slowest_text([sub("c", rnn_forward=0.0)]) == ""


def test_tensorflow_parts_in_one_process_each_get_their_float_type(config, tmp_path):
    """Keras 3 fixes its global dtype policy when the first layer is built (here, Part 3's
    model): the GAN calls, in float64, must still get float64 layers in the same process."""
    sub = make_submission(tmp_path / "s")
    result = grade_submission(sub, config, parts=["netvis", "gan"], only={"saliency_maps", "dc_generator"})
    assert all(q.passed for q in result.questions.values()), {
        q: r.cases[0].messages for q, r in result.questions.items() if not r.passed
    }
