"""The attack suite: submissions that try to win points they did not earn or to hurt the
grader, each one a module (see tests/test_attacks.py for the harness).

A module defines:
- QUESTION: the question it attacks (its score must be 0).
- MESSAGE: a regular expression the report of QUESTION must match (the student is told why).
- SOURCE: the attacking function, replacing ``TARGET`` in the reference package; it may use
  the placeholders $REPO (the repository), $OUT (a folder with the gradebook of a previous
  run), $MARKER (a file that must never appear), $PORT (a listener on 127.0.0.1 outside the
  sandbox), filled in by the harness with string.Template.
- optional TARGET (default cs231n/rnn_layers.py::rnn_step_forward), LIMITS (overrides of the
  part's resource limits), TIME_LIMIT (seconds per question).

Every attack is bounded by its own code (a fork bomb forks at most 300 processes, a memory
bomb asks for at most 6 GiB, a loop stops after a minute), so a defence that fails shows up
as a failed test, never as a machine brought down.
"""
