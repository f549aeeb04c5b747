"""Hidden tests of rnn_forward: the hidden states h (N, T, H)."""
from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, T, D, H = 2, 3, 4, 5
    return dict(x=ls(-0.1, 0.3, N, T, D), h0=ls(-0.3, 0.1, N, H), Wx=ls(-0.2, 0.4, D, H),
                Wh=ls(-0.4, 0.1, H, H), b=ls(-0.7, 0.1, H))


def random(rng):
    N, T, D, H = 4, 7, 3, 6
    return dict(x=rng.randn(N, T, D), h0=rng.randn(N, H), Wx=rng.randn(D, H),
                Wh=0.5 * rng.randn(H, H), b=rng.randn(H))


CASES = {"linspace": linspace, "random": random}
