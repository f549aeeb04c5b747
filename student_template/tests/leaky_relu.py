OK_FORMAT = True

test = {   'name': 'leaky_relu',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_leaky_relu():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.gan import leaky_relu\n'
                                               '...     x = np.linspace(-1.5, 1.5, 4 * 6).reshape(4, 6)\n'
                                               '...     expected = np.array([[-0.015, -0.013695652174, -0.012391304348, -0.011086956522, -0.0097826086957, -0.0084782608696], [-0.0071739130435, '
                                               '-0.0058695652174, -0.0045652173913, -0.0032608695652, -0.0019565217391, -0.00065217391304], [0.065217391304, 0.19565217391, 0.32608695652, '
                                               '0.45652173913, 0.58695652174, 0.71739130435], [0.84782608696, 0.97826086957, 1.1086956522, 1.2391304348, 1.3695652174, 1.5]])\n'
                                               '...     y = np.asarray(leaky_relu(tf.constant(x)))\n'
                                               "...     assert y.shape == (4, 6), 'leaky_relu returned shape %s, expected (4, 6)' % (y.shape,)\n"
                                               '...     err = rel_error(expected, y)\n'
                                               "...     assert err < 1e-06, 'leaky_relu: relative error %.3g, expected < 1e-6' % err\n"
                                               '>>> _check_leaky_relu()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
