"""Hole 10 of issue 11 (host paths): lists the mount points it sees in /proc/self/mountinfo.
The grader's own folders (its temporary folder, named a3-<submission>-...) must not appear:
the grader binds what the sandbox needs at neutral paths."""

QUESTION = "rnn_step_forward"
MESSAGE = r"mount points: .*/submission"
FORBIDDEN = r"/a3-[^/ ]+-[^/ ]+/"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    with open("/proc/self/mountinfo") as fh:
        points = [line.split()[4] for line in fh]
    raise RuntimeError("attack: mount points: " + " ".join(points))
'''
