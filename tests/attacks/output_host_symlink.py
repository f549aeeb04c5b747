"""Hole 3 of issue 11: learns about host files from its own report. Where outputs are files,
each case's output becomes a symbolic link to a root-only host file ($SECRET/secret.zip, a
zip whose member starts with TOPSECRET) and it forges the reply; the grader's messages told
the file's size, its type and its first bytes. Where outputs come on the reply pipe there is
no file to point anywhere."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
FORBIDDEN = r"TOPSEC|bytes exceeds|not a plain-array npz"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, sys
    import numpy as np
    frame = sys._getframe()
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    req, replies = frame.f_locals["request"].to_wire(), frame.f_locals["replies"]
    if "out_dir" in req:
        for case in req["cases"]:
            os.symlink("$SECRET/secret.zip", os.path.join(req["out_dir"], case + ".npz"))
        cases = {c: {"status": "ok"} for c in req["cases"]}
        replies.write(json.dumps({"id": req["id"], "question": req["question"], "cases": cases}) + "\\n")
        replies.flush()
    return np.zeros_like(prev_h), None
'''
