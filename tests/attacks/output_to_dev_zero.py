"""Hole 1 of issue 11: makes the grader read without end. Where the worker writes its outputs
to files (the old exchange), each case's output becomes a symbolic link to /dev/zero (the
worker's own write follows it, the link stays), which the grader's zip reader reads until the
host runs out of memory; it forges the reply ("ok") so that the grader reads at once. Where
outputs come on the reply pipe, it forges a reply announcing a terabyte of arrays and sends
none."""

QUESTION = "rnn_step_forward"
MESSAGE = r"unusable output: outputs of \d+ bytes exceed the limit"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, sys
    import numpy as np
    frame = sys._getframe()
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    req, replies = frame.f_locals["request"].to_wire(), frame.f_locals["replies"]
    if "out_dir" in req:
        if os.path.lexists(os.path.join(req["out_dir"], req["cases"][0] + ".npz")):
            return np.zeros_like(prev_h), None          # done at the first case
        for case in req["cases"]:
            os.symlink("/dev/zero", os.path.join(req["out_dir"], case + ".npz"))
        cases = {c: {"status": "ok"} for c in req["cases"]}
        replies.write(json.dumps({"id": req["id"], "question": req["question"], "cases": cases}) + "\\n")
    else:
        cases = {c: {"status": "ok", "arrays": [["next_h", 2**40]]} for c in req["cases"]}
        replies.write((json.dumps({"id": req["id"], "question": req["question"], "cases": cases}) + "\\n").encode())
        replies.flush()
    return np.zeros_like(prev_h), None
'''
