"""Raises KeyboardInterrupt, as a Ctrl-C would, hoping to stop the grader."""

QUESTION = "rnn_step_forward"
MESSAGE = r"KeyboardInterrupt"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    raise KeyboardInterrupt
'''
