"""The attack suite: submissions that try to win points they did not earn or to hurt the
grader, each one a module (see tests/test_attacks.py for the harness).

A module defines:
- QUESTION: the question it attacks (its score must be 0).
- MESSAGE: a regular expression the report of QUESTION must match (the student is told why).
- SOURCE: the attacking function, replacing ``TARGET`` in the reference package; it may use
  the placeholders $REPO (the repository), $OUT (a folder with the gradebook of a previous
  run), $MARKER (a file that must never appear), $PORT (a listener on 127.0.0.1 outside the
  sandbox), filled in by the harness with string.Template.
- optional TARGET (default cs231n/rnn_layers.py::rnn_step_forward), LIMITS (overrides of the
  part's resource limits), TIME_LIMIT (seconds per question).
- optional NEXT_SOURCE: then an honest submission whose TARGET is NEXT_SOURCE (usually
  ``PROBE``) is graded right after the attack by the same grading process (so with the same
  zygote, grade/running/zygote.py), and must get every point of QUESTION: nothing the
  attack left or changed may reach the next submission.

Every attack is bounded by its own code (a fork bomb forks at most 300 processes, a memory
bomb asks for at most 6 GiB, a loop stops after a minute), so a defence that fails shows up
as a failed test, never as a machine brought down.
"""

PROBE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """The honest answer, refused if anything of the submission graded before is still there:
    files in /tmp or /dev/shm, System V IPC objects, processes, limits lowered below what
    a3 ever sets (60 s of CPU, 1 GiB of address space), or a daemon that strikes while this
    one runs (it would kill this process or write /tmp/a3-late)."""
    import os, resource, time
    import numpy as np
    left = []
    for name, least in (("RLIMIT_CPU", 60), ("RLIMIT_AS", 2**30)):
        soft = resource.getrlimit(getattr(resource, name))[0]
        if soft != resource.RLIM_INFINITY and soft < least:
            left.append(f"{name} lowered to {soft}")
    with open("/proc/self/mountinfo") as fh:  # the sandbox's own binds may lie under /tmp
        mounts = [line.split()[4] for line in fh]
    for folder in ("/tmp", "/dev/shm"):
        if os.path.isdir(folder):
            paths = [os.path.join(folder, name) for name in os.listdir(folder)]
            left += [p for p in paths if not any(m == p or m.startswith(p + "/") for m in mounts)]
    for kind in ("shm", "msg", "sem"):
        try:
            with open(f"/proc/sysvipc/{kind}") as fh:
                left += [f"{kind} {line.split()[:2]}" for line in fh.readlines()[1:]]
        except OSError:
            pass
    mine = {1, os.getpid(), os.getppid()}
    left += [f"process {pid}" for pid in filter(str.isdigit, os.listdir("/proc")) if int(pid) not in mine]
    if left:
        raise RuntimeError(f"left by the submission graded before: {left}")
    time.sleep(3)
    if os.path.exists("/tmp/a3-late"):
        raise RuntimeError("a daemon of the submission graded before wrote /tmp/a3-late")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
