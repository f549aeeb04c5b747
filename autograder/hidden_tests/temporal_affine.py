"""Hidden tests of temporal_affine_forward/backward (given code, still tested): out, dx, dw, db."""


def _case(rng, N, T, D, M):
    return dict(x=rng.randn(N, T, D), w=rng.randn(D, M), b=rng.randn(M), dout=rng.randn(N, T, M))


CASES = {"random": lambda rng: _case(rng, 2, 3, 4, 5), "random_large": lambda rng: _case(rng, 6, 7, 8, 9)}
