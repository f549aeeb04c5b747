OK_FORMAT = True

test = {   'name': 'word_embedding_forward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_word_embedding_forward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import word_embedding_forward\n'
                                               '...     N, T, V, D = (2, 4, 5, 3)\n'
                                               '...     x = np.asarray([[0, 3, 1, 2], [2, 1, 0, 3]])\n'
                                               '...     W = np.linspace(0, 1, num=V * D).reshape(V, D)\n'
                                               '...     out, _ = word_embedding_forward(x, W)\n'
                                               '...     expected = np.asarray([[[0.0, 0.07142857, 0.14285714], [0.64285714, 0.71428571, 0.78571429], [0.21428571, 0.28571429, 0.35714286], '
                                               '[0.42857143, 0.5, 0.57142857]], [[0.42857143, 0.5, 0.57142857], [0.21428571, 0.28571429, 0.35714286], [0.0, 0.07142857, 0.14285714], [0.64285714, '
                                               '0.71428571, 0.78571429]]])\n'
                                               "...     assert np.shape(out) == (N, T, D), 'out has shape %s, expected %s' % (np.shape(out), (N, T, D))\n"
                                               '...     err = rel_error(expected, out)\n'
                                               "...     assert err < 2e-08, 'out: relative error %.3g, expected < 1e-8 (the 8 published decimals allow 2e-8)' % err\n"
                                               '>>> _check_word_embedding_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
