"""Returns an object whose __eq__ is always True (and that says it is close to anything)
instead of an array."""

QUESTION = "rnn_step_forward"
MESSAGE = r"not a plain numeric array"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    class Anything:
        def __eq__(self, other): return True
        def __ne__(self, other): return False
        def __sub__(self, other): return 0
        def __rsub__(self, other): return 0
        def __abs__(self): return 0
    return Anything(), None
'''
