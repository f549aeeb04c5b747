"""Hidden tests of lstm_step_backward: dx, dprev_h, dprev_c, dWx, dWh, db."""


def _case(rng, N, D, H):
    return dict(
        x=rng.randn(N, D),
        prev_h=rng.randn(N, H),
        prev_c=rng.randn(N, H),
        Wx=rng.randn(D, 4 * H),
        Wh=rng.randn(H, 4 * H),
        b=rng.randn(4 * H),
        dnext_h=rng.randn(N, H),
        dnext_c=rng.randn(N, H),
    )


CASES = {"random": lambda rng: _case(rng, 4, 5, 6), "random_large": lambda rng: _case(rng, 8, 3, 9)}
