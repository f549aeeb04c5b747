"""Hole 10 of issue 11 (namespaces): makes a user namespace of its own inside the sandbox
(where it would be root, with the kernel's attack surface for namespace root)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"unshare refused: errno 1\b"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes, os
    libc = ctypes.CDLL(None, use_errno=True)
    CLONE_NEWUSER = 0x10000000
    pid = os.fork()
    if pid == 0:
        os._exit(0 if libc.unshare(CLONE_NEWUSER) == 0 else 100 + ctypes.get_errno())
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        raise RuntimeError("attack: unshare worked: a user namespace of its own")
    raise RuntimeError(f"attack: unshare refused: errno {code - 100}")
'''
