"""A tiny deterministic convolutional network for the public tests of the network
visualization questions (given code): small enough to check by hand, with seeded weights
(``np.random.RandomState(231)``), so that every run gives the same scores.

Layout: images (N, H, W, 3) -> conv 3x3 'same', 2 filters, tanh -> flatten -> dense ->
scores (N, num_classes).
"""
import keras
import numpy as np


def tiny_convnet(H=4, W=4, num_classes=3):
    """The Keras model; its weights, in ``model.weights`` order, are drawn from
    ``0.5 * np.random.RandomState(231).randn``."""
    inputs = keras.Input(shape=(H, W, 3))
    x = keras.layers.Conv2D(2, 3, padding="same", activation="tanh")(inputs)
    x = keras.layers.Flatten()(x)
    scores = keras.layers.Dense(num_classes)(x)
    model = keras.Model(inputs, scores, name="tiny_convnet")
    rng = np.random.RandomState(231)
    for w in model.weights:
        w.assign((0.5 * rng.randn(*w.shape)).astype(np.float32))
    return model
