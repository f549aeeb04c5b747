"""Sends SIGKILL to its parent (the grader, without a sandbox) and to any process it can see
whose command line names the grader. With the sandbox it sees only its own processes: its
parent is the zygote it was forked from (grade/running/zygote.py), whose death ends its own
sandbox and nothing else (the honest questions after it get a fresh one), or, without a
zygote, the sandbox's init, which it may not signal."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error|its sandbox was stopped: did its code kill or stop its parent"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, signal
    targets = {os.getppid()}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if b"a3" in cmd and b"grade" in cmd and int(pid) != os.getpid():
            targets.add(int(pid))
    for pid in targets:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    import numpy as np
    return np.zeros_like(prev_h), None
'''
