"""Stops its parent process with SIGSTOP. Forked from a zygote, that is the zygote: it no
longer answers, so the grader throws it away (after its order timeout) and the next
submission gets a fresh one (PROBE must get full marks). Without a zygote the parent is the
sandbox's init, which it may not signal."""

from attacks import PROBE

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
NEXT_SOURCE = PROBE
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, signal
    import numpy as np
    try:
        os.kill(os.getppid(), signal.SIGSTOP)
    except OSError:
        pass
    return np.zeros_like(prev_h), None
'''
