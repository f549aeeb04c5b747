"""The a3 engine: grades CS231n assignment 3 submissions (see README.md, "Layout").

Where to start: ``cli.py`` (the ``a3`` command) and ``gradescope.py`` (Gradescope's entry
point) call ``grade/``; ``config.py`` loads grading_config.yml; ``question_api.py`` is all a
hidden test (``hidden_tests/``) may use of the engine; ``student_process/`` is the code that
runs inside the sandbox, next to the student's.

Layers (imports point down; tests/test_layers.py reads them and fails on one pointing up,
and on two modules that import each other)::

    cli.py, gradescope.py            entry points: nothing imports them
      grade/bookkeeping/             a class: batch, pool of workers, grading task, records,
        |                            gradebook, late work, written answers, similarity
      grade/reports/                 results.json, feedback.md/.html, class page, TAs' pages
        |
      grade/judging/                 one submission: run its questions, compare, score
        |
      grade/running/                 student processes: sandbox, zygote, exchange, preload
    grade/results.py, grade/files.py   the result types and atomic_write: any layer uses
                                       them, they import nothing of the engine
    student_process/                 the student's side: imports nothing of grade/

Glossary (each word means this and only this in the code):

- **student**: the person who hands in a submission (``student_id`` in the gradebook).
- **submission**: what a student hands in: a folder holding ``cs231n/`` or a zip of one; its
  id is the folder's or zip's name.
- **part**: a group of questions of grading_config.yml (``rnn``, ``lstm``, ``netvis``,
  ``style``, ``gan``), with its points and resource limits; ``--parts`` chooses some.
- **question**: one graded function of a part (``rnn_step_forward``), with its hidden test
  (``hidden_tests/<id>.py``) and its points, split evenly over its cases.
- **case**: one set of inputs of a question (``CASES`` of its hidden test), public or
  hidden; a case scores when every check of its outputs passes.
- **student process**: the sandboxed process (``python -m autograder.student_process``) that
  imports a submission's package and runs its functions on a case's inputs, returning only
  arrays; one per group of parts (grade/running/preload.py), a fresh one after a crash.
- **isolation**: how a student process is kept from the grader (``sandbox.Isolation``):
  ``BUBBLEWRAP`` (its own namespaces, uid and seccomp filter), ``UID`` (the fallback as
  root, e.g. in Gradescope's Docker: its own uid and the filter) or ``LIMITS_ONLY`` (trusted
  submissions only); the **sandbox** is the object that runs one student process that way
  (``Bubblewrap``, ``UidFallback``, ``LimitsOnly``: prepare, command, describe, close).
- **zygote**: a pre-started student process that has imported the libraries once and forks
  one child per submission (grade/running/zygote.py); the child is that submission's student
  process.
- **grading process**: the process that grades one submission at a time
  (``grade_submission``: starts its student processes, compares, scores), under a memory
  limit and a deadline (grade/bookkeeping/task.py); kept for the next submission.
- **worker**: a process of ``a3 grade``'s pool (local, or a Dask worker) that runs grading
  tasks, each in its grading process; never a student process.
- **status**: a submission's ``SubmissionStatus`` (grade/results.py): ``graded``, ``could not
  be opened``, ``timed out`` or ``grader error``.
- **record**: what is kept of a graded submission, ``<out>/<id>/graded.json``
  (``results.Record``): its result, fingerprints, written answers; a rerun reads it.
"""

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent  # the checkout (config.REPO_ROOT re-exports it)

# nbformat imports jsonschema, whose format checkers import rfc3987_syntax if it is installed
# (a dependency of the Jupyter packages otter brings); that import compiles 39 lark grammars,
# 2 to 4 s in every a3 process that reads a notebook, for an IRI check nbformat never makes.
# Marked missing, jsonschema skips that one checker (it imports it under suppress(ImportError)).
sys.modules.setdefault("rfc3987_syntax", None)
