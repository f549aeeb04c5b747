OK_FORMAT = True

test = {   'name': 'saliency_maps',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_saliency_maps():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.tiny_convnet import tiny_convnet\n'
                                               '...     model = tiny_convnet()\n'
                                               '...     X = np.linspace(-0.5, 0.5, num=2 * 4 * 4 * 3).reshape(2, 4, 4, 3).astype(np.float32)\n'
                                               '...     from cs231n.net_visualization import compute_saliency_maps\n'
                                               '...     saliency = np.asarray(compute_saliency_maps(X, np.array([0, 2]), model))\n'
                                               '...     expected = np.asarray([[[0.34053427, 0.50848013, 0.92963052, 0.23880933], [1.41442978, 0.78234798, 0.66799647, 0.62483215], [1.48256433, '
                                               '0.69412452, 1.17378974, 0.95740265], [0.38464373, 0.51233584, 0.57035118, 0.5443126]], [[0.77035838, 0.77497929, 0.38613981, 0.15148883], [0.3185277, '
                                               '0.17729899, 0.51114815, 0.35825437], [0.44915742, 0.68421364, 1.0671581, 0.49406168], [0.15630138, 0.28658915, 0.25005326, 0.29367173]]])\n'
                                               "...     assert saliency.shape == (2, 4, 4), 'saliency has shape %s, expected (2, 4, 4)' % (saliency.shape,)\n"
                                               "...     assert saliency.min() >= 0, 'saliency has negative entries: take the absolute value of the gradient'\n"
                                               '...     err = np.max(np.abs(saliency - expected)) / np.max(expected)\n'
                                               "...     assert err < 0.0001, 'saliency differs from the expected maps by up to %.3g of the largest value' % err\n"
                                               '>>> _check_saliency_maps()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
