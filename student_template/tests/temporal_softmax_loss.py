OK_FORMAT = True

test = {   'name': 'temporal_softmax_loss',
    'points': 0,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_temporal_softmax_loss():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import temporal_softmax_loss\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, T, V = (10, 5, 8)\n'
                                               '...     x = 0.001 * np.random.randn(N, T, V)\n'
                                               '...     y = np.random.randint(V, size=(N, T))\n'
                                               '...     mask = np.ones((N, T), dtype=bool)\n'
                                               '...     loss, dx = temporal_softmax_loss(x, y, mask)\n'
                                               "...     assert abs(loss - T * np.log(V)) < 0.01, 'loss %.4f, expected about T * log(V) = %.4f for tiny scores' % (loss, T * np.log(V))\n"
                                               '...     x = np.random.randn(N, T, V)\n'
                                               '...     loss, dx = temporal_softmax_loss(x, y, mask)\n'
                                               '...     dx_num = eval_numerical_gradient(lambda x: temporal_softmax_loss(x, y, mask)[0], x, verbose=False)\n'
                                               '...     err = rel_error(dx, dx_num)\n'
                                               "...     assert err < 1e-07, 'dx: relative error %.3g against the numerical gradient, expected < 1e-7' % err\n"
                                               '>>> _check_temporal_softmax_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
