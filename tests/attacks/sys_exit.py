"""Calls sys.exit, as a script would, hoping to end the run as 'passed'."""

QUESTION = "rnn_step_forward"
MESSAGE = r"SystemExit"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import sys
    sys.exit(0)
'''
