OK_FORMAT = True

test = {   'name': 'lstm_forward',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_forward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import lstm_forward\n'
                                               '...     N, D, H, T = (2, 5, 4, 3)\n'
                                               '...     x = np.linspace(-0.4, 0.6, num=N * T * D).reshape(N, T, D)\n'
                                               '...     h0 = np.linspace(-0.4, 0.8, num=N * H).reshape(N, H)\n'
                                               '...     Wx = np.linspace(-0.2, 0.9, num=4 * D * H).reshape(D, 4 * H)\n'
                                               '...     Wh = np.linspace(-0.3, 0.6, num=4 * H * H).reshape(H, 4 * H)\n'
                                               '...     b = np.linspace(0.2, 0.7, num=4 * H)\n'
                                               '...     h, cache = lstm_forward(x, h0, Wx, Wh, b)\n'
                                               '...     expected = np.asarray([[[0.01764008, 0.01823233, 0.01882671, 0.0194232], [0.11287491, 0.12146228, 0.13018446, 0.13902939], [0.31358768, '
                                               '0.33338627, 0.35304453, 0.37250975]], [[0.45767879, 0.4761092, 0.4936887, 0.51041945], [0.6704845, 0.69350089, 0.71486014, 0.7346449], [0.81733511, '
                                               '0.83677871, 0.85403753, 0.86935314]]])\n'
                                               "...     assert np.shape(h) == (N, T, H), 'h has shape %s, expected %s' % (np.shape(h), (N, T, H))\n"
                                               '...     err = rel_error(expected, h)\n'
                                               "...     assert err < 1e-07, 'h: relative error %.3g, expected < 1e-7 (is the initial cell state zero?)' % err\n"
                                               '>>> _check_lstm_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
