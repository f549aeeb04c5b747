OK_FORMAT = True

test = {   'name': 'class_visualization',
    'points': 5,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_class_visualization():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.tiny_convnet import tiny_convnet\n'
                                               '...     model = tiny_convnet()\n'
                                               '...     X = np.linspace(-0.5, 0.5, num=2 * 4 * 4 * 3).reshape(2, 4, 4, 3).astype(np.float32)\n'
                                               '...     from cs231n.net_visualization import class_visualization_update_step\n'
                                               '...     X = X[:1]\n'
                                               '...     X_new = np.asarray(class_visualization_update_step(X, model, 1, 0.2, 1.0))\n'
                                               '...     expected_step = np.asarray([[[[0.04242367, 0.13411105, -0.05758789], [0.00850451, 0.11055458, 0.01902455], [-0.06360254, 0.04848382, '
                                               '0.05034772], [-0.00338683, 0.04299849, 0.03030375]], [[-0.05303833, 0.12237869, -0.11702743], [-0.03592318, 0.21694912, -0.13058186], [-0.19692737, '
                                               '0.10386923, -0.04510859], [-0.10735351, 0.03218426, -0.04323813]], [[-0.22099856, -0.15799551, -0.05840492], [-0.07020277, -0.1690775, -0.24728122], '
                                               '[-0.27933437, 0.53653854, 0.05910951], [-0.13184828, 0.18902229, -0.02584733]], [[0.19104533, 0.20264386, 0.04694493], [-0.02791557, -0.06020923, '
                                               '-0.08363028], [-0.16352649, -0.06272865, -0.23692107], [-0.00074213, 0.05568267, -0.11608522]]]])\n'
                                               "...     assert X_new.shape == X.shape, 'X has shape %s, expected %s' % (X_new.shape, X.shape)\n"
                                               '...     err = np.max(np.abs(X_new - X - expected_step)) / np.max(np.abs(expected_step))\n'
                                               "...     assert err < 0.001, 'the step (X_new - X) differs from the expected one by up to %.3g of its largest entry' % err\n"
                                               '>>> _check_class_visualization()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
