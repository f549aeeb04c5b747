"""Issue 23: a POSIX message queue outlives its process in the IPC namespace, which the
children of one zygote share (System V IPC was refused, ``mq_open`` was not). The attack
leaves the answer's first bytes in a queue named ``/a3-attack``; the next submission
graded by the same grading process (NEXT_SOURCE) answers only from what it finds there,
else raises: it scores only if nothing was left. The seccomp filter refuses the ``mq_*``
calls (grade/running/syscall_filter.py)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"mq_open refused: errno 1\b"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes, os
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    SYS_mq_open, SYS_mq_timedsend = 240, 242
    fd = libc.syscall(ctypes.c_long(SYS_mq_open), b"a3-attack", ctypes.c_int(os.O_CREAT | os.O_WRONLY),
                      ctypes.c_int(0o600), None)
    if fd < 0:
        raise RuntimeError(f"attack: mq_open refused: errno {ctypes.get_errno()}")
    sent = libc.syscall(ctypes.c_long(SYS_mq_timedsend), ctypes.c_int(fd), b"the answer", ctypes.c_size_t(10),
                        ctypes.c_uint(0), None)
    raise RuntimeError(f"attack: left a message in /a3-attack ({sent})")
'''
NEXT_SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes, os
    import numpy as np
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    SYS_mq_open, SYS_mq_timedreceive = 240, 243
    fd = libc.syscall(ctypes.c_long(SYS_mq_open), b"a3-attack", ctypes.c_int(os.O_RDONLY | os.O_NONBLOCK),
                      ctypes.c_int(0), None)
    if fd >= 0:
        buf = ctypes.create_string_buffer(8192)
        got = libc.syscall(ctypes.c_long(SYS_mq_timedreceive), ctypes.c_int(fd), buf, ctypes.c_size_t(8192),
                           None, None)
        raise RuntimeError(f"found in /a3-attack, left by the submission graded before: {buf.raw[:max(got, 0)]!r}")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
