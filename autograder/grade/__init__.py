"""Grading: run a submission's code in a student process, compare in the grader, score, report."""
