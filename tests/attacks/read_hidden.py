"""Looks for the hidden tests, the fixtures and the reference on disk (absolute paths, /proc,
relative walks, paths in environment variables) and, if it finds the fixture, returns the
expected answer of the case whose inputs match. Without the sandbox this scores full marks
(tests/test_attacks.py::test_read_hidden_wins_without_the_sandbox)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, sys
    import numpy as np
    rel = "autograder/fixtures/rnn_step_forward.h5"
    places = ["$REPO/" + rel, "$REPO/autograder/hidden_tests/rnn_step_forward.py",
              "$REPO/solutions/cs231n/rnn_layers.py"]
    places += ["../" * n + rel for n in range(1, 10)]
    for value in os.environ.values():
        for part in value.split(os.pathsep):
            if part.startswith("/"):
                places += [os.path.join(part, rel), os.path.join(part, "..", rel), os.path.join(part, "../..", rel)]
    for pid in sorted(os.listdir("/proc"))[:500]:
        if pid.isdigit():
            places += [f"/proc/{pid}/root$REPO/{rel}", f"/proc/{pid}/cwd/{rel}"]
    found = []
    for place in places:
        try:
            with open(place, "rb") as fh:
                fh.read(16)
            found.append(place)
        except OSError:
            pass
    print("attack: readable:", found, file=sys.stderr)
    for place in found:
        if place.endswith(".h5"):
            import h5py
            with h5py.File(place, "r") as f:
                for case in f.values():
                    if np.array_equal(case["inputs"]["x"][()], x):
                        return case["expected"]["next_h"][()], None
    return np.zeros_like(prev_h), None
'''
