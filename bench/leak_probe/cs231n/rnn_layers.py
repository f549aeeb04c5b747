"""A submission that looks for what it must not read (bench/bare_images.sh grades it in a bare
image after the reference). Its rnn_step_forward tries every file of the grader it can name and
raises an error listing those it could read or write; results.json shows the message, which
must say ``readable: []``."""

import glob
import os

SECRETS = [
    "/autograder/source/autograder/fixtures/rnn_step_forward.h5",
    "/autograder/source/autograder/hidden_tests/rnn_step_forward.py",
    "/autograder/source/grading_config.yml",
    "/autograder/source/reference_submission/cs231n/rnn_layers.py",
    "/autograder/source/setup.sh",
    "/autograder/submission_metadata.json",
]


def _readable():
    found = []
    for path in SECRETS + glob.glob("/autograder/source/autograder/fixtures/*.h5")[:3]:
        try:
            with open(path, "rb") as f:
                f.read(16)
            found.append(path)
        except OSError:
            pass
    for folder in ("/autograder/results", "/autograder/source", "/autograder"):
        try:
            with open(os.path.join(folder, "probe.txt"), "w") as f:
                f.write("x")
            found.append("wrote " + folder)
        except OSError:
            pass
    return found


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    raise RuntimeError(f"readable: {_readable()!r}")
