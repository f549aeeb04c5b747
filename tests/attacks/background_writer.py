"""Leaves a daemon (double fork, setsid) that wakes up after its question and its part are
over and writes $MARKER and a gradebook; it must be dead by then."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, time
    import numpy as np
    pid = os.fork()
    if pid == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(4)
            for path in ("$MARKER", "$OUT/grades.csv"):
                try:
                    with open(path, "w") as fh:
                        fh.write("attacker,100\\n")
                except OSError:
                    pass
            time.sleep(30)
        os._exit(0)
    os.waitpid(pid, 0)
    return np.zeros_like(prev_h), None
'''
