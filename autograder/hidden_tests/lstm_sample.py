"""Hidden tests of CaptioningRNN.sample with cell_type='lstm': greedy captions for fixed
weights (shape (N, max_length), integer dtype, first column = the first sampled word),
compared up to and including each caption's first <END>; what follows is not checked
(the course did not require stopping). ``greedy`` (public): max_length 17, one of the six
captions reaches <END>; ``ends_early``: other weights, max_length 30."""

from autograder.hidden_tests._inputs import sample_inputs

CASES = {
    "greedy": lambda rng: sample_inputs(rng, "lstm", N=6, V=15, scale=0.6, max_length=17),
    "ends_early": lambda rng: sample_inputs(rng, "lstm", N=8, V=10, scale=1.5, H=16),
}
