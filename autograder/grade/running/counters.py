"""Reset the two counters that the children of one zygote would otherwise share (issue 23).

A zygote (grade/running/zygote.py) forks every submission of a grading thread in one
sandbox, so its children share one PID namespace and one ``/tmp`` tmpfs. ``clean`` kills
the processes of a child and empties ``/tmp``, but two counters survive, and a child can
move them for the next one to read (a few bits per submission):
- the PID namespace's last process id: a child that starts n threads or processes moves
  the next child's pid (``os.getpid()``) by n;
- the ``/tmp`` tmpfs's inode counter (one per tmpfs, never rewound): a child that makes n
  files moves the inode number of the next child's first file by n.

The zygote cannot reset either (it has no capabilities, ``unshare`` and mounts are refused
by the filter), so the grader does it from outside, after the zygote's ``clean`` and before
the next child is forked, in a short helper process (this file run as a script, with the
standard library only): it enters the sandbox's namespaces (``setns``; first its user
namespace when bubblewrap made one, i.e. the grader is not root: the one owning the
sandbox's namespaces, which gives the helper, not the sandbox, the capabilities over them),
then
- lazily unmounts ``/tmp`` and mounts a fresh tmpfs there with the same mount flags and
  options (size, mode): inode numbers start again from the same value. Mounts under
  ``/tmp`` (the Python environment of a checkout under ``/tmp``, bound at its own path)
  are carried over: a clone of each (``open_tree``) is taken first and moved into the
  fresh tmpfs (``move_mount``), its flags kept. The zygote's own
  working folder stays in the old, emptied, detached tmpfs, which it never writes and a
  child cannot reach (each child changes to ``/tmp`` by its path first; the zygote is not
  dumpable, so its ``/proc/<pid>/cwd`` is closed to the children);
- from a process forked inside the PID namespace, writes ``LAST_PID`` to
  ``/proc/sys/kernel/ns_last_pid``: the next child is always pid ``LAST_PID + 1``.
Neither the zygote nor the children get any capability. The helper imports all it uses
before it enters the sandbox's root, and runs when no process of a submission is alive (the
zygote waits for its next order) and ``/tmp``, the only writable place, is the fresh one. ``reset`` says why it failed
(then the caller retires the zygote rather than let the next child read the counters).

The uid fallback (grade/running/fallback.py: no bubblewrap, so no zygote) is not covered:
its student processes run in the host's PID namespace and write the host's ``/tmp``, where
the grader cannot reset either counter without resetting them for every process on the
host (and in Docker ``/proc/sys`` is read-only and CAP_SYS_ADMIN is dropped). There the next
process id stays a channel between two submissions graded one after the other by one grader
(tests/attacks/pid_counter.py reached the next submission 3 times out of 3 on a busy machine);
on Gradescope each submission has a container of its own.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

LAST_PID = 99  # after a reset, the next child of the zygote is pid 100 in its sandbox
TIMEOUT = 10.0  # seconds for the helper
TMP = "/tmp"
# mountinfo's per-mount options -> mount(2) flags
FLAGS = {"ro": 1, "nosuid": 2, "nodev": 4, "noexec": 8, "noatime": 1024, "nodiratime": 2048, "relatime": 1 << 21}
MNT_DETACH = 2
# open_tree(2) and move_mount(2) (Linux 5.2; the same numbers on every architecture)
SYS_OPEN_TREE, SYS_MOVE_MOUNT = 428, 429
OPEN_TREE_CLONE, AT_RECURSIVE, AT_FDCWD, MOVE_MOUNT_F_EMPTY_PATH = 1, 0x8000, -100, 4
NS_GET_USERNS = 0xB701  # ioctl: the user namespace owning a namespace


def reset(bwrap: int) -> str | None:
    """Give the sandbox that bubblewrap's process ``bwrap`` (host pid) started a fresh
    ``/tmp`` tmpfs and the last pid ``LAST_PID``. Returns None when done, else why not."""
    import psutil  # not at the top: the helper runs this file without site-packages (-S)

    try:
        inside = psutil.Process(bwrap).children()  # the sandbox's first process (its init)
        if len(inside) != 1:
            return f"bubblewrap's process {bwrap} has {len(inside)} children, not 1"
        pid = inside[0].pid
        before = tmp_mount(pid)
        if before is None:
            return f"no {TMP} mount in the sandbox of process {pid}"
        for kind in ("pid", "mnt"):
            if os.stat(f"/proc/{pid}/ns/{kind}").st_ino == os.stat(f"/proc/self/ns/{kind}").st_ino:
                return f"process {pid} shares the grader's {kind} namespace"
        flags, data = before
        nested = json.dumps(nested_mounts(pid))
        argv = [sys.executable, "-I", "-S", os.path.abspath(__file__), str(pid), str(flags), data, str(LAST_PID)]
        argv.append(nested)
        done = subprocess.run(argv, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        after = tmp_mount(pid)
    except (OSError, subprocess.TimeoutExpired, psutil.Error) as exc:
        return f"the counters' reset failed: {exc}"
    if done.returncode != 0:
        return f"the counters' reset failed: {done.stderr.decode(errors='replace').strip()[-300:]}"
    if after is None:
        return f"the counters' reset left no tmpfs at {TMP}"
    return None


def tmp_mount(pid: int) -> tuple | None:
    """(mount(2) flags, tmpfs options but rw/ro, uid and gid) of the topmost ``/tmp`` in the
    mount namespace of process ``pid``, from its mountinfo; None if none or not a tmpfs."""
    found = None
    with open(f"/proc/{pid}/mountinfo") as fh:
        for line in fh:
            fields = line.split()
            if len(fields) > 4 and fields[4] == TMP:
                tail = fields[fields.index("-") + 1 :]
                found = (fields[5], tail[0], tail[2] if len(tail) > 2 else "")
    if found is None or found[1] != "tmpfs":
        return None
    flags = sum(FLAGS.get(opt, 0) for opt in found[0].split(","))
    # uid= and gid= name the owner as this namespace sees it, not as the sandbox's user
    # namespace does: left out, the fresh tmpfs belongs to the helper (the grader), as bwrap's
    data = ",".join(
        opt for opt in found[2].split(",") if opt not in ("rw", "ro") and opt.split("=")[0] not in ("uid", "gid")
    )
    return flags, data


def nested_mounts(pid: int) -> list:
    """The mount points strictly under ``/tmp`` in the mount namespace of process ``pid``
    (outermost only, in mountinfo's order): binds that lie in ``/tmp``, e.g. the grader's
    Python environment bound at its own path when the checkout is under ``/tmp``. A fresh
    ``/tmp`` must carry them over."""
    found = []
    with open(f"/proc/{pid}/mountinfo") as fh:
        for line in fh:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), line.split()[4])
            if point.startswith(TMP + "/") and not any(point.startswith(p + "/") or point == p for p in found):
                found.append(point)
    return found


def _enter_and_reset(pid: int, flags: int, data: str, last_pid: int, nested: list) -> None:
    """The helper (a process of its own, single-threaded, never exec'ing after ``setns``, so
    it keeps the capabilities a user namespace gives it): enter the namespaces of ``pid``,
    remount ``/tmp`` carrying over the mounts ``nested`` under it (a detached clone of each,
    taken before, moved into the fresh tmpfs: same flags, same place), write ``last_pid``
    from inside the PID namespace. Raises OSError."""
    import ctypes
    import fcntl

    libc = ctypes.CDLL(None, use_errno=True)

    def check(result, what):
        if result != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"{what}: {os.strerror(err)}")

    spaces = {kind: os.open(f"/proc/{pid}/ns/{kind}", os.O_RDONLY) for kind in ("mnt", "pid")}
    # the user namespace that owns them (with --disable-userns, bubblewrap's processes sit in
    # a nested one, which gives no capability over them)
    spaces["user"] = fcntl.ioctl(spaces["mnt"], NS_GET_USERNS)
    root = os.open(f"/proc/{pid}/root", os.O_RDONLY | os.O_DIRECTORY)
    try:  # the host's sysctl, opened before leaving the host's mounts (may be read-only)
        last = os.open("/proc/sys/kernel/ns_last_pid", os.O_WRONLY)
    except OSError:
        last = None
    if os.fstat(spaces["user"]).st_ino != os.stat("/proc/self/ns/user").st_ino:
        check(libc.setns(spaces["user"], 0x10000000), "setns(user)")  # CLONE_NEWUSER
    check(libc.setns(spaces["mnt"], 0x00020000), "setns(mnt)")  # CLONE_NEWNS
    os.fchdir(root)
    os.chroot(".")
    clones = []
    for point in nested:
        fd = libc.syscall(SYS_OPEN_TREE, AT_FDCWD, point.encode(), OPEN_TREE_CLONE | AT_RECURSIVE)
        if fd < 0:
            check(-1, f"open_tree {point}")
        clones.append((point, fd))
    check(libc.umount2(TMP.encode(), MNT_DETACH), f"umount {TMP}")
    check(libc.mount(b"tmpfs", TMP.encode(), b"tmpfs", ctypes.c_ulong(flags), data.encode()), f"mount {TMP}")
    for point, fd in clones:
        os.makedirs(point, mode=0o755, exist_ok=True)
        done = libc.syscall(SYS_MOVE_MOUNT, fd, b"", AT_FDCWD, point.encode(), MOVE_MOUNT_F_EMPTY_PATH)
        check(done, f"move_mount {point}")
        os.close(fd)
    check(libc.setns(spaces["pid"], 0x20000000), "setns(pid)")  # CLONE_NEWPID: for children
    child = os.fork()
    if child == 0:  # the first process of this helper inside the PID namespace
        code = 1
        try:
            fd = last if last is not None else os.open("/proc/sys/kernel/ns_last_pid", os.O_WRONLY)
            os.write(fd, str(last_pid).encode())
            code = 0
        except OSError as exc:
            print(f"ns_last_pid: {exc}", file=sys.stderr, flush=True)
        os._exit(code)
    _, status = os.waitpid(child, 0)
    if status != 0:
        raise OSError(f"writing ns_last_pid failed ({status})")


if __name__ == "__main__":
    try:
        _enter_and_reset(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5]))
    except OSError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
