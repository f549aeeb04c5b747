"""The student side of grading: a separate process that imports the submission's package,
runs one question's calls on inputs the grader sends, and returns plain arrays.

Nothing in this subpackage compares, scores or reads expected values: it only computes.
"""
