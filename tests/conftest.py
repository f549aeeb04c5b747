"""Shared fixtures: the configuration, and submissions made from the reference with some
functions replaced (the mutants and the broken submissions of the tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autograder.build.splice import function_source, replace_function
from autograder.config import REPO_ROOT, load_config
from autograder.grade.judging.grader import grade_submission

SOLUTIONS = REPO_ROOT / "solutions" / "cs231n"


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(autouse=True)
def fresh_zygote_state():
    """Each test starts with no failed zygote starts counted in this process (after
    MAX_FAILURES, grading in this process would start no zygote at all): a test's outcome
    must not depend on the tests that ran before it."""
    from autograder.grade.running import zygote

    zygote.reset()


def make_submission(folder: Path, replacements: dict | None = None, files: dict | None = None) -> Path:
    """A submission folder: the reference package, with functions replaced.

    Inputs:
    - replacements: {"cs231n/<file>.py::<qualname>": function object or source text}.
    - files: {relative path: text or None}; None deletes the file.
    Returns the folder.
    """
    folder = Path(folder)
    shutil.copytree(SOLUTIONS, folder / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    for target, new in (replacements or {}).items():
        rel, qualname = target.split("::")
        path = folder / rel
        src = new if isinstance(new, str) else function_source(new)
        path.write_text(replace_function(path.read_text(), qualname, src))
    for rel, text in (files or {}).items():
        path = folder / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return folder


def scores(result) -> dict:
    """{question id: score} of a SubmissionResult."""
    return {qid: q.score for qid, q in result.questions.items()}


@pytest.fixture(scope="session")
def reference_result(config, tmp_path_factory):
    """The reference graded once per session (all parts)."""
    folder = make_submission(tmp_path_factory.mktemp("reference"))
    return grade_submission(folder, config)
