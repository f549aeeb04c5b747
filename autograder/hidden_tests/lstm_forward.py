"""Hidden tests of lstm_forward: the hidden states h (N, T, H), initial cell state zero."""

from autograder.hidden_tests._inputs import ls


def linspace(rng):
    N, D, H, T = 2, 5, 4, 3
    return dict(
        x=ls(-0.4, 0.6, N, T, D),
        h0=ls(-0.4, 0.8, N, H),
        Wx=ls(-0.2, 0.9, D, 4 * H),
        Wh=ls(-0.3, 0.6, H, 4 * H),
        b=ls(0.2, 0.7, 4 * H),
    )


def random(rng):
    N, D, H, T = 3, 4, 5, 8
    return dict(
        x=rng.randn(N, T, D), h0=rng.randn(N, H), Wx=rng.randn(D, 4 * H), Wh=rng.randn(H, 4 * H), b=rng.randn(4 * H)
    )


CASES = {"linspace": linspace, "random": random}

# The course's published h on the linspace case: `a3 build` judges the reference by it.
PUBLISHED = {
    "linspace": {
        "h": [
            [
                [0.01764008, 0.01823233, 0.01882671, 0.0194232],
                [0.11287491, 0.12146228, 0.13018446, 0.13902939],
                [0.31358768, 0.33338627, 0.35304453, 0.37250975],
            ],
            [
                [0.45767879, 0.4761092, 0.4936887, 0.51041945],
                [0.6704845, 0.69350089, 0.71486014, 0.7346449],
                [0.81733511, 0.83677871, 0.85403753, 0.86935314],
            ],
        ]
    }
}
