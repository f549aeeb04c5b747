"""Replaces builtins.abs, max and all (what a comparison in the same interpreter would use),
then returns a wrong answer."""

QUESTION = "rnn_step_forward"
MESSAGE = r"your code replaced builtins\.(abs|all|max)"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import builtins
    import numpy as np
    builtins.abs = lambda v: 0
    builtins.all = lambda v: True
    builtins.max = lambda *a, **k: 0
    return np.zeros_like(prev_h), None
'''
