OK_FORMAT = True

test = {   'name': 'fooling_image',
    'points': 6,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_fooling_image():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.tiny_convnet import tiny_convnet\n'
                                               '...     model = tiny_convnet()\n'
                                               '...     X = np.linspace(-0.5, 0.5, num=2 * 4 * 4 * 3).reshape(2, 4, 4, 3).astype(np.float32)\n'
                                               '...     from cs231n.net_visualization import make_fooling_image\n'
                                               '...     X = X[:1]\n'
                                               '...     target_y = 2\n'
                                               '...     assert int(np.argmax(model(X))) != target_y\n'
                                               '...     X_fooling = np.asarray(make_fooling_image(X, target_y, model))\n'
                                               "...     assert X_fooling.shape == X.shape, 'X_fooling has shape %s, expected %s' % (X_fooling.shape, X.shape)\n"
                                               "...     assert not np.array_equal(X_fooling, X), 'X_fooling is the input image unchanged'\n"
                                               '...     pred = int(np.argmax(model(X_fooling)))\n'
                                               "...     assert pred == target_y, 'the model classifies X_fooling as class %d, not %d' % (pred, target_y)\n"
                                               '...     change = np.abs(X_fooling - X).mean()\n'
                                               "...     assert change < 3 * 0.1158629, 'mean absolute change %.3g: far more than needed' % change\n"
                                               '...     import keras\n'
                                               '...     for scale in (100.0, 0.01):\n'
                                               '...         inputs = keras.Input(shape=(4, 4, 3))\n'
                                               '...         scaled = keras.Model(inputs, keras.layers.Rescaling(scale)(model(inputs)))\n'
                                               '...         X_scaled = np.asarray(make_fooling_image(X, target_y, scaled))\n'
                                               '...         pred = int(np.argmax(model(X_scaled)))\n'
                                               "...         assert pred == target_y, 'with the scores multiplied by %g, the model classifies X_fooling as class %d, not %d' % (scale, pred, target_y)\n"
                                               '...         change = np.abs(X_scaled - X).mean()\n'
                                               "...         assert change < 3 * 0.1158629, 'with the scores multiplied by %g, mean absolute change %.3g: far more than needed (is the step "
                                               "normalised?)' % (scale, change)\n"
                                               '>>> _check_fooling_image()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
