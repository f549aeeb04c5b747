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
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    req, replies = frame.f_locals["request"].to_wire(), frame.f_locals["replies"]
    if "out_dir" in req:
        if os.path.lexists(os.path.join(req["out_dir"], req["cases"][0] + ".npz")):
            return np.zeros_like(prev_h), None          # done at the first case
        import io, shutil
        buf = io.BytesIO()
        np.save(buf, np.float64(0))
        tiny = buf.getvalue()
        first = os.path.join(req["out_dir"], req["cases"][0] + ".npz")
        with zipfile.ZipFile(first, "w") as zf:
            for i in range(100000):
                zf.writestr(f"a{i}.npy", tiny)
        for case in req["cases"][1:]:
            shutil.copy(first, os.path.join(req["out_dir"], case + ".npz"))
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
