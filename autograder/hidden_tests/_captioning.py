"""Grader-side helpers for the captioning-model questions: the shipped data's folder; the
check of greedy captions (sample) is shared with the public cases
(autograder/student_tools/checks/captioning.py)."""

from __future__ import annotations

from autograder.question_api import ASSIGNMENT_DATA
from autograder.student_tools.checks.captioning import check_greedy  # noqa: F401  (the tests' name for it)

DATA_DIR = ASSIGNMENT_DATA / "coco_captioning"
