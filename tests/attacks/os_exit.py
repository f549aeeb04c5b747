"""Ends the student process with os._exit in the middle of a question."""

QUESTION = "rnn_step_forward"
MESSAGE = r"ended \(exit code 3\)"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    os._exit(3)
'''
