"""Plausible wrong versions of CaptioningRNN.sample (greedy captioning), graded with
cell_type='rnn' (each also handles 'lstm' the way a student's would). Writing words after
<END> is not a bug (the course did not require stopping): tests/equivalents/rnn_sample.py."""

from mutants import edit

TARGET = "cs231n/classifiers/rnn.py::CaptioningRNN.sample"

WRITE = "            captions[:, t] = np.where(done, self._null, words)\n"
MARK_DONE = "            if self._end is not None:\n                done |= (words == self._end)\n"
SCORES = "            scores = prev_h.dot(W_vocab) + b_vocab                      # (N, V)\n"

starts_with_null = edit(
    "starts_with_null",
    "Feeds <NULL> (index 0) as the first word instead of <START>.",
    ("np.full(N, self._start", "np.full(N, self._null"),
)

start_in_first_column = edit(
    "start_in_first_column",
    "Writes <START> into the first column and the sampled words from column 1 on.",
    ("for t in range(max_length):", "captions[:, 0] = self._start\n        for t in range(1, max_length):"),
)

hidden_state_not_carried = edit(
    "hidden_state_not_carried",
    "Steps from the projected features every time instead of the previous hidden state.",
    ("prev_h = features.dot(W_proj) + b_proj", "h0 = features.dot(W_proj) + b_proj\n        prev_h = h0"),
    (
        "            x = W_embed[words]",
        "            prev_h, prev_c = h0, np.zeros_like(h0)\n            x = W_embed[words]",
    ),
)

scores_from_previous_state = edit(
    "scores_from_previous_state",
    "Computes the word scores from the hidden state before the step instead of after it.",
    (
        "            if self.cell_type == 'rnn':\n",
        "            scores = prev_h.dot(W_vocab) + b_vocab\n            if self.cell_type == 'rnn':\n",
    ),
    (SCORES, ""),
)

float_captions = edit(
    "float_captions",
    "Allocates the captions with np.zeros (float64), so word indices come back as floats.",
    ("captions = self._null * np.ones((N, max_length), dtype=np.int32)", "captions = np.zeros((N, max_length))"),
)

end_replaced_by_null = edit(
    "end_replaced_by_null",
    "Marks a caption done before writing the word, so the <END> itself becomes <NULL>.",
    (WRITE + MARK_DONE, MARK_DONE + WRITE),
)

ignores_max_length = edit(
    "ignores_max_length",
    "Always samples 30 words (hard-coded) whatever max_length is asked for.",
    ("        N = features.shape[0]\n", "        N = features.shape[0]\n        max_length = 30\n"),
)

always_feeds_start = edit(
    "always_feeds_start",
    "Feeds <START> at every step instead of the word sampled at the previous step.",
    ("x = W_embed[words]", "x = W_embed[np.full(N, self._start, dtype=np.int64)]"),
)


MUTANTS = [
    starts_with_null,
    start_in_first_column,
    hidden_state_not_carried,
    scores_from_previous_state,
    float_captions,
    end_replaced_by_null,
    always_feeds_start,
    ignores_max_length,
]
