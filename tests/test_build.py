"""a3 build's steps: the strip, the splice, the leak check, and the committed template."""

from __future__ import annotations

import ast
import dataclasses
import json
import shutil

import pytest

from autograder.build import BuildError
from autograder.build.leaks import find_leaks
from autograder.build.strip import strip_package, strip_source
from autograder.config import REPO_ROOT
from autograder.fixture_store import FIXTURE_DIR

TEMPLATE = REPO_ROOT / "student_template"
SOLUTIONS = REPO_ROOT / "solutions"


def test_strip_replaces_regions_with_a_raise_naming_the_question():
    src = "def f(x):\n    '''Doc.'''\n    y = None\n    # BEGIN SOLUTION\n    y = x * 2\n    # END SOLUTION\n    return y\n"  # noqa: E501
    text, removed = strip_source(src, "cs231n/m.py", {"cs231n/m.py::f": ["q_f"]})
    assert "y = x * 2" not in text and removed == ["    y = x * 2\n"]
    assert 'raise NotImplementedError("q_f: f is not implemented yet' in text
    assert "'''Doc.'''" in text and "return y" in text
    ast.parse(text)


def test_strip_refuses_unbalanced_markers():
    with pytest.raises(BuildError, match="BEGIN SOLUTION without END SOLUTION"):
        strip_source("def f():\n    # BEGIN SOLUTION\n    return 1\n", "m.py", {})


def test_committed_template_has_every_stub_and_no_solution(config):
    for q in config.questions.values():
        if q.given:
            continue
        text = (TEMPLATE / q.file).read_text()
        assert f"{q.id}" in text and "NotImplementedError" in text, q.id
    for path in (TEMPLATE / "cs231n").rglob("*.py"):
        assert "BEGIN SOLUTION" not in path.read_text()


def test_leak_check_finds_a_planted_solution_line_and_a_hidden_value(config, tmp_path):
    template = tmp_path / "t"
    removed = strip_package(SOLUTIONS / "cs231n", template / "cs231n", config)
    assert (
        find_leaks(template, removed, config, FIXTURE_DIR, SOLUTIONS, REPO_ROOT / "autograder" / "hidden_tests") == []
    )
    leaked = next(ln for ln in removed["cs231n/rnn_layers.py"] if "tanh" in ln)
    (template / "cs231n" / "extra.py").write_text(leaked)
    from autograder.fixture_store import read_fixture

    inputs, expected = read_fixture("rnn_forward")["random"]
    (template / "notes.md").write_text(f"h[0, 0, 0] = {expected['h'].ravel()[0]:.8f}\n")
    leaks = find_leaks(template, removed, config, FIXTURE_DIR, SOLUTIONS, REPO_ROOT / "autograder" / "hidden_tests")
    assert any("a line of the reference solution" in leak for leak in leaks)
    assert any("an expected value of a hidden test case" in leak for leak in leaks)


def test_template_scores_zero_with_not_implemented_messages(config):
    from autograder.grade.judging.grader import grade_submission

    result = grade_submission(TEMPLATE, config)
    given = {q.id for q in config.questions.values() if q.given}
    assert result.total == 0
    for qid, q in result.questions.items():
        if qid in given:
            assert q.passed and config.questions[qid].points == 0  # complete in the template, worth nothing
            continue
        assert q.score == 0 and not q.passed, qid
        text = " ".join(m for c in q.cases for m in c.messages)
        assert "not implemented yet" in text and qid in text, text
        assert "Traceback" not in text


def test_example_recipes_make_the_submissions_they_describe(config, tmp_path):
    from autograder.build.examples import build_examples
    from autograder.grade.judging.grader import grade_submission

    made = {p.name: p for p in build_examples(tmp_path, log=lambda m: None)}
    assert {"reference", "template", "alice", "bob", "carol", "dave.zip", "erin.zip"} <= set(made)
    bob = grade_submission(made["bob"], config, only={"lstm_step_forward", "lstm_backward", "rnn_forward"})
    assert bob.questions["rnn_forward"].passed and not bob.questions["lstm_step_forward"].passed
    assert "lstm_backward is not implemented yet" in bob.questions["lstm_backward"].cases[0].messages[0]
    erin = grade_submission(made["erin.zip"], config, parts=["rnn"])
    assert "no cs231n/__init__.py" in erin.error


