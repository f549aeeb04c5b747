"""Hole 7 of issue 11: a chain of 1500 nested folders in every place it can write (its
working folder, /tmp, the old output folder): the grader's recursive clean-up raised
RecursionError and left its temporary folder on the host. The grader's temporary folders
must all be gone afterwards (checked by the harness)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, sys
    import numpy as np
    frame = sys._getframe()
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    places = [os.getcwd(), os.environ.get("TMPDIR", "/tmp")]
    if frame is not None and "out_dir" in frame.f_locals["request"].to_wire():
        places.append(frame.f_locals["request"].to_wire()["out_dir"])
    for place in places:
        try:
            fd = os.open(place, os.O_RDONLY)
            for _ in range(1500):
                os.mkdir("d", dir_fd=fd)
                sub = os.open("d", os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = sub
            os.close(fd)
        except OSError as exc:
            print("attack:", place, exc, file=sys.stderr)
    return np.zeros_like(prev_h), None
'''
