"""Frank's fooling image (Part 3): his loop fools the model, but he returns the input image
``X`` instead of the fooling image he made (the course asks for a new image close to X)."""


def make_fooling_image(X, target_y, model, learning_rate=1.0, max_iter=100):
    X_var = tf.Variable(np.array(X, dtype=np.float32, copy=True))
    for _ in range(max_iter):
        with tf.GradientTape() as tape:
            scores = model(X_var)
            target_score = scores[0, target_y]
        if int(tf.argmax(scores[0])) == target_y:
            break
        g = tape.gradient(target_score, X_var)
        X_var.assign_add(learning_rate * g / tf.norm(g))
    return X


REPLACE = {"cs231n/net_visualization.py::make_fooling_image": make_fooling_image}
