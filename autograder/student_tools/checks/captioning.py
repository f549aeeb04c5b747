"""Checks of the captioning questions (Parts 1-2) beyond comparing every output."""

from __future__ import annotations

import numpy as np

from ..compare import Check, compare_array
from ..measure import caption_difference


def check_greedy(got, expected):
    """The greedy captions must be integers of the reference's shape (N, max_length) and
    match the reference's up to and including each first <END>; what follows <END> is
    not checked (the course: "you do not need to stop generating after an <END> token is
    sampled, but you can if you want to")."""
    caps, ref = got.get("captions"), expected["captions"]
    if caps is None or np.shape(caps) != ref.shape or np.asarray(caps).dtype.kind not in "iu":
        return [compare_array("captions", caps, ref, 0)]  # names the missing, shape or dtype problem
    diff = caption_difference(caps, ref)
    if diff is not None:
        i, j, got_word, ref_word = diff
        hint = " (the first column must be the first sampled word, not <START>)" if j == 0 and got_word == 1 else ""
        return [
            Check(
                "captions",
                False,
                f"captions: row {i} differs from the reference's greedy caption at "
                f"position {j}: got word {got_word}, expected {ref_word}{hint}",
            )
        ]
    return [Check("captions", True, "captions: every greedy caption matches the reference up to its <END>")]


def check_sample(case, got, expected, inputs, question):
    """rnn_sample, lstm_sample: see check_greedy."""
    return check_greedy(got, expected)
