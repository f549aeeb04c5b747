"""Hidden tests of style_loss: features of several layers of different sizes (feat_<i>),
the style layers to use (not all, not in order), their target Gram matrices (target_<k>)
and weights; linspace inputs as in the notebook, and random ones."""

import numpy as np

from autograder.hidden_tests._inputs import ls

SHAPES = [(1, 8, 8, 3), (1, 8, 6, 4), (1, 4, 3, 6), (1, 4, 4, 5), (1, 2, 3, 8)]


def _inputs(feats, layers, targets, weights):
    out = {f"feat_{i}": f.astype(np.float32) for i, f in enumerate(feats)}
    out.update({f"target_{k}": t.astype(np.float32) for k, t in enumerate(targets)})
    out.update(style_layers=np.array(layers), style_weights=np.array(weights, np.float64))
    return out


def linspace(rng):
    feats = [ls(0.0, 1.0 + i, *s) for i, s in enumerate(SHAPES)]
    layers = [0, 2, 3]
    targets = [ls(0.2, 0.05, SHAPES[i][3], SHAPES[i][3]) for i in layers]
    return _inputs(feats, layers, targets, [300.0, 10.0, 2.0])


def random(rng):
    feats = [rng.rand(*s) for s in SHAPES]
    layers = [4, 1, 2]
    targets = [0.3 * rng.rand(SHAPES[i][3], SHAPES[i][3]) for i in layers]
    return _inputs(feats, layers, targets, [7.0, 0.5, 30.0])


CASES = {"linspace": linspace, "random": random}
