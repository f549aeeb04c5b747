"""a3 build's steps: the strip, the splice, the leak check, and the committed template."""
from __future__ import annotations

import ast
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
    src = "def f(x):\n    '''Doc.'''\n    y = None\n    # BEGIN SOLUTION\n    y = x * 2\n    # END SOLUTION\n    return y\n"
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
    assert find_leaks(template, removed, config, FIXTURE_DIR, SOLUTIONS, REPO_ROOT / "autograder" / "hidden_tests") == []
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
            assert q.passed and config.questions[qid].points == 0   # complete in the template, worth nothing
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
