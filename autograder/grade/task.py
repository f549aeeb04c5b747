"""The grading task: one submission in, plain JSON data out.

:func:`grade_task` is the one function every way of running a batch calls: the local pool
(one process per worker on this machine) and a Dask cluster (``--scheduler``) alike. It runs
in a worker process, grades with :func:`~autograder.grade.grader.grade_submission` (which
starts the student processes), and returns only JSON-able data; the caller, never the
worker, writes the reports and the gradebook. With Dask the submissions folder must be
reachable at the same path on every worker (a shared file system), and the workers must
have this project installed.
"""
from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from autograder.fixture_store import FIXTURE_DIR


def grade_task(path: str, config, parts: list, setup: str, fixture_dir: str | None = None) -> dict:
    """Grade the submission at ``path``.

    Inputs:
    - path: the submission (folder or zip), as a string.
    - config: the loaded Config (pickled to the worker).
    - parts: part ids to grade.
    - setup: the grading-setup fingerprint (record.setup_fingerprint), stored in the record.
    - fixture_dir: where the fixtures are (default: the committed ones).
    Returns {"fingerprint", "setup", "result" (record.result_to_dict), "manual" ({question id:
    answer}), "worker", "started", "seconds"}.
    """
    from autograder.grade.grader import grade_submission
    from autograder.grade.manual import extract_answers
    from autograder.grade.record import result_to_dict, submission_fingerprint
    from autograder.grade.tf_logs import silence_tensorflow_logs

    silence_tensorflow_logs()                             # once per worker process: a3's terminal stays a3's
    started = time.time()
    fingerprint = submission_fingerprint(Path(path))      # before grading: a later edit is regraded
    result = grade_submission(Path(path), config, parts, fixture_dir=Path(fixture_dir or FIXTURE_DIR))
    return {"fingerprint": fingerprint, "setup": setup, "result": result_to_dict(result),
            "manual": extract_answers(Path(path), config, parts),
            "worker": f"{socket.gethostname()}:{os.getpid()}", "started": started,
            "seconds": time.time() - started}
