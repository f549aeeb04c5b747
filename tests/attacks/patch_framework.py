"""Reaches into the framework from the student's code: patches the comparison and the
fixture reader (autograder.student_tools.compare, autograder.fixture_store) if it can import them,
and, from the worker's own stack frame, answers the grader's request itself ('ok' for every
case, with outputs it wrote). The grader still judges the values it gets."""

QUESTION = "rnn_step_forward"
# Where outputs were files, the forged reply raced the worker's own output writing: the grader
# read the attack's zeros (an error, or a shape from the first case) or a file being
# rewritten (unusable). On the reply pipe it gets the zeros (an error or a shape).
MESSAGE = r"next_h: error|next_h: shape|unusable output"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, sys
    import numpy as np
    for name, attr in [("autograder.student_tools.compare", "rel_error"), ("autograder.fixture_store", "read_fixture")]:
        try:
            mod = __import__(name, fromlist=["x"])
            setattr(mod, attr, lambda *a, **k: 0.0)
        except Exception as exc:
            print("attack: cannot patch", name, exc, file=sys.stderr)
    frame = sys._getframe()
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    if frame is not None:
        req, replies = frame.f_locals["request"].to_wire(), frame.f_locals["replies"]
        if "out_dir" in req:               # outputs as files
            for case in req["cases"]:
                np.savez(os.path.join(req["out_dir"], case + ".npz"), next_h=np.zeros_like(prev_h))
            replies.write(json.dumps({"id": req["id"], "question": req["question"],
                                      "cases": {c: {"status": "ok"} for c in req["cases"]}}) + "\\n")
        else:                              # outputs on the reply pipe
            from autograder.student_process.protocol import encode_arrays
            layout, data = encode_arrays({"next_h": np.zeros_like(prev_h)})
            replies.write((json.dumps({"id": req["id"], "question": req["question"],
                                       "cases": {c: {"status": "ok", "arrays": layout} for c in req["cases"]}})
                           + "\\n").encode() + data * len(req["cases"]))
        replies.flush()
    return np.zeros_like(prev_h), None
'''
