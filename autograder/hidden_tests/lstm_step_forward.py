"""Hidden tests of lstm_step_forward: next_h and next_c (gate order i, f, o, g)."""

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, D, H = 3, 4, 5
    return dict(
        x=ls(-0.4, 1.2, N, D),
        prev_h=ls(-0.3, 0.7, N, H),
        prev_c=ls(-0.4, 0.9, N, H),
        Wx=ls(-2.1, 1.3, D, 4 * H),
        Wh=ls(-0.7, 2.2, H, 4 * H),
        b=ls(0.3, 0.7, 4 * H),
    )


def random(rng):
    N, D, H = 5, 6, 4
    return dict(
        x=rng.randn(N, D),
        prev_h=rng.randn(N, H),
        prev_c=rng.randn(N, H),
        Wx=rng.randn(D, 4 * H),
        Wh=rng.randn(H, 4 * H),
        b=rng.randn(4 * H),
    )


CASES = {"linspace": linspace, "random": random}

# The course's published next_h on the linspace case: `a3 build` judges the reference by it.
PUBLISHED = {
    "linspace": {
        "next_h": [
            [0.24635157, 0.28610883, 0.32240467, 0.35525807, 0.38474904],
            [0.49223563, 0.55611431, 0.61507696, 0.66844003, 0.7159181],
            [0.56735664, 0.66310127, 0.74419266, 0.80889665, 0.858299],
        ]
    }
}
