"""Hidden tests of rnn_step_backward: every gradient against the reference's."""


def _case(rng, N, D, H):
    return dict(
        x=rng.randn(N, D),
        prev_h=rng.randn(N, H),
        Wx=rng.randn(D, H),
        Wh=rng.randn(H, H),
        b=rng.randn(H),
        dnext_h=rng.randn(N, H),
    )


CASES = {"random": lambda rng: _case(rng, 4, 5, 6), "random_large": lambda rng: _case(rng, 9, 12, 7)}
