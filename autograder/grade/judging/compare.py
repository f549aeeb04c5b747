"""The grader's comparisons: defined in ``autograder/student_tools/compare.py``, which ``a3 build``
ships to students, so that the public cases they run judge with the grader's own code."""

from autograder.student_tools.compare import Check, compare_array, compare_outputs, rel_error

__all__ = ["Check", "compare_array", "compare_outputs", "rel_error"]
