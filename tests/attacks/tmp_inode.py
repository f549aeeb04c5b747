"""Issue 23: the children of one zygote share one ``/tmp`` tmpfs, whose inode counter
outlives the files (emptying ``/tmp`` does not rewind it). The attack makes and removes
files in ``/tmp`` (at most 2000) until the last inode number ends in 776, so that the next
child's first new file gets a number ending in 777 or a little more; the next submission
graded by the same grading process (NEXT_SOURCE) makes a file and refuses to answer when
its inode number ends in 777..876: it scores only if the counter did not reach it. Closed by
the grader mounting a fresh ``/tmp`` after each ``clean`` (grade/running/counters.py). Not
closed in the uid fallback (the host's ``/tmp``: tests/test_fallback.py leaves it out)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"attack: moved the next inode number to end in 777"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, tempfile
    for _ in range(2000):
        fd, path = tempfile.mkstemp(dir="/tmp")
        number = os.fstat(fd).st_ino
        os.close(fd)
        os.unlink(path)
        if number % 1000 == 776:
            break
    raise RuntimeError(f"attack: moved the next inode number to end in 777 (last {number})")
'''
NEXT_SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, tempfile
    import numpy as np
    fd, path = tempfile.mkstemp(dir="/tmp")
    number = os.fstat(fd).st_ino
    os.close(fd)
    os.unlink(path)
    if 777 <= number % 1000 < 877:
        raise RuntimeError(f"inode {number}: the submission graded before moved the /tmp inode counter")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
