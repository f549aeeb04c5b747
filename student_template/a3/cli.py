"""``a3`` for students (installed from the assignment folder): ``a3 check QUESTION``,
``a3 check --all`` and ``a3 submit``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="a3")
    sub = ap.add_subparsers(dest="verb", required=True)
    c = sub.add_parser(
        "check",
        help="run the public tests of one question, e.g. a3 check rnn_step_forward, or of all of them (a3 check --all)",
    )
    c.add_argument("question", nargs="?")
    c.add_argument("--all", action="store_true", help="every question, as a table")
    c.add_argument("--dir", default=".")
    s = sub.add_parser("submit", help="pack cs231n/ and the notebooks into submission.zip")
    s.add_argument("--dir", default=".")
    s.add_argument("--out")
    args = ap.parse_args(argv)
    if args.verb == "check":
        from .check import main as check_main, main_all

        if args.all == bool(args.question):
            c.error("give one question (a3 check rnn_step_forward) or --all")
        return main_all(Path(args.dir)) if args.all else check_main(args.question, Path(args.dir))
    from .pack import main as pack_main

    return pack_main(Path(args.dir), Path(args.out) if args.out else None)


if __name__ == "__main__":
    sys.exit(main())
