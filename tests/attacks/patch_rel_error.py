"""Redefines rel_error (in the student's package and in every loaded module that has one) to
return 0, then returns a wrong answer."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import sys
    import numpy as np
    for mod in list(sys.modules.values()):
        if hasattr(mod, "rel_error"):
            mod.rel_error = lambda *a, **k: 0.0
    import cs231n.gradient_check as gc
    gc.rel_error = lambda *a, **k: 0.0
    return np.zeros_like(prev_h), None
'''
