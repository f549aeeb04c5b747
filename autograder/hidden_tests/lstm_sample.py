"""Hidden tests of CaptioningRNN.sample with cell_type='lstm': greedy captions for fixed
weights (shape (N, max_length) with max_length 17, integer dtype, first column = first
sampled word), and <NULL> after <END> (max_length 30)."""
from autograder.hidden_tests._captioning import check_greedy, check_stops_at_end
from autograder.hidden_tests._inputs import sample_inputs

CASES = {"greedy": lambda rng: sample_inputs(rng, "lstm", N=6, V=15, scale=0.6, max_length=17),
         "stops_at_end": lambda rng: sample_inputs(rng, "lstm", N=8, V=10, scale=1.5, H=16)}


def check(case, got, expected, inputs, question):
    return (check_greedy if case == "greedy" else check_stops_at_end)(got, expected)
