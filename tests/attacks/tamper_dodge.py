"""Hole 10 of issue 11 (tampering): changes the interpreter where the tamper check did not
look: numpy.ndarray.tolist through the type's own dict, and the worker's protocol.parse by
swapping its code object. The check is best effort (README: Sandbox); these two are seen."""

QUESTION = "rnn_step_forward"
MESSAGE = r"replaced .*(numpy\.ndarray\.tolist|protocol\.parse)"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import gc
    import numpy as np
    from autograder.student_process import protocol
    gc.get_referents(np.ndarray.__dict__)[0]["tolist"] = lambda self: []
    def parse(line):
        return {}
    protocol.parse.__code__ = parse.__code__
    return np.zeros_like(prev_h), None
'''
