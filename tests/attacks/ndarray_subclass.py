"""Returns an ndarray subclass whose comparisons and arithmetic always say 'equal'."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import numpy as np
    class Liar(np.ndarray):
        def __eq__(self, other): return np.ones(self.shape, dtype=bool)
        def __sub__(self, other): return np.zeros(self.shape)
        def __rsub__(self, other): return np.zeros(self.shape)
    return np.zeros_like(prev_h).view(Liar), None
'''
