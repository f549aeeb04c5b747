"""Hole 9 of issue 11: costs the grader CPU outside every time limit. Where outputs are
files, it writes each case's npz itself with 200,000 tiny members and forges the reply (the
grader spent seconds per case reading the members); where they come on the reply pipe, it
forges a reply listing 15,000 arrays per case."""
QUESTION = "rnn_step_forward"
MESSAGE = r"unusable output: the outputs are not a list of at most 64 arrays"
MAX_SECONDS = 60
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, sys, zipfile
    import numpy as np
    frame = sys._getframe()
    while frame is not None and "req" not in frame.f_locals:
        frame = frame.f_back
    req, replies = frame.f_locals["req"], frame.f_locals["replies"]
    if "out_dir" in req:
        for case in req["cases"]:
            with zipfile.ZipFile(os.path.join(req["out_dir"], case + ".npz"), "w") as zf:
                for i in range(200000):
                    zf.writestr(f"a{i}.npy", b"")
        line = json.dumps({"id": req["id"], "question": req["question"],
                           "cases": {c: {"status": "ok"} for c in req["cases"]}}) + "\\n"
        replies.write(line)
    else:
        arrays = [[f"a{i}", 0] for i in range(15000)]
        line = json.dumps({"id": req["id"], "question": req["question"],
                           "cases": {c: {"status": "ok", "arrays": arrays} for c in req["cases"]}}) + "\\n"
        replies.write(line.encode())
    replies.flush()
    return np.zeros_like(prev_h), None
'''
