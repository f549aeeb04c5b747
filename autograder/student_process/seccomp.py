"""Loading the sandbox's seccomp filter from inside the student process (the uid fallback,
where no bubblewrap loads it: grade/running/fallback.py).

The grader builds the filter (grade/running/syscall_filter.py) and passes its BPF on a
descriptor (``--fd-seccomp``); the student process loads it before it imports anything of
the submission. Plain ``prctl`` through ctypes: no library is needed inside.
"""

from __future__ import annotations

import ctypes
import os

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
INSTRUCTION_BYTES = 8  # struct sock_filter: u16 code, u8 jt, u8 jf, u32 k


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def read_fd(fd: int) -> bytes:
    """All bytes of descriptor ``fd`` (a memfd at offset 0), which is then closed."""
    chunks = []
    try:
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def load(bpf: bytes) -> None:
    """Set no-new-privileges, then install ``bpf`` (a seccomp BPF program, as libseccomp
    exports it) on this process and everything it starts; raises OSError if the kernel
    refuses, so that no student code ever runs without it."""
    if not bpf or len(bpf) % INSTRUCTION_BYTES:
        raise OSError("the seccomp filter is empty or malformed")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    program = ctypes.create_string_buffer(bpf, len(bpf))
    fprog = _SockFprog(len(bpf) // INSTRUCTION_BYTES, ctypes.cast(program, ctypes.c_void_p))
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")
