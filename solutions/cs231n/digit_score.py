"""How much do samples look like digits? (given code, Part 5)

A small classifier (784-128-10 MLP, numpy), trained on real MNIST digits by
``assignment/scripts/make_digit_classifier.py`` (93 % accuracy on 1000 held-out digits), scores a
batch of images (N, 784) with pixels in [0, 1]:

- ``confidence``: the mean over images of the classifier's top probability. Real digits
  score about 0.96, but uniform noise still 0.86: alone it says little.
- ``digit_score``: exp(E_x KL(p(y|x) || p(y))), the Inception Score computed with this
  classifier: high (up to 10) when each image is clearly one digit AND the batch covers
  many digits. Real digits score about 8.9, uniform noise 1.5; a generator that draws one
  digit, or blurs, scores low.
- ``classes``: how many images the classifier assigns to each digit 0-9.

The weights are looked for in ``$CS231N_GAN_DIR``, ``<folder holding cs231n>/datasets/gan``
and ``<repository>/assignment/data/gan``.
"""
import os

import numpy as np

_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CANDIDATES = [os.path.join(_PKG_PARENT, 'datasets', 'gan'),
              os.path.join(os.path.dirname(_PKG_PARENT), 'assignment', 'data', 'gan')]
WEIGHTS = 'digit_classifier.npz'


def classifier_path():
    """Path of the classifier's weights (FileNotFoundError naming where it looked)."""
    folders = ([os.environ['CS231N_GAN_DIR']] if os.environ.get('CS231N_GAN_DIR') else []) + CANDIDATES
    for folder in folders:
        path = os.path.join(folder, WEIGHTS)
        if os.path.exists(path):
            return path
    raise FileNotFoundError('%s not found in %s' % (WEIGHTS, ', '.join(folders)))


def load_classifier(path=None):
    """The classifier's parameters {W1, b1, W2, b2} as float64 arrays."""
    with np.load(path or classifier_path()) as f:
        return {k: f[k].astype(np.float64) for k in ('W1', 'b1', 'W2', 'b2')}


def predict_proba(images, params=None):
    """Class probabilities (N, 10) of images (N, 784) with pixels in [0, 1]."""
    params = params or load_classifier()
    x = np.asarray(images, dtype=np.float64).reshape(len(images), -1)
    h = np.maximum(0, x @ params['W1'] + params['b1'])
    scores = h @ params['W2'] + params['b2']
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def digit_scores(images, params=None):
    """{'confidence', 'digit_score', 'classes'} of images (N, 784) in [0, 1] (see above)."""
    p = predict_proba(images, params)
    marginal = p.mean(axis=0)
    kl = np.sum(p * (np.log(p + 1e-12) - np.log(marginal + 1e-12)), axis=1)
    return {'confidence': float(p.max(axis=1).mean()), 'digit_score': float(np.exp(kl.mean())),
            'classes': np.bincount(p.argmax(axis=1), minlength=10)}
