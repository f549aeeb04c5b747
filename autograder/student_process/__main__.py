"""The student process: ``python -m autograder.student_process --submission DIR --fd-in R --fd-out W``
(or, pre-started once per grading process, ``--zygote``: see zygote.py, whose children run ``serve``).

It reads one request per line from fd R (``protocol.Request``: ``{"id": request id,
"question": id, "cases": [names], "in_dir": path}``), runs ``calls.<id>`` on each case's
inputs (``in_dir/<case>.npz``, a folder it may only read) and answers on fd W with one line
(``protocol.Reply``: ``{"id": request id, "question": id, "cases": {case: {"status": ...,
"message": ... or "arrays": [[name, nbytes], ...]}}}``) followed at once by the outputs'
bytes, case after case (``protocol.encode_arrays``). Status is ``ok``, ``not_implemented`` or
``error``. If the question's code replaced functions of loaded modules (``tamper.Snapshot``,
best effort), the reply also has ``"tampered": [names]`` and the student process exits: the
grader starts a fresh one.
Student prints go to stderr, which the grader sends to a log file; anything else written on
fd W that does not answer the current request id is skipped by the grader.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="python -m autograder.student_process")
    ap.add_argument("--submission")
    ap.add_argument("--fd-in", type=int)
    ap.add_argument("--fd-out", type=int)
    ap.add_argument("--seed", type=int, default=231)
    ap.add_argument("--zygote", action="store_true", help="pre-start: fork a child per submission (zygote.py)")
    ap.add_argument("--fd-control", type=int, help="with --zygote: the grader's control socket")
    ap.add_argument("--preload", default="", help="with --zygote: comma-separated, e.g. tensorflow")
    ap.add_argument("--fd-seccomp", type=int, help="a descriptor holding the seccomp filter to load first")
    args = ap.parse_args(argv)
    if args.fd_seccomp is not None:  # the uid fallback: no bubblewrap loaded the filter
        from autograder.student_process import seccomp

        seccomp.load(seccomp.read_fd(args.fd_seccomp))
    if args.zygote:
        from autograder.student_process import zygote

        zygote.main(args.fd_control, [n for n in args.preload.split(",") if n], serve)
        return
    if args.submission is None or args.fd_in is None or args.fd_out is None:
        ap.error("--submission, --fd-in and --fd-out are required")
    serve(args.submission, args.fd_in, args.fd_out, args.seed)


def serve(submission: str, fd_in: int, fd_out: int, seed: int, snapshot=None) -> None:
    """Answer the grader's requests on ``fd_in`` (see the module's docstring) for the
    submission folder ``submission`` until the grader closes the pipe. ``snapshot``: the
    tamper.Snapshot a zygote took before forking (the same state), else one is taken now."""
    requests = os.fdopen(fd_in, "r")
    replies = os.fdopen(fd_out, "wb")
    os.dup2(2, 1)  # student prints: to the log, not the protocol
    sys.stdout = sys.stderr

    import numpy as np  # noqa: F401  (loaded before the time limit starts)
    from autograder.student_process import calls
    from autograder.student_process.package import StudentPackage, SubmissionError
    from autograder.student_process.protocol import (
        READY,
        CaseReply,
        ProtocolError,
        Reply,
        Request,
        encode_arrays,
        load_arrays,
        parse,
        send,
    )

    from autograder.student_process.tamper import Snapshot

    pkg = StudentPackage(submission)
    snapshot = snapshot or Snapshot()
    send(replies, READY)
    for line in requests:
        request = Request.from_wire(parse(line))
        answers, data = {}, []
        for case in request.cases:
            np.random.seed(seed)
            try:
                inputs = load_arrays(os.path.join(request.in_dir, case + ".npz"), allow_text=True)
                outputs = calls.CALLS[request.question](pkg, **inputs)
                layout, raw = encode_arrays(outputs)
                answers[case] = CaseReply("ok", arrays=layout)
                data.append(raw)
            except NotImplementedError as exc:
                answers[case] = CaseReply("not_implemented", str(exc) or "NotImplementedError")
            except (SubmissionError, calls.CallError, ProtocolError) as exc:
                answers[case] = CaseReply("error", str(exc))
            except BaseException as exc:  # SystemExit, KeyboardInterrupt: still only this case
                answers[case] = CaseReply("error", pkg.format_exception(exc))
        replaced = snapshot.replaced()
        send(replies, Reply(request.id, request.question, answers, tuple(replaced)).to_wire(), b"".join(data))
        if replaced:  # the next question gets a fresh interpreter
            os._exit(0)
        snapshot.update()  # modules the question imported are watched from now on


if __name__ == "__main__":
    main()
