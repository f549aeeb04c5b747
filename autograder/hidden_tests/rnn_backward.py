"""Hidden tests of rnn_backward: dx, dh0, dWx, dWh, db through time."""


def _case(rng, N, D, T, H):
    return dict(
        x=rng.randn(N, T, D),
        h0=rng.randn(N, H),
        Wx=rng.randn(D, H),
        Wh=rng.randn(H, H),
        b=rng.randn(H),
        dh=rng.randn(N, T, H),
    )


CASES = {"random": lambda rng: _case(rng, 2, 3, 10, 5), "random_long": lambda rng: _case(rng, 3, 4, 17, 6)}
