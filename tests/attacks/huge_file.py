"""Writes a file of up to 2 GiB in 64 MiB blocks (in its working folder), over the 256 MiB
limit."""

QUESTION = "rnn_step_forward"
MESSAGE = r"File too large"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    block = b"\\0" * 2**26
    with open("huge.bin", "wb") as fh:
        for _ in range(32):
            fh.write(block)
            fh.flush()
    raise RuntimeError("attack: wrote 2 GiB unhindered")
'''
