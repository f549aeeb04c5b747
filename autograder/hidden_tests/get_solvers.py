"""Hidden tests of get_solvers: two separate Adam optimizers with learning rate 1e-3 and
beta1 0.5 by default, and with the learning rate and beta1 it is given."""

import numpy as np


def defaults(rng):
    return {}


def arguments(rng):
    return dict(learning_rate=np.array(2e-4), beta1=np.array(0.3))


CASES = {"defaults": defaults, "arguments": arguments}
