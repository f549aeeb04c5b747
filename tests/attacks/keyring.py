"""Hole 5 of issue 11: the kernel keyring outlives the sandbox. It stores a key in its
user's keyring (add_key), which a later submission graded under the same sandbox uid could
read; the seccomp filter refuses the keyring calls."""

QUESTION = "rnn_step_forward"
MESSAGE = r"keyring refused: errno 1\b"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    SYS_add_key, KEY_SPEC_USER_KEYRING = 248, -4
    serial = libc.syscall(ctypes.c_long(SYS_add_key), b"user", b"a3-attack", b"outputs of the hidden cases",
                          ctypes.c_size_t(27), ctypes.c_int(KEY_SPEC_USER_KEYRING))
    if serial >= 0:
        raise RuntimeError(f"attack: keyring stored key {serial}")
    raise RuntimeError(f"attack: keyring refused: errno {ctypes.get_errno()}")
'''
