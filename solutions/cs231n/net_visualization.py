"""Network visualization (Part 3) in TensorFlow 2: saliency maps, fooling images and
class visualization, by gradients of class scores with respect to the input image.

Every function takes a Keras ``model`` that maps float32 images (N, H, W, 3) to unnormalised
class scores (N, num_classes), e.g. ``cs231n.netvis_utils.load_squeezenet()``. Call it as
``model(X)`` (inference mode) inside a ``tf.GradientTape`` that watches the image.
"""
import numpy as np
import tensorflow as tf

from cs231n.netvis_utils import blur_image, jitter


def compute_saliency_maps(X, y, model):
    """
    Compute a class saliency map using the model for images X and labels y.

    Input:
    - X: Input images, numpy array of shape (N, H, W, 3)
    - y: Labels for X, numpy int array of shape (N,)
    - model: A Keras model that maps images (N, H, W, 3) to class scores (N, C)

    Returns:
    - saliency: A numpy array of shape (N, H, W) giving the saliency maps for the
      input images: for each pixel, the largest absolute value over the 3 channels of the
      gradient of the correct class's (unnormalised) score with respect to that pixel.
    """
    saliency = None
    ##############################################################################
    # TODO: Compute the gradient of the correct class scores with respect to the  #
    # input images inside a tf.GradientTape (watch the image tensor), then take   #
    # the absolute value and the maximum over the channels. Return a numpy array. #
    # Hint: tf.gather_nd or a one-hot mask picks each image's correct score.      #
    ##############################################################################
    # BEGIN SOLUTION
    X = tf.convert_to_tensor(X, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(X)
        scores = model(X)
        correct_scores = tf.gather(scores, np.asarray(y, dtype=np.int64), axis=1, batch_dims=1)
    grads = tape.gradient(correct_scores, X)
    saliency = tf.reduce_max(tf.abs(grads), axis=3).numpy()
    # END SOLUTION
    ##############################################################################
    #                             END OF YOUR CODE                               #
    ##############################################################################
    return saliency


def make_fooling_image(X, target_y, model, learning_rate=1.0, max_iter=100):
    """
    Generate a fooling image that is close to X, but that the model classifies
    as target_y.

    Inputs:
    - X: Input image, numpy array of shape (1, H, W, 3)
    - target_y: An integer in the range [0, num_classes)
    - model: A Keras model that maps images (N, H, W, 3) to class scores (N, C)
    - learning_rate: the length (L2 norm) of each step
    - max_iter: stop after this many steps at the latest

    Returns:
    - X_fooling: An image that is close to X, but that is classified as target_y
      by the model: a new numpy array of shape (1, H, W, 3) (X itself is not modified).
    """
    X_fooling = np.array(X, dtype=np.float32, copy=True)
    ##############################################################################
    # TODO: Generate a fooling image X_fooling that the model will classify as   #
    # the class target_y. Perform gradient ascent on the score of the target     #
    # class, stopping as soon as the model is fooled (check before each step),   #
    # and after max_iter steps at the latest. Each step is normalised:           #
    #     dX = learning_rate * g / ||g||_2                                        #
    # where g is the gradient of the target score with respect to the image and  #
    # ||g||_2 its L2 norm over all its entries.                                   #
    ##############################################################################
    # BEGIN SOLUTION
    X_var = tf.Variable(X_fooling)
    for _ in range(max_iter):
        with tf.GradientTape() as tape:
            scores = model(X_var)
            target_score = scores[0, target_y]
        if int(tf.argmax(scores[0])) == target_y:
            break
        g = tape.gradient(target_score, X_var)
        X_var.assign_add(learning_rate * g / tf.norm(g))
    X_fooling = X_var.numpy()
    # END SOLUTION
    ##############################################################################
    #                             END OF YOUR CODE                               #
    ##############################################################################
    return X_fooling


def class_visualization_update_step(X, model, target_y, l2_reg, learning_rate):
    """
    One step of class visualization: gradient ascent on the score of target_y minus an
    L2 penalty on the image, I* = argmax_I s_y(I) - l2_reg * ||I||_2^2.

    Inputs:
    - X: the current image, a tf.Tensor of shape (1, H, W, 3) (float32)
    - model: A Keras model that maps images (N, H, W, 3) to class scores (N, C)
    - target_y: Integer in the range [0, num_classes) giving the index of the class
    - l2_reg: Strength of L2 regularization on the image
    - learning_rate: How big a step to take

    Returns:
    - X: the updated image of shape (1, H, W, 3) (a tf.Tensor or a numpy array):
      X + learning_rate * g, where g is the gradient of s_y(X) - l2_reg * sum(X ** 2)
      with respect to X.
    """
    ########################################################################
    # TODO: Inside a tf.GradientTape that watches X, compute the objective  #
    # (the score of target_y minus l2_reg times the sum of the squares of  #
    # the image), take its gradient g with tape.gradient, and step up the  #
    # objective: X + learning_rate * g. Mind the signs.                    #
    ########################################################################
    # BEGIN SOLUTION
    X = tf.convert_to_tensor(X, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(X)
        objective = model(X)[0, target_y] - l2_reg * tf.reduce_sum(X * X)
    g = tape.gradient(objective, X)
    X = X + learning_rate * g
    # END SOLUTION
    ############################################################################
    #                             END OF YOUR CODE                             #
    ############################################################################
    return X


def create_class_visualization(target_y, model, num_iterations=100, l2_reg=1e-3, learning_rate=10.0,
                               blur_every=10, max_jitter=4, clamp=(-2.0, 2.0), seed=0, snapshots=()):
    """
    Generate an image that maximizes the score of target_y under a trained model
    (given code: it calls your class_visualization_update_step).

    Inputs:
    - target_y: Integer in the range [0, num_classes) giving the index of the class
    - model: A Keras model that maps images (N, H, W, 3) to class scores (N, C)
    - num_iterations: How many update steps to take
    - l2_reg, learning_rate: passed to class_visualization_update_step (X as a tf.Tensor, as
      in the course); the step it takes is then rescaled to the L2 length learning_rate
    - blur_every: How often to blur the image as an implicit regularizer
    - max_jitter: How much to jitter the image as an implicit regularizer
    - clamp: (low, high) bounds of the image values (preprocessed units) after each step
    - seed: seed of the random start image and of the jitter
    - snapshots: iterations (0-based) after which a copy of the image is kept

    Returns a tuple of:
    - X: the final image, numpy array (1, H, W, 3)
    - kept: {iteration: copy of the image after that iteration}
    """
    rng = np.random.RandomState(seed)
    H, W, _ = model.input_shape[1:]
    X = (0.1 * rng.randn(1, H, W, 3)).astype(np.float32)
    kept = {}
    for t in range(num_iterations):
        ox, oy = rng.randint(-max_jitter, max_jitter + 1, size=2)
        X = jitter(X, ox, oy)
        X_new = np.asarray(class_visualization_update_step(tf.convert_to_tensor(X), model, target_y, l2_reg,
                                                           learning_rate), dtype=np.float32)
        # This small model's gradients vary by orders of magnitude between classes and
        # iterations: the loop rescales your step to the L2 length learning_rate.
        step = X_new - X
        X = X + learning_rate * step / max(float(np.linalg.norm(step)), 1e-12)
        X = jitter(X, -ox, -oy)
        X = np.clip(X, clamp[0], clamp[1]).astype(np.float32)
        if blur_every and t % blur_every == 0:
            X = blur_image(X, sigma=0.5)
        if t in snapshots:
            kept[t] = X.copy()
    return X, kept
