"""Hidden tests of rnn_step_forward: next_h on the course's linspace inputs and on random ones."""
from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, D, H = 3, 10, 4
    return dict(x=ls(-0.4, 0.7, N, D), prev_h=ls(-0.2, 0.5, N, H), Wx=ls(-0.1, 0.9, D, H),
                Wh=ls(-0.3, 0.7, H, H), b=ls(-0.2, 0.4, H))


def random(rng):
    N, D, H = 6, 7, 5
    return dict(x=rng.randn(N, D), prev_h=rng.randn(N, H), Wx=rng.randn(D, H),
                Wh=rng.randn(H, H), b=rng.randn(H))


CASES = {"linspace": linspace, "random": random}
