"""Hidden tests of rnn_step_forward: next_h on the course's linspace inputs and on random ones."""

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, D, H = 3, 10, 4
    return dict(
        x=ls(-0.4, 0.7, N, D),
        prev_h=ls(-0.2, 0.5, N, H),
        Wx=ls(-0.1, 0.9, D, H),
        Wh=ls(-0.3, 0.7, H, H),
        b=ls(-0.2, 0.4, H),
    )


def random(rng):
    N, D, H = 6, 7, 5
    return dict(x=rng.randn(N, D), prev_h=rng.randn(N, H), Wx=rng.randn(D, H), Wh=rng.randn(H, H), b=rng.randn(H))


CASES = {"linspace": linspace, "random": random}

# The course's published next_h on the linspace case: `a3 build` judges the reference by it.
PUBLISHED = {
    "linspace": {
        "next_h": [
            [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
            [0.66854692, 0.79562378, 0.87755553, 0.92795967],
            [0.97934501, 0.99144213, 0.99646691, 0.99854353],
        ]
    }
}
