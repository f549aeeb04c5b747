"""Hidden tests of rnn_forward: the hidden states h (N, T, H)."""

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, T, D, H = 2, 3, 4, 5
    return dict(
        x=ls(-0.1, 0.3, N, T, D),
        h0=ls(-0.3, 0.1, N, H),
        Wx=ls(-0.2, 0.4, D, H),
        Wh=ls(-0.4, 0.1, H, H),
        b=ls(-0.7, 0.1, H),
    )


def random(rng):
    N, T, D, H = 4, 7, 3, 6
    return dict(x=rng.randn(N, T, D), h0=rng.randn(N, H), Wx=rng.randn(D, H), Wh=0.5 * rng.randn(H, H), b=rng.randn(H))


CASES = {"linspace": linspace, "random": random}

# The course's published h on the linspace case: `a3 build` judges the reference by it.
PUBLISHED = {
    "linspace": {
        "h": [
            [
                [-0.42070749, -0.27279261, -0.11074945, 0.05740409, 0.22236251],
                [-0.39525808, -0.22554661, -0.0409454, 0.14649412, 0.32397316],
                [-0.42305111, -0.24223728, -0.04287027, 0.15997045, 0.35014525],
            ],
            [
                [-0.55857474, -0.39065825, -0.19198182, 0.02378408, 0.23735671],
                [-0.27150199, -0.07088804, 0.13562939, 0.33099728, 0.50158768],
                [-0.51014825, -0.30524429, -0.06755202, 0.17806392, 0.40333043],
            ],
        ]
    }
}
