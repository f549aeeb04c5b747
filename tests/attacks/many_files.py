"""Hole 8 of issue 11: writes many files, each far under the file-size limit, in its working
folder (before the fix a folder on the host's disk): up to 1 GiB in 4096 files of 256 KiB.
Its writable places must hold at most the /tmp size cap in all."""

QUESTION = "rnn_step_forward"
MESSAGE = r"wrote (6[4-9]|[7-9]\d|1\d\d|2[0-5]\d) MiB in \d+ files, then OSError"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os
    block, files, stopped = b"y" * 2**18, 0, None
    try:
        for i in range(4096):
            with open(f"many-{i}", "wb") as fh:
                fh.write(block)
            files += 1
    except OSError as exc:
        stopped = type(exc).__name__
    raise RuntimeError(f"attack: wrote {files // 4} MiB in {files} files, then {stopped}")
'''
