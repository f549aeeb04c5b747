"""Sends SIGKILL to the processes that run it: its parent (the grader when there is no PID
namespace: the Gradescope runner, `a3 grade`'s worker) and the grandparents above it whose
command line names the grader, never anything else. Another uid may not signal them; in
bubblewrap its parent is the sandbox's own init or, forked from a zygote, the zygote, whose
death ends only its own sandbox."""

QUESTION = "rnn_step_forward"
# killed [] (its parent is init), or only its zygote: it ends before or after it reports
MESSAGE = r"kill attack: killed \[(\d+)?\], refused|its sandbox was stopped: did its code kill or stop its parent"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, signal
    def parent(pid):
        with open(f"/proc/{pid}/status") as fh:
            return int([l for l in fh if l.startswith("PPid:")][0].split()[1])
    targets, pid = [], os.getpid()
    for level in range(4):
        try:
            pid = parent(pid)
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = fh.read()
        except (OSError, IndexError, ValueError):
            break
        if pid <= 1 or (level and not any(w in cmd for w in (b"autograder", b"run_autograder", b"a3"))):
            break
        targets.append(pid)
    killed, refused = [], []
    for pid in targets:
        try:
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        except OSError as exc:
            refused.append(f"{pid}: {exc.strerror}")
    raise RuntimeError(f"kill attack: killed {killed}, refused {refused}")
'''
