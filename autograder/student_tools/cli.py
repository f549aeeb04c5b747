"""``a3``'s student verbs: ``a3 check QUESTION|PART``, ``a3 check --all`` and ``a3 submit``.

One parser for both commands named ``a3``: the one installed with the assignment folder
(``a3/``, the student template) and the repository's (``autograder/cli.py``, which adds the
instructors' and TAs' verbs to these two)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# TensorFlow's start-up lines (oneDNN, CPU instructions) are not a check's result
TF_QUIET = {"TF_CPP_MIN_LOG_LEVEL": "3", "ABSL_MIN_LOG_LEVEL": "3"}


def add_student_verbs(sub) -> None:
    """Add ``check`` and ``submit`` to ``sub`` (argparse sub-parsers), each with its ``func``."""
    c = sub.add_parser(
        "check",
        help="(students) run the public tests of a question (a3 check rnn_step_forward), "
        "of a part (a3 check rnn) or of all of them (a3 check --all)",
    )
    c.add_argument("question", nargs="?", help="a question id, or a part id for all its questions")
    c.add_argument("--all", action="store_true", help="every question, as a table, part by part")
    c.add_argument("--dir", default=".", help="the assignment folder, with cs231n/ and tests/ (default: here)")
    c.set_defaults(func=_check, parser=c)
    s = sub.add_parser("submit", help="(students) pack cs231n/ and the notebooks into submission.zip")
    s.add_argument("--dir", default=".", help="the assignment folder (default: here)")
    s.add_argument("--out", help="zip to write (default: submission.zip in the folder)")
    s.set_defaults(func=_submit)


def _check(args) -> int:
    from .check import main as check_main, main_all
    from .tf_quiet import without_tensorflow_logs

    if args.all == bool(args.question):
        args.parser.error("give one question or part (a3 check rnn_step_forward, a3 check rnn) or --all")
    with without_tensorflow_logs():
        return main_all(Path(args.dir)) if args.all else check_main(args.question, Path(args.dir))


def _submit(args) -> int:
    from .pack import main as pack_main

    return pack_main(Path(args.dir), Path(args.out) if args.out else None)


def main(argv=None) -> int:
    for key, value in TF_QUIET.items():
        os.environ.setdefault(key, value)
    ap = argparse.ArgumentParser(
        prog="a3", description="a3 for students: check your work against the public tests, and pack it to submit."
    )
    sub = ap.add_subparsers(dest="verb", required=True)
    add_student_verbs(sub)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
