"""Replaces numpy.allclose, numpy.testing's asserts and numpy.isclose in the student process
(as if the tests ran there), then returns a wrong answer."""

QUESTION = "rnn_step_forward"
MESSAGE = r"your code replaced numpy\.(allclose|isclose|testing)"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import numpy as np
    np.allclose = lambda *a, **k: True
    np.isclose = lambda a, b, *r, **k: np.ones_like(a, dtype=bool)
    np.testing.assert_allclose = lambda *a, **k: None
    np.testing.assert_array_almost_equal = lambda *a, **k: None
    return np.zeros_like(prev_h), None
'''
