"""Correct class_visualization_update_step written differently from the reference (the
course's step is unnormalised: X += learning_rate * g)."""

TARGET = "cs231n/net_visualization.py::class_visualization_update_step"


def course_form_watch_tensor(X, model, target_y, l2_reg, learning_rate):
    """The course's students' form: X is the tensor the caller passed (tape.watch(X)
    works only on a tensor), the penalty as l2_reg * tf.norm(X) ** 2, the unnormalised step
    X += learning_rate * dX, the tensor returned."""
    import tensorflow as tf

    with tf.GradientTape() as tape:
        tape.watch(X)
        scores = model(X)
        score = scores[:, target_y] - l2_reg * tf.norm(X) ** 2
    dX = tape.gradient(score, X)
    X += learning_rate * dX
    return X


def variable_numpy_step(X, model, target_y, l2_reg, learning_rate):
    """A tf.Variable copy of X, the penalty's gradient added by hand (2 * l2_reg * X) to
    the gradient of the score, the step taken in numpy."""
    import tensorflow as tf

    X_var = tf.Variable(X)
    with tf.GradientTape() as tape:
        score = tf.gather_nd(model(X_var), [[0, target_y]])
    g = tape.gradient(score, X_var).numpy() - 2 * l2_reg * X_var.numpy()
    return X_var.numpy() + learning_rate * g


def normalised_step(X, model, target_y, l2_reg, learning_rate):
    """The step normalised as in the fooling image, lr * g / ||g||_2: the course's TODO
    ("make a gradient step on the image using the learning rate") does not forbid it and many
    of its students wrote it; the direction is the same gradient."""
    import tensorflow as tf

    X = tf.Variable(X)
    with tf.GradientTape() as tape:
        loss = model(X)[0, target_y] - l2_reg * tf.nn.l2_loss(X) * 2
    g = tape.gradient(loss, X)
    return X + learning_rate * g / tf.norm(g)


EQUIVALENTS = [course_form_watch_tensor, variable_numpy_step, normalised_step]
