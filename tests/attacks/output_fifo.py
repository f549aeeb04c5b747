"""Hole 2 of issue 11: makes the grader wait for ever. Where outputs are files, each case's
output becomes a FIFO that no one writes and it forges the reply (the grader blocked in
open()); where they come on the reply pipe, it forges a reply announcing a megabyte per case
that never comes. Then it sleeps for a minute."""

QUESTION = "rnn_step_forward"
MESSAGE = r"timed out"
TIME_LIMIT = 10
MAX_SECONDS = 150  # the whole grading of the attack and the honest questions
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, sys, time
    import numpy as np
    frame = sys._getframe()
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    req, replies = frame.f_locals["request"].to_wire(), frame.f_locals["replies"]
    if "out_dir" in req:
        for case in req["cases"]:
            os.mkfifo(os.path.join(req["out_dir"], case + ".npz"))
        cases = {c: {"status": "ok"} for c in req["cases"]}
        replies.write(json.dumps({"id": req["id"], "question": req["question"], "cases": cases}) + "\\n")
    else:
        cases = {c: {"status": "ok", "arrays": [["next_h", 2**20]]} for c in req["cases"]}
        replies.write((json.dumps({"id": req["id"], "question": req["question"], "cases": cases}) + "\\n").encode())
    replies.flush()
    time.sleep(60)
    return np.zeros_like(prev_h), None
'''