def test_check_reports_stale_files_and_fixtures(config, tmp_path):
    from autograder.build.pipeline import compare_fixtures, compare_trees

    committed = tmp_path / "committed"
    shutil.copytree(TEMPLATE / "cs231n", committed / "cs231n")
    fresh = tmp_path / "fresh"
    shutil.copytree(TEMPLATE / "cs231n", fresh / "cs231n")
    assert compare_trees(fresh, committed, "student_template") == []
    (committed / "cs231n" / "optim.py").write_text("# edited by hand\n")
    (fresh / "cs231n" / "new.py").write_text("")
    problems = compare_trees(fresh, committed, "student_template")
    assert "student_template/cs231n/optim.py: stale (differs from what `a3 build` makes)" in problems
    assert "student_template/cs231n/new.py: missing (run `a3 build`)" in problems
    from autograder.fixture_store import read_fixture, write_fixture

    cases = read_fixture("rnn_forward", FIXTURE_DIR)
    write_fixture(tmp_path / "a" / "rnn_forward.h5", cases)
    inputs, expected = cases["random"]
    write_fixture(tmp_path / "b" / "rnn_forward.h5", {**cases, "random": (inputs, {"h": expected["h"] * 1.001})})
    assert compare_fixtures(tmp_path / "a", tmp_path / "a") == []
    assert compare_fixtures(tmp_path / "a", tmp_path / "b") == ["fixtures/rnn_forward.h5: random/expected/h is stale"]


# --- a build a TA can trust: the reference judged, byte-stable fixtures, the change summary ---


def _only(config, qid):
    """The config restricted to one question (the other parts have none)."""
    import dataclasses

    q = config.questions[qid]
    parts = {
        pid: dataclasses.replace(part, questions={qid: q} if pid == q.part else {})
        for pid, part in config.parts.items()
    }
    return dataclasses.replace(config, parts=parts, questions={qid: q})


