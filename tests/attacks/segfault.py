"""Crashes the interpreter with a segmentation fault through ctypes."""

QUESTION = "rnn_step_forward"
MESSAGE = r"signal SIGSEGV"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import ctypes
    ctypes.string_at(0)
'''
