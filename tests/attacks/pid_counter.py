"""Issue 23: the children of one zygote share a PID namespace, whose counter of process ids
outlives them. The attack starts threads (one at a time, at most 2000) until the last id
it was given ends in 776, so that the next child forked in the sandbox gets an id ending in
777 or a little more; the next submission graded by the same grading process (NEXT_SOURCE)
reads its own pid and refuses to answer when it ends in 777..876: it scores only if the
counter did not reach it. Closed by the grader resetting the namespace's last pid after each
``clean`` (grade/running/counters.py). Not closed in the uid fallback (the host's PID
namespace: tests/test_fallback.py leaves it out)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"attack: moved the next pid to end in 777"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import threading
    ids = []
    for _ in range(2000):
        thread = threading.Thread(target=lambda: ids.append(threading.get_native_id()))
        thread.start()
        thread.join()
        if ids[-1] % 1000 == 776:
            break
    raise RuntimeError(f"attack: moved the next pid to end in 777 (last thread id {ids[-1]})")
'''
NEXT_SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    import numpy as np
    if 777 <= os.getpid() % 1000 < 877:
        raise RuntimeError(f"pid {os.getpid()}: the submission graded before moved the pid counter")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
