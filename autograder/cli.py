"""The ``a3`` command: one verb per workflow.

- ``a3 grade SUBMISSION... --out DIR``  grade folders or zips in parallel, resumably; gradebook and
  reports (instructors)
- ``a3 build [--check]``                regenerate (or verify) the student template and fixtures (TAs)
- ``a3 examples [--out DIR]``           make the example submissions (reference, template, buggy ones)
- ``a3 check QUESTION|PART|--all``     run public tests on an assignment folder, e.g. student_template/
  (students; the same verb as the template's own ``a3``: autograder/student_tools/cli.py)
- ``a3 submit [--dir DIR]``             pack a submission zip (students)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# the grader imports TensorFlow for some checks (Part 3's fooling images): keep its start-up
# chatter (CPU instructions, oneDNN) out of the instructor's terminal
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # and grade/reports/tf_logs.py filters what is printed anyway

from autograder.config import DEFAULT_CONFIG


def _grade(args) -> int:
    from autograder.config import ConfigError, load_config
    from autograder.grade.bookkeeping.batch import find_submissions, grade_many

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"a3 grade: {exc}", file=sys.stderr)
        return 2
    parts = args.parts.split(",") if args.parts else list(config.parts)
    unknown = [p for p in parts if p not in config.parts]
    if unknown:
        print(f"a3 grade: unknown part(s) {', '.join(unknown)}; parts are {', '.join(config.parts)}", file=sys.stderr)
        return 2
    from autograder.grade import environment

    found = environment.faults(config, parts)  # a broken grader grades nobody
    if found:
        print(f"a3 grade: {environment.broken_message(found)}", file=sys.stderr)
        return environment.EXIT_BROKEN
    paths = find_submissions([Path(s) for s in args.submissions])
    from autograder.config import REPO_ROOT
    from autograder.grade.running import fallback

    try:
        isolation = fallback.announce(args.trusted_submissions)  # says which, once
    except fallback.IsolationRefused as exc:
        print(f"a3 grade: {exc}", file=sys.stderr)
        return 2
    if isolation == "uid":  # made now, so that it is closed to the student uid too
        Path(args.out).mkdir(parents=True, exist_ok=True)
    with fallback.closed_while_grading(isolation, REPO_ROOT, [Path(args.out), *map(Path, args.submissions), *paths]):
        return grade_many(
            paths,
            config,
            parts,
            Path(args.out),
            quiet=args.quiet,
            workers=args.workers,
            scheduler=args.scheduler,
            regrade=args.regrade,
            release=args.release,
            similarity=not args.no_similarity,
        )


def _positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a number of processes (at least 1)")
    return value


def _parts_help() -> str:
    """The part ids of the default grading_config.yml with their titles and points, for --help."""
    try:
        from autograder.config import load_config

        config = load_config(DEFAULT_CONFIG)
    except Exception as exc:  # --help must work even with a broken configuration
        return f"part ids: see grading_config.yml (it could not be read: {exc})"
    return "part ids (--parts), from grading_config.yml:\n" + "\n".join(
        f"  {p.id:8} {p.title} ({p.points:g} points)" for p in config.parts.values()
    )


def _build(args) -> int:
    from autograder.build.pipeline import main as build_main

    return build_main(check=args.check, skip_notebooks=args.skip_notebooks)


def _examples(args) -> int:
    from autograder.build.examples import EXAMPLES, build_examples

    made = build_examples(Path(args.out) if args.out else EXAMPLES, log=lambda m: None)
    print(f"wrote {len(made)} example submissions to {made[0].parent}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="a3", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="verb", required=True)
    g = sub.add_parser(
        "grade",
        help="(instructors) grade submissions (folders or zips)",
        epilog=_parts_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Grade submissions into --out: per submission results.json, feedback.md and\n"
        "feedback.html; for the class grades.csv, lms.csv, index.html (the class page)\n"
        "and similarity.html, made from every submission recorded in --out.",
    )
    g.add_argument("submissions", nargs="+", help="submission folders or zips, or a folder of them")
    g.add_argument("--out", required=True, help="folder for grades.csv and the per-submission reports")
    g.add_argument("--parts", help="comma-separated part ids, listed below (default: all)")
    g.add_argument("--config", default=DEFAULT_CONFIG, help="grading_config.yml (default: the repository's)")
    g.add_argument(
        "--workers",
        type=_positive_int,
        help="worker processes on this machine, at least 1 (default: the number of cores)",
    )
    g.add_argument("--scheduler", help="grade on a Dask cluster: its scheduler's address, e.g. tcp://HOST:8786")
    g.add_argument(
        "--regrade",
        action="append",
        default=[],
        metavar="ID",
        help="grade this submission again even if it is graded already (repeatable)",
    )
    g.add_argument(
        "--release",
        action="store_true",
        help="show hidden cases' messages in the students' feedback (after the grades are released)",
    )
    g.add_argument(
        "--trusted-submissions",
        action="store_true",
        help="grade even where student code cannot be isolated (no bubblewrap, not root): limits only",
    )
    g.add_argument("--no-similarity", action="store_true", help="do not write the similarity report")
    g.add_argument("--quiet", action="store_true")
    g.set_defaults(func=_grade)
    b = sub.add_parser("build", help="(TAs) regenerate the student template, fixtures and public tests")
    b.add_argument("--check", action="store_true", help="fail if the committed files are stale or leak")
    b.add_argument("--skip-notebooks", action="store_true", help="do not run Otter Assign")
    b.set_defaults(func=_build)
    e = sub.add_parser("examples", help="(TAs) make the example submissions from the reference and the recipes")
    e.add_argument("--out", help="folder to write them to (default: examples/submissions)")
    e.set_defaults(func=_examples)
    from autograder.student_tools.cli import add_student_verbs

    add_student_verbs(sub)  # check and submit: the very parser of the template's a3
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
