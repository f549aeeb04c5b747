"""Forks up to 300 sleeping processes under a limit of 64, then reports how far it got."""

QUESTION = "rnn_step_forward"
MESSAGE = r"forked \d+ processes, then BlockingIOError"
LIMITS = {"processes": 64}
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, time
    children, stopped = [], None
    for _ in range(300):
        try:
            pid = os.fork()
        except OSError as exc:
            stopped = type(exc).__name__
            break
        if pid == 0:
            time.sleep(20)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    raise RuntimeError(f"attack: forked {len(children)} processes, then {stopped}")
'''
