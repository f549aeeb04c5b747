"""Connects to a listener the test runs on 127.0.0.1 outside the sandbox (to fetch answers
or leak the inputs); inside the sandbox there is no network, not even the host's loopback."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import socket, sys
    import numpy as np
    try:
        with socket.create_connection(("127.0.0.1", $PORT), timeout=3) as conn:
            conn.sendall(b"attack: connected")
    except OSError as exc:
        print("attack: no connection:", exc, file=sys.stderr)
    return np.zeros_like(prev_h), None
'''
