"""The student process: ``python -m autograder.student_process --submission DIR --fd-in R --fd-out W``.

It reads one JSON request per line from fd R: ``{"id": request id, "question": id,
"cases": [names], "in_dir": path}``, runs ``calls.<id>`` on each case's inputs
(``in_dir/<case>.npz``, a folder it may only read) and answers on fd W with one line
``{"id": request id, "question": id, "cases": {case: {"status": ..., "message": ...,
"arrays": [[name, nbytes], ...]}}}`` followed at once by the outputs' bytes, case after case
(``protocol.encode_arrays``). Status is ``ok``, ``not_implemented`` or ``error``. If the
question's code replaced functions of loaded modules (``tamper.Snapshot``, best effort), the
reply also has ``"tampered": [names]`` and the worker exits: the grader starts a fresh one.
Student prints go to stderr, which the grader sends to a log file; anything else written on
fd W that does not answer the current request id is skipped by the grader.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="python -m autograder.student_process")
    ap.add_argument("--submission", required=True)
    ap.add_argument("--fd-in", type=int, required=True)
    ap.add_argument("--fd-out", type=int, required=True)
    ap.add_argument("--seed", type=int, default=231)
    args = ap.parse_args(argv)
    requests = os.fdopen(args.fd_in, "r")
    replies = os.fdopen(args.fd_out, "wb")
    os.dup2(2, 1)  # student prints: to the log, not the protocol
    sys.stdout = sys.stderr

    import numpy as np  # noqa: F401  (loaded before the time limit starts)
    from autograder.student_process import calls
    from autograder.student_process.package import StudentPackage, SubmissionError
    from autograder.student_process.protocol import ProtocolError, encode_arrays, load_arrays, parse, send

    from autograder.student_process.tamper import Snapshot

    pkg = StudentPackage(args.submission)
    snapshot = Snapshot()
    send(replies, {"ready": True})
    for line in requests:
        req = parse(line)
        qid = req["question"]
        results, data = {}, []
        for case in req["cases"]:
            np.random.seed(args.seed)
            try:
                inputs = load_arrays(os.path.join(req["in_dir"], case + ".npz"), allow_text=True)
                outputs = calls.CALLS[qid](pkg, **inputs)
                layout, raw = encode_arrays(outputs)
                results[case] = {"status": "ok", "arrays": layout}
                data.append(raw)
            except NotImplementedError as exc:
                results[case] = {"status": "not_implemented", "message": str(exc) or "NotImplementedError"}
            except (SubmissionError, calls.CallError, ProtocolError) as exc:
                results[case] = {"status": "error", "message": str(exc)}
            except BaseException as exc:  # SystemExit, KeyboardInterrupt: still only this case
                results[case] = {"status": "error", "message": pkg.format_exception(exc)}
        replaced = snapshot.replaced()
        reply = {"id": req.get("id"), "question": qid, "cases": results}
        if replaced:
            reply["tampered"] = replaced
        send(replies, reply, b"".join(data))
        if replaced:  # the next question gets a fresh interpreter
            os._exit(0)
        snapshot.update()  # modules the question imported are watched from now on


if __name__ == "__main__":
    main()
