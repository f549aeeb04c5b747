"""An infinite loop (bounded by itself at one minute)."""

QUESTION = "rnn_step_forward"
MESSAGE = r"timed out: still running after 3 s"
TIME_LIMIT = 3
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import time
    stop = time.monotonic() + 60
    while time.monotonic() < stop:
        pass
    raise RuntimeError("attack: the loop was not stopped")
'''
