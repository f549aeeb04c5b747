"""Returns a lazy object that becomes an array only when asked (__array__) and hopes to be
asked by a comparison it can influence: it gives zeros, and its values are what is judged."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import numpy as np
    class Lazy:
        shape = prev_h.shape
        def __array__(self, dtype=None, copy=None):
            return np.zeros(prev_h.shape)
        def __eq__(self, other): return True
    return Lazy(), None
'''
