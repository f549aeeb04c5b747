"""Hidden tests of lstm_backward: dx, dh0, dWx, dWh, db through time."""


def _case(rng, N, D, T, H):
    return dict(
        x=rng.randn(N, T, D),
        h0=rng.randn(N, H),
        Wx=rng.randn(D, 4 * H),
        Wh=rng.randn(H, 4 * H),
        b=rng.randn(4 * H),
        dh=rng.randn(N, T, H),
    )


CASES = {"random": lambda rng: _case(rng, 2, 3, 10, 6), "random_long": lambda rng: _case(rng, 3, 4, 15, 5)}
