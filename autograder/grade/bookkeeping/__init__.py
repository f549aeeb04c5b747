"""Grading a class: the batch, its pool of grading processes and their task, the records, the
gradebook, late work, written answers and similarity."""
