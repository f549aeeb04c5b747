"""Issue 23 (host paths): collects what ``/proc/self`` says about where it runs: the targets
of its descriptors (its printed output went to a host file, ``/proc/self/fd/1``), its
working folder, environment, command line, executable, root, memory maps and every field of
``/proc/self/mountinfo`` (a bind's root field is its source's path on the host, the mount
source and options follow). None may name the grader's temporary folders (FORBIDDEN: the
grader's ``a3-<name>-<random>`` folders, such as a zygote's ``a3-zygote-<pid>-<random>`` or
a submission's ``a3-<submission>-<random>``, pytest's ``pytest-of-<user>``, the attack test's
``grader-tmp``): the output is an anonymous memory file, the binds are at neutral paths and
their sources in a neutrally named folder (``/tmp/sandbox-<random>``; in the uid fallback
the student process works there too)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"proc/self shows: .*memfd:output"
FORBIDDEN = r"/a3-[^/ ]+-[^/ ]+|pytest-of-|grader-tmp"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    seen = []  # the report is bounded: mountinfo first, each name once, maps' paths only
    with open("/proc/self/mountinfo") as fh:
        seen += fh.read().split()
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
    for name in ("environ", "cmdline"):
        try:
            with open(f"/proc/self/{name}", "rb") as fh:
                seen += fh.read().decode(errors="replace").replace("\\0", " ").split()
        except OSError:
            pass
    with open("/proc/self/maps") as fh:
        seen += [line.split()[5] for line in fh if len(line.split()) > 5]
    raise RuntimeError("attack: /proc/self shows: " + " ".join(dict.fromkeys(seen)))
'''
