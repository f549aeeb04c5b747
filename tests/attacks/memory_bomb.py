"""Allocates and touches memory in 256 MiB blocks, up to 6 GiB, under a 2 GiB limit."""

QUESTION = "rnn_step_forward"
MESSAGE = r"MemoryError"
LIMITS = {"memory": 2 * 2**30}
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import numpy as np
    blocks = []
    for _ in range(24):
        blocks.append(np.ones(2**25))        # 256 MiB each, written
    raise RuntimeError(f"attack: allocated {len(blocks) * 256} MiB unhindered")
'''
