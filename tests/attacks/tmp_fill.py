"""Hole 6 of issue 11: fills the sandbox's /tmp (a tmpfs: host memory) with up to 1 GiB in
files of 64 MiB, each under the file-size limit; it must stop at the /tmp size cap."""

QUESTION = "rnn_step_forward"
MESSAGE = r"/tmp took (6[4-9]|[7-9]\d|1\d\d|2[0-5]\d) MiB, then OSError"  # at most the 256 MiB cap
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    block, written, stopped = b"x" * 2**20, 0, None
    try:
        for i in range(16):
            with open(f"/tmp/fill-{i}", "wb") as fh:
                for _ in range(64):
                    fh.write(block)
                    written += 1
    except OSError as exc:
        stopped = type(exc).__name__
    raise RuntimeError(f"attack: /tmp took {written} MiB, then {stopped}")
'''
