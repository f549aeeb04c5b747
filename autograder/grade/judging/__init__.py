"""Judging: a submission's outputs against the fixtures (grader, compare), with the reference where a
check needs it, and the pictures a student's code produced."""