def test_build_fails_naming_the_case_when_the_reference_is_wrong(config, tmp_path, monkeypatch):
    """The TA's slip `+ b` -> `+ 2 * b` in rnn_step_forward: the build stops, naming the
    question, the case and the grader's message, and writes no fixture."""
    from autograder.build import fixtures

    wrong = tmp_path / "solutions"
    shutil.copytree(SOLUTIONS / "cs231n", wrong / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    layers = wrong / "cs231n" / "rnn_layers.py"
    text = layers.read_text()
    assert "prev_h.dot(Wh) + b)" in text
    layers.write_text(text.replace("prev_h.dot(Wh) + b)", "prev_h.dot(Wh) + 2 * b)", 1))
    monkeypatch.setattr(fixtures, "SOLUTIONS", wrong)
    with pytest.raises(
        BuildError,
        match=r"the reference fails rnn_step_forward case linspace \(public\).*"
        r"published values: next_h: error .* > 5e-08",
    ):
        fixtures.compute_fixtures(_only(config, "rnn_step_forward"), tmp_path / "fx", log=lambda m: None)
    assert not (tmp_path / "fx" / "rnn_step_forward.h5").exists()


def test_a_rebuild_with_the_same_values_leaves_the_fixture_untouched(config, tmp_path):
    import os
    from autograder.build.fixtures import compute_fixtures

    one = _only(config, "rnn_step_forward")
    assert compute_fixtures(one, tmp_path, log=lambda m: None) == {"rnn_step_forward": "new"}
    path = tmp_path / "rnn_step_forward.h5"
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    data = path.read_bytes()
    assert compute_fixtures(one, tmp_path, log=lambda m: None) == {"rnn_step_forward": "unchanged"}
    assert path.read_bytes() == data and path.stat().st_mtime_ns == 1_000_000_000


def _reference_runs(qid):
    """{case: CaseOutcome} as the reference's: the committed fixture's expected values."""
    from autograder.fixture_store import read_fixture
    from autograder.grade.running.student_process import CaseOutcome

    fixture = read_fixture(qid, FIXTURE_DIR)
    return fixture, {case: CaseOutcome("ok", "", dict(expected or {})) for case, (_, expected) in fixture.items()}


def test_judge_reference_uses_the_graders_judgement(config):
    from autograder.build.fixtures import judge_reference
    from autograder.grade.running.student_process import CaseOutcome

    for qid in ("rnn_step_forward", "rnn_loss", "rnn_sample", "tv_loss"):
        judge_reference(config.questions[qid], *_reference_runs(qid))  # the committed reference passes
    fixture, runs = _reference_runs("rnn_loss")
    runs["published"] = CaseOutcome(
        "ok", "", {**runs["published"].outputs, "loss": runs["published"].outputs["loss"] + 0.01}
    )
    cases = {c: (i, runs[c].outputs) for c, (i, _) in fixture.items()}
    with pytest.raises(
        BuildError, match=r"rnn_loss case published \(public\), against the course's published values: loss"
    ):
        judge_reference(config.questions["rnn_loss"], cases, runs)
    fixture, runs = _reference_runs("rnn_sample")
    runs["greedy"] = CaseOutcome("error", "IndexError: index 3 is out of bounds")
    with pytest.raises(BuildError, match=r"rnn_sample case greedy \(public\): raised an error: IndexError"):
        judge_reference(config.questions["rnn_sample"], fixture, runs)


def test_store_fixture_writes_only_changed_values(tmp_path):
    from autograder.build.fixtures import store_fixture
    from autograder.fixture_store import read_fixture

    cases = read_fixture("rnn_forward", FIXTURE_DIR)
    path = tmp_path / "rnn_forward.h5"
    assert store_fixture(path, cases) == "new"
    assert store_fixture(path, cases) == "unchanged"
    inputs, expected = cases["random"]
    assert store_fixture(path, {**cases, "random": (inputs, {"h": expected["h"] * 1.001})}) == "changed"
    assert read_fixture("rnn_forward", tmp_path)["random"][1]["h"][0, 0, 0] == expected["h"][0, 0, 0] * 1.001


def test_the_build_summary_names_what_changed():
    from autograder.build.pipeline import Changes

    fixtures = {"rnn_loss": "changed", "lstm_loss": "changed", "tv_loss": "unchanged", "old_q": "removed"}
    before = {"RNN_Captioning.ipynb": "a", "GANs.ipynb": "b", "tests/public/rnn_loss.npz": "c", "cs231n/x.py": "d"}
    after = {
        "RNN_Captioning.ipynb": "a2",
        "GANs.ipynb": "b",
        "tests/public/rnn_loss.npz": "c",
        "cs231n/x.py": "d",
        "tests/public/new.npz": "e",
    }
    assert Changes(fixtures, before, after).summary().splitlines() == [
        "fixtures: 2 changed (rnn_loss, lstm_loss), 1 removed (old_q), 1 unchanged",
        "student notebooks: 1 changed (RNN_Captioning.ipynb)",
        "public data: 1 new (tests/public/new.npz)",
        "public tests: unchanged",
        "student package: unchanged",
        "other template files: unchanged",
    ]


def test_check_names_public_data_made_with_another_threshold(config, tmp_path):
    """A threshold changed in grading_config.yml reaches the public data, and the check
    that `a3 build --check` makes names the stale file."""
    import dataclasses
    from autograder.build.pipeline import compare_trees
    from autograder.build.public_data import write_public_data

    q = config.questions["rnn_step_forward"]
    changed = _only(config, "rnn_step_forward")
    changed.parts["rnn"].questions["rnn_step_forward"] = dataclasses.replace(q, threshold=q.threshold * 10)
    changed.questions["rnn_step_forward"] = changed.parts["rnn"].questions["rnn_step_forward"]
    write_public_data(_only(config, "rnn_step_forward"), FIXTURE_DIR, tmp_path / "same" / "tests" / "public")
    write_public_data(changed, FIXTURE_DIR, tmp_path / "fresh" / "tests" / "public")
    shutil.copy(TEMPLATE / "tests" / "public" / "rnn_step_forward.npz", tmp_path / "committed.npz")
    assert (tmp_path / "same" / "tests" / "public" / "rnn_step_forward.npz").read_bytes() == (
        tmp_path / "committed.npz"
    ).read_bytes()
    (tmp_path / "committed" / "tests" / "public").mkdir(parents=True)
    shutil.copy(tmp_path / "committed.npz", tmp_path / "committed" / "tests" / "public" / "rnn_step_forward.npz")
    shutil.copy(tmp_path / "same" / "tests" / "public" / "index.json", tmp_path / "committed" / "tests" / "public")
    assert compare_trees(tmp_path / "fresh", tmp_path / "committed", "student_template") == [
        "student_template/tests/public/rnn_step_forward.npz: stale (differs from what `a3 build` makes)"
    ]


# --- the leak check: each kind of leak is named, the given code is not ---


def _stripped(config, tmp_path):
    template = tmp_path / "t"
    return template, strip_package(SOLUTIONS / "cs231n", template / "cs231n", config)


def _leaks(template, removed, config):
    return find_leaks(template, removed, config, FIXTURE_DIR, SOLUTIONS, REPO_ROOT / "autograder" / "hidden_tests")


def test_leak_check_names_a_solution_line_behind_a_comment(config, tmp_path):
    template, removed = _stripped(config, tmp_path)
    path = template / "cs231n" / "rnn_layers.py"
    text = path.read_text()
    todo = "    # TODO (rnn_step_forward): write your code here, in place of the raise below.\n"
    assert todo in text
    path.write_text(text.replace(todo, todo + "    # hint: next_h = np.tanh(x.dot(Wx) + prev_h.dot(Wh) + b)\n", 1))
    leaks = _leaks(template, removed, config)
    assert len(leaks) == 1 and "rnn_layers.py:" in leaks[0], leaks
    assert "a line of the reference solution, in a comment: # hint: next_h = np.tanh(" in leaks[0]


def test_leak_check_names_a_short_solution_line(config, tmp_path):
    template, removed = _stripped(config, tmp_path)
    assert any(ln.strip() == "out = W[x]" for ln in removed["cs231n/rnn_layers.py"])
    (template / "notes.md").write_text("The embedding is one line:\n\n    out = W[x]\n")
    cell = {"cell_type": "code", "source": ["W = np.eye(3)\n", "#  out=W[x]  is all it takes\n"]}
    (template / "Notebook.ipynb").write_text(json.dumps({"cells": [cell]}, indent=1))
    leaks = _leaks(template, removed, config)
    assert [leak.split("/")[-1] for leak in leaks] == [
        "Notebook.ipynb:7: a line of the reference solution, in a comment: #  out=W[x]  is all it takes",
        "notes.md:3: a line of the reference solution: out = W[x]",
    ]


def test_leak_check_does_not_name_the_given_code(config, tmp_path):
    """Lines the template shows anyway are no leak, as code or behind a comment: a docstring's
    equation, a given loop's line, a line of a solution region that is also given code."""
    from autograder.build.leaks import given_lines, squeeze

    template, removed = _stripped(config, tmp_path)
    given = given_lines(SOLUTIONS)
    both = sorted(
        {
            ln.strip()
            for lines in removed.values()
            for ln in lines
            if squeeze(ln) in given and len(squeeze(ln)) >= 8 and "=" in ln
        }
    )
    assert both, "a line that is both solution and given code"
    layers = (template / "cs231n" / "rnn_layers.py").read_text()
    equation = next(ln.strip() for ln in layers.splitlines() if "next_c = f * prev_c + i * g," in ln)
    assert any(ln.strip() == "next_c = f * prev_c + i * g" for ln in removed["cs231n/rnn_layers.py"])
    solver = (template / "cs231n" / "captioning_solver.py").read_text()
    loop = [ln.strip() for ln in solver.splitlines() if "for t in range(num_iterations)" in ln or "self._step()" in ln]
    assert len(loop) == 2
    lines = [both[0], equation, *loop]
    (template / "notes.md").write_text("".join(f"{ln}\n# hint: {ln}\n" for ln in lines))
    assert _leaks(template, removed, config) == []


def test_the_published_values_of_a_hidden_test_are_no_leak(config, tmp_path):
    """The course's published values (a hidden test's PUBLISHED) are printed by the notebooks;
    the other lines of a hidden test are still leaks."""
    template, removed = _stripped(config, tmp_path)
    source = (REPO_ROOT / "autograder" / "hidden_tests" / "rnn_step_forward.py").read_text()
    row = next(ln.strip() for ln in source.splitlines() if ln.strip().startswith("[0.66854692"))
    case_line = next(ln.strip() for ln in source.splitlines() if "N, D, H = 6, 7, 5" in ln)
    (template / "notes.md").write_text(f"{row}\n{case_line}\n")
    assert [leak.split("/")[-1] for leak in _leaks(template, removed, config)] == [
        f"notes.md:2: a line of a hidden test: {case_line}"
    ]


def test_a_build_removes_the_fixture_of_a_question_no_longer_configured(config, tmp_path):
    from autograder.build.pipeline import remove_unlisted_fixtures

    shutil.copy(FIXTURE_DIR / "rnn_forward.h5", tmp_path / "rnn_forward.h5")
    shutil.copy(FIXTURE_DIR / "rnn_forward.h5", tmp_path / "rnn_gone.h5")
    assert remove_unlisted_fixtures(tmp_path, config) == {"rnn_gone": "removed"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rnn_forward.h5"]


# --- a failed build changes no file (it builds in a staging folder) ---


def _tree_bytes(root):
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_a_build_that_fails_at_a_late_step_changes_no_file(config, tmp_path, monkeypatch, capsys):
    """The strip and the copies have run when the fixtures step fails (after writing one
    fixture): the template (whose rnn_layers.py the strip would rewrite) and the fixtures are
    byte for byte as before, and the message says so."""
    from autograder.build import pipeline

    template, fixtures = tmp_path / "student_template", tmp_path / "fixtures"
    shutil.copytree(TEMPLATE, template, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE_DIR, fixtures)
    with open(template / "cs231n" / "rnn_layers.py", "a") as f:
        f.write("# a line the strip would remove\n")
    shutil.rmtree(template / "a3" / "checks")  # the copy step would put it back
    before = (_tree_bytes(template), _tree_bytes(fixtures))

    def failing_fixtures(config, out_dir, log=print):
        (out_dir / "rnn_step_forward.h5").write_bytes(b"half written")
        raise BuildError("the reference fails rnn_step_forward case linspace (public): planted")

    monkeypatch.setattr(pipeline, "TEMPLATE", template)
    monkeypatch.setattr(pipeline, "FIXTURE_DIR", fixtures)
    monkeypatch.setattr(pipeline, "compute_fixtures", failing_fixtures)
    monkeypatch.setattr(pipeline, "load_config", lambda: config)
    assert pipeline.main(skip_notebooks=True) == 2
    after = (_tree_bytes(template), _tree_bytes(fixtures))
    assert [sorted(set(a) ^ set(b)) for a, b in zip(after, before)] == [[], []]
    assert after == before
    assert "no file was changed" in capsys.readouterr().err


def test_replace_tree_copies_changes_deletes_the_rest_and_leaves_equal_files(tmp_path):
    from autograder.build.pipeline import replace_tree

    staged, dest = tmp_path / "staged", tmp_path / "dest"
    for root, files in (
        (staged, {"same.txt": "a", "sub/changed.txt": "new", "added.txt": "x"}),
        (dest, {"same.txt": "a", "sub/changed.txt": "old", "gone/old.txt": "y"}),
    ):
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
    import os

    os.utime(dest / "same.txt", (1, 1))
    replace_tree(staged, dest)
    assert {rel: b.decode() for rel, b in _tree_bytes(dest).items()} == {
        "added.txt": "x",
        "same.txt": "a",
        "sub/changed.txt": "new",
    }
    assert (dest / "same.txt").stat().st_mtime == 1 and not (dest / "gone").exists()


# --- the TA's recipe: a missing call, a case's own threshold, prose that quotes a threshold ---


def test_a_missing_call_is_named_with_where_to_add_it(config):
    from autograder.build.fixtures import check_calls

    q = dataclasses.replace(config.questions["rnn_step_forward"], id="relu_step_forward")
    with pytest.raises(
        BuildError, match=r"no call for relu_step_forward .*CALLS\['<id>'\].*autograder/student_process/calls/"
    ):
        check_calls(dataclasses.replace(config, questions={q.id: q}))
    check_calls(config)  # the shipped config has every call


def test_a_cases_own_threshold_reaches_the_grader_and_the_public_data(config, tmp_path):
    """rnn_step_forward at 1e-8 with linspace's own 1e-3: an answer off by 1e-5 passes linspace
    and fails random, in judge_outputs (the grader's and a3 check's judgement), and the public
    data carries linspace's threshold."""
    import numpy as np

    from autograder.build.public_data import public_arrays, write_npz
    from autograder.fixture_store import read_fixture
    from autograder.student_tools.judging import judge_outputs
    from autograder.student_tools.public_cases import load_cases

    q = dataclasses.replace(config.questions["rnn_step_forward"], case_thresholds={"linspace": 1e-3})
    fixture = read_fixture(q.id, FIXTURE_DIR)
    for case, passes in (("linspace", True), ("random", False)):
        expected = fixture[case][1]
        off = {k: np.asarray(v) * (1 + 1e-5) for k, v in expected.items()}
        checks = judge_outputs(q, case, off, expected, fixture[case][0])
        assert all(c.passed for c in checks) is passes, (case, [c.message for c in checks])
    (tmp_path / "tests" / "public").mkdir(parents=True)
    write_npz(tmp_path / "tests" / "public" / f"{q.id}.npz", public_arrays(q, fixture, 231))
    public, _ = load_cases(q.id, tmp_path)
    assert (public.threshold, public.case_thresholds) == (1e-8, {"linspace": 1e-3})


def test_notebook_prose_quotes_the_configured_threshold(config):
    import nbformat

    from autograder.build.notebooks import inject_thresholds

    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("an error around `{{threshold:rnn_step_forward}}`")]
    )
    assert inject_thresholds(nb, config).cells[0].source == "an error around `1e-8`"
    q = dataclasses.replace(config.questions["rnn_step_forward"], threshold=1e-6)
    changed = dataclasses.replace(config, questions=dict(config.questions, rnn_step_forward=q))
    assert inject_thresholds(nb, changed).cells[0].source == "an error around `1e-6`"
    nb.cells[0].source = "{{threshold:rnn_step_fwd}}"
    with pytest.raises(BuildError, match=r"RNN.py: \{\{threshold:rnn_step_fwd\}\} names no question"):
        inject_thresholds(nb, config, "RNN.py")
    student = (TEMPLATE / "RNN_Captioning.ipynb").read_text()  # the built notebook: the value, no placeholder
    assert "{{threshold:" not in student and "you should see an error around `1e-8` or less" in student
