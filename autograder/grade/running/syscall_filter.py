"""The seccomp filter of the sandbox: system calls a student process never needs, refused.

Built with libseccomp (through ``pyseccomp``, a ctypes binding of the system's
``libseccomp2``), exported as BPF and handed to bubblewrap (``--seccomp FD``), which loads it
after building the sandbox and before the student process starts; it is inherited by every
process the student starts and cannot be removed. Refused with EPERM:

- the kernel keyrings (``add_key``, ``request_key``, ``keyctl``): no data can be left for a
  later submission graded under the same sandbox uid;
- new namespaces (``unshare``, ``setns``, ``clone``/``clone`` with any ``CLONE_NEW*`` flag;
  ``clone3``, whose flags a filter cannot read, gets ENOSYS so that the C library falls back
  to ``clone``), mounts and the new mount API, ``pivot_root``, ``chroot``;
- ``ptrace``, ``process_vm_readv``/``writev``, ``bpf``, ``perf_event_open``, ``userfaultfd``,
  ``io_uring_*``, ``kcmp``, ``open_by_handle_at``, ``name_to_handle_at``, module loading,
  ``kexec_*``, ``reboot``, ``swapon``/``swapoff``, ``acct``, ``quotactl``, ``pidfd_getfd``;
- System V IPC (``shm*``, ``msg*``, ``sem*``) and POSIX message queues (``mq_*``, issue
  23): their objects outlive the process that made them, and the children of one zygote
  (grade/running/zygote.py) share an IPC namespace, so a submission could leave data there
  for the next one (the list of every such kind of state is in grade/running/sandbox.py);
- ``sethostname``, ``setdomainname`` (the UTS namespace is shared the same way; they need a
  capability the student process lacks anyway).

The uid fallback (grade/running/fallback.py), where no bubblewrap loads it, passes the same
filter to the student process, which loads it itself before any student code runs
(autograder/student_process/seccomp.py).

System calls of another architecture (32-bit ``int 0x80``, x32) kill the process
(libseccomp's default for a foreign architecture).
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile

CLONE_NEW_FLAGS = {  # linux/sched.h
    "CLONE_NEWNS": 0x00020000,
    "CLONE_NEWCGROUP": 0x02000000,
    "CLONE_NEWUTS": 0x04000000,
    "CLONE_NEWIPC": 0x08000000,
    "CLONE_NEWUSER": 0x10000000,
    "CLONE_NEWPID": 0x20000000,
    "CLONE_NEWNET": 0x40000000,
    "CLONE_NEWTIME": 0x00000080,
}
DENIED = (
    "add_key",
    "request_key",
    "keyctl",
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "open_by_handle_at",
    "name_to_handle_at",
    "init_module",
    "finit_module",
    "delete_module",
    "kexec_load",
    "kexec_file_load",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "shmget",
    "shmat",
    "shmctl",
    "msgget",
    "msgsnd",
    "msgrcv",
    "msgctl",
    "semget",
    "semop",
    "semtimedop",
    "semctl",
    "pidfd_getfd",
    "mq_open",
    "mq_unlink",
    "mq_timedsend",
    "mq_timedreceive",
    "mq_notify",
    "mq_getsetattr",
    "sethostname",
    "setdomainname",
)
NOT_IMPLEMENTED = ("clone3",)


@functools.cache
def filter_bpf() -> bytes:
    """The filter as BPF bytes (built once per process). Raises ImportError/OSError if
    libseccomp or its binding is missing."""
    import pyseccomp as seccomp

    flt = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for name in DENIED:
        try:
            flt.add_rule(seccomp.ERRNO(errno.EPERM), name)
        except (ValueError, RuntimeError, OSError):
            pass  # a call this kernel/libseccomp does not know
    for name in NOT_IMPLEMENTED:
        try:
            flt.add_rule(seccomp.ERRNO(errno.ENOSYS), name)
        except (ValueError, RuntimeError, OSError):
            pass
    for flag in CLONE_NEW_FLAGS.values():
        flt.add_rule(seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    with tempfile.TemporaryFile() as fh:
        flt.export_bpf(fh)
        fh.seek(0)
        return fh.read()


def filter_fd() -> int:
    """A new descriptor (a memfd at offset 0, not inheritable) holding the filter's BPF, for
    ``bwrap --seccomp FD``; the caller passes it to the child and closes it."""
    fd = os.memfd_create("a3-seccomp", os.MFD_CLOEXEC)
    os.write(fd, filter_bpf())
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
