"""Correct make_fooling_image written differently from the reference."""

TARGET = "cs231n/net_visualization.py::make_fooling_image"


def course_signature_variable(X, target_y, model):
    """The course's own signature (no learning_rate/max_iter arguments: learning_rate = 1
    inside), a tf.Variable updated with assign_add, a loop that checks the prediction at
    the top and stops when fooled; returns the tf.Variable itself."""
    import tensorflow as tf

    X_fooling = X.copy()
    learning_rate = 1
    X_fooling = tf.Variable(X_fooling)
    for _ in range(100):
        with tf.GradientTape() as tape:
            tape.watch(X_fooling)
            scores = model(X_fooling)
            target_score = scores[:, target_y]
        if tf.math.argmax(scores, axis=1)[0] == target_y:
            break
        g = tape.gradient(target_score, X_fooling)
        dX = learning_rate * g / tf.norm(g, ord=2)
        X_fooling.assign_add(dX)
    return X_fooling


def numpy_step_while_loop(X, target_y, model, learning_rate=1.0, max_iter=100):
    """A while loop on a numpy image: the gradient taken from a fresh constant each step,
    the step and its norm computed in numpy (float32)."""
    import numpy as np
    import tensorflow as tf

    X_fooling = np.copy(X)
    it = 0
    while it < max_iter:
        x = tf.convert_to_tensor(X_fooling)
        with tf.GradientTape() as tape:
            tape.watch(x)
            scores = model(x)
            target_score = scores[0, target_y]
        if np.argmax(scores.numpy()[0]) == target_y:
            break
        g = tape.gradient(target_score, x).numpy()
        X_fooling = X_fooling + learning_rate * g / np.sqrt(np.sum(g * g))
        it += 1
    return X_fooling


EQUIVALENTS = [course_signature_variable, numpy_step_while_loop]
