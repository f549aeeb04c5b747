"""Issue 23: files left anywhere the sandbox may write, other than ``/tmp`` (which the
zygote's ``clean`` empties: leftovers.py), would reach the next child of the same zygote.
The attack writes ``a3-left`` into every folder it may write outside ``/tmp``, ``/proc``
and ``/sys`` and reports where it could; the next submission graded by the same grading
process (NEXT_SOURCE) scores only if it finds none. As root the sandbox user owns nothing;
without root bubblewrap's root and ``/dev`` tmpfs belonged to it: both are remounted
read-only (grade/running/sandbox.py)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"wrote outside /tmp: \[\]"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    wrote = []
    for root, dirs, _files in os.walk("/"):
        if root in ("/proc", "/sys", "/tmp"):
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
        try:
            with open(os.path.join(root, "a3-left"), "w") as fh:
                fh.write("the answers of the submission graded before")
            wrote.append(root)
        except OSError:
            pass
    raise RuntimeError(f"attack: wrote outside /tmp: {wrote}")
'''
NEXT_SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    import numpy as np
    found = []
    for root, dirs, files in os.walk("/"):
        if root in ("/proc", "/sys"):
            dirs[:] = []
            continue
        if "a3-left" in files:
            found.append(root)
    if found:
        raise RuntimeError(f"found a3-left, left by the submission graded before, in {found}")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
