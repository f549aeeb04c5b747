"""Grader-side helpers for the captioning-model questions: the shipped data's folder; the
check of greedy captions (sample) is shared with the public cases
(autograder/student/checks/captioning.py)."""
from __future__ import annotations

from autograder.config import REPO_ROOT
from autograder.student.checks.captioning import check_greedy  # noqa: F401  (the tests' name for it)

DATA_DIR = REPO_ROOT / "assignment" / "data" / "coco_captioning"
