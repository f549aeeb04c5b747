"""Issue 23: the network namespace is shared by the children of one zygote, and abstract unix
socket names live in it. The attack leaves two: a datagram socket that holds itself in
flight (sent on itself, then closed: no process holds it any more) and a daemon listening
on another name, then returns a wrong answer. The next submission graded by the same
grading process (NEXT_SOURCE) scores only if neither name answers: the zygote's ``clean``
kills every process, and a socket held only in flight is released with its last process."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import array, os, socket, time
    import numpy as np
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(b"\\0a3-attack-inflight")
    fds = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [s.fileno()]))]
    s.sendmsg([b"the answer"], fds, 0, b"\\0a3-attack-inflight")
    s.close()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(b"\\0a3-attack-daemon")
            server.listen(1)
            server.settimeout(60)
            try:
                conn, _ = server.accept()
                conn.sendall(b"the answer")
            except OSError:
                pass
        os._exit(0)
    time.sleep(0.2)
    return np.zeros_like(prev_h), None
'''
NEXT_SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import socket
    import numpy as np
    found = []
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.sendto(b"?", b"\\0a3-attack-inflight")
        found.append("a3-attack-inflight")
    except OSError:
        pass
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(b"\\0a3-attack-daemon")
        found.append("a3-attack-daemon")
    except OSError:
        pass
    if found:
        raise RuntimeError(f"abstract sockets left by the submission graded before: {found}")
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    return next_h, (x, prev_h, Wx, Wh, b, next_h)
'''
