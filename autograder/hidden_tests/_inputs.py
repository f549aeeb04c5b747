"""Small builders shared by the hidden tests (grader side only)."""

from __future__ import annotations

import numpy as np


def ls(lo, hi, *shape):
    """``np.linspace(lo, hi, num=prod(shape)).reshape(shape)``, the course's deterministic input."""
    return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape)


SPECIAL = ["<NULL>", "<START>", "<END>"]


def vocabulary(n_words: int) -> np.ndarray:
    """``<NULL>``=0, ``<START>``=1, ``<END>``=2, then ``w3 ... w{n-1}``, as a unicode array."""
    return np.array(SPECIAL + [f"w{i}" for i in range(3, n_words)])


def param_shapes(cell_type, V, D, W, H):
    """Shapes of CaptioningRNN.params, as the course's __init__ makes them."""
    dim_mul = {"rnn": 1, "lstm": 4}[cell_type]
    return {
        "W_embed": (V, W),
        "W_proj": (D, H),
        "b_proj": (H,),
        "Wx": (W, dim_mul * H),
        "Wh": (H, dim_mul * H),
        "b": (dim_mul * H,),
        "W_vocab": (H, V),
        "b_vocab": (V,),
    }


def model_inputs(cell_type, words, D, W, H, params, word_ids=None):
    """Inputs shared by the CaptioningRNN questions: vocabulary (``words`` with their
    ``word_ids``), sizes and param_<name>."""
    word_ids = np.arange(len(words)) if word_ids is None else np.asarray(word_ids)
    out = {
        "words": words,
        "word_ids": word_ids,
        "cell_type": np.array(cell_type),
        "input_dim": np.array(D),
        "wordvec_dim": np.array(W),
        "hidden_dim": np.array(H),
    }
    out.update({"param_" + k: v for k, v in params.items()})
    return out


def published_loss_inputs(cell_type, feature_range):
    """The course's published loss setup: N, D, W, H = 10, 20, 30, 40, vocabulary
    {'<NULL>': 0, 'cat': 2, 'dog': 3} (V = 3), T = 13, linspace parameters and features."""
    N, D, W, H, T = 10, 20, 30, 40, 13
    words, word_ids = np.array(["<NULL>", "cat", "dog"]), np.array([0, 2, 3])
    V = len(words)
    params = {k: ls(-1.4, 1.3, *s) for k, s in param_shapes(cell_type, V, D, W, H).items()}
    inputs = model_inputs(cell_type, words, D, W, H, params, word_ids)
    inputs["features"] = ls(*feature_range, N, D)
    inputs["captions"] = (np.arange(N * T) % V).reshape(N, T)
    return inputs


def random_loss_inputs(rng, cell_type, N=5, D=8, W=6, H=7, V=9, T=6):
    """Seeded random parameters and captions (with <NULL> padding) for CaptioningRNN.loss."""
    words = vocabulary(V)
    params = {k: 0.5 * rng.randn(*s) for k, s in param_shapes(cell_type, V, D, W, H).items()}
    inputs = model_inputs(cell_type, words, D, W, H, params)
    inputs["features"] = rng.randn(N, D)
    captions = rng.randint(3, V, size=(N, T))
    captions[:, 0] = 1
    lengths = rng.randint(2, T, size=N)
    for i, L in enumerate(lengths):
        captions[i, L] = 2
        captions[i, L + 1 :] = 0
    inputs["captions"] = captions
    return inputs


def sample_inputs(rng, cell_type, N, V, scale, end_bias=0.0, D=8, W=6, H=10, max_length=30):
    """Seeded parameters and features for CaptioningRNN.sample; ``end_bias`` raises the
    score of <END> so that captions end early."""
    words = vocabulary(V)
    params = {k: scale * rng.randn(*s) for k, s in param_shapes(cell_type, V, D, W, H).items()}
    params["b_vocab"][2] += end_bias
    inputs = model_inputs(cell_type, words, D, W, H, params)
    inputs["features"] = rng.randn(N, D)
    inputs["max_length"] = np.array(max_length)
    return inputs
