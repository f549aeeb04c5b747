"""Ships pickle and dill payloads in the submission (a 'log' and a 'model') and makes the
worker write its output as a pickled object array (by patching numpy.savez): unpickling any of them would create
$MARKER. The grader never unpickles anything from a submission: the replaced numpy.savez
costs the question at once, and the grader reads outputs with allow_pickle=False anyway
(tests/test_engine.py)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"your code replaced numpy\.savez"
PAYLOAD_FILES = ["student_output.log", "cs231n/model.pkl", "cs231n/state.dill", "results.pkl"]
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import numpy as np
    class Payload:
        def __reduce__(self):
            return (open, ("$MARKER", "w"))
    real_savez = np.savez
    def savez(fh, **arrays):     # what the worker writes its outputs with
        real_savez(fh, **{name: np.array([Payload()], dtype=object) for name in arrays})
    np.savez = savez
    return np.zeros_like(prev_h), None
'''
