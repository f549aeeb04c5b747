"""Issue 23 (host paths): collects what ``/proc/self`` says about where it runs: the targets
of its descriptors (its printed output went to a host file, ``/proc/self/fd/1``), its
working folder, environment, command line, executable, root, memory maps and the mount points of
``/proc/self/mountinfo``. None may name the grader's temporary folders (FORBIDDEN: the
grader's ``a3-<name>-<random>`` folders, pytest's ``pytest-of-<user>``): the output is an
anonymous memory file, the binds are at neutral paths.
Not covered: the fourth field of mountinfo (the bound folder's path inside its own file
system) still shows the host folders of the binds; see the note of issue 23."""

QUESTION = "rnn_step_forward"
MESSAGE = r"proc/self shows: .*memfd:output"
FORBIDDEN = r"/a3-[^/ ]+-[^/ ]+|pytest-of-"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    seen = []
    for fd in sorted(os.listdir("/proc/self/fd")):
        try:
            seen.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    seen += [os.getcwd(), *os.environ.values()]  # /proc/self/environ: unreadable in a zygote's child
    for name in ("cwd", "exe", "root"):
        try:
            seen.append(os.readlink(f"/proc/self/{name}"))
        except OSError:
            pass
    for name in ("environ", "cmdline", "maps"):
        try:
            with open(f"/proc/self/{name}", "rb") as fh:
                seen += fh.read().decode(errors="replace").replace("\\0", " ").split()
        except OSError:
            pass
    with open("/proc/self/mountinfo") as fh:
        seen += [line.split()[4] for line in fh]
    raise RuntimeError("attack: /proc/self shows: " + " ".join(seen))
'''
