OK_FORMAT = True

test = {   'name': 'class_visualization',
    'points': 5,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_class_visualization():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.tiny_convnet import tiny_convnet\n'
                                               '...     model = tiny_convnet()\n'
                                               '...     X = np.linspace(-0.5, 0.5, num=2 * 4 * 4 * 3).reshape(2, 4, 4, 3).astype(np.float32)\n'
                                               '...     from cs231n.net_visualization import class_visualization_update_step\n'
                                               '...     import tensorflow as tf\n'
                                               '...     X = X[:1]\n'
                                               '...     X_new = np.asarray(class_visualization_update_step(tf.constant(X), model, 1, 0.2, 1.0))\n'
                                               '...     expected_step = np.asarray([[[[0.18010029, 0.56933886, -0.24447671], [0.03610396, 0.46933508, 0.08076459], [-0.27001068, 0.20582731, '
                                               '0.21374008], [-0.01437798, 0.18254063, 0.12864792]], [[-0.22516254, 0.51953173, -0.49681413], [-0.15250397, 0.92100966, -0.55435646], [-0.83601171, '
                                               '0.44095388, -0.19149852], [-0.45574567, 0.13663115, -0.18355796]], [[-0.93820059, -0.670735, -0.24794525], [-0.29803035, -0.71778113, -1.04977787], '
                                               '[-1.18585253, 2.27775598, 0.25093636], [-0.55973274, 0.80245239, -0.10972914]], [[0.81104076, 0.8602798, 0.19929436], [-0.11850939, -0.25560501, '
                                               '-0.35503387], [-0.69421566, -0.26630068, -1.00579619], [-0.00315053, 0.23638849, -0.49281415]]]])\n'
                                               "...     assert X_new.shape == X.shape, 'X has shape %s, expected %s' % (X_new.shape, X.shape)\n"
                                               '...     err = np.max(np.abs(X_new - X - expected_step)) / np.max(np.abs(expected_step))\n'
                                               '...     normalised = expected_step / np.linalg.norm(expected_step)\n'
                                               '...     err = min(err, np.max(np.abs(X_new - X - normalised)) / np.max(np.abs(normalised)))\n'
                                               "...     assert err < 0.001, 'the step (X_new - X) differs from the expected one by up to %.3g of its largest entry' % err\n"
                                               '>>> _check_class_visualization()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
