"""Hidden tests of lstm_forward: the hidden states h (N, T, H), initial cell state zero."""
from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, D, H, T = 2, 5, 4, 3
    return dict(x=ls(-0.4, 0.6, N, T, D), h0=ls(-0.4, 0.8, N, H), Wx=ls(-0.2, 0.9, D, 4 * H),
                Wh=ls(-0.3, 0.6, H, 4 * H), b=ls(0.2, 0.7, 4 * H))


def random(rng):
    N, D, H, T = 3, 4, 5, 8
    return dict(x=rng.randn(N, T, D), h0=rng.randn(N, H), Wx=rng.randn(D, 4 * H),
                Wh=rng.randn(H, 4 * H), b=rng.randn(4 * H))


CASES = {"linspace": linspace, "random": random}
