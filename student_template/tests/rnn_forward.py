OK_FORMAT = True

test = {   'name': 'rnn_forward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_forward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import rnn_forward\n'
                                               '...     N, T, D, H = (2, 3, 4, 5)\n'
                                               '...     x = np.linspace(-0.1, 0.3, num=N * T * D).reshape(N, T, D)\n'
                                               '...     h0 = np.linspace(-0.3, 0.1, num=N * H).reshape(N, H)\n'
                                               '...     Wx = np.linspace(-0.2, 0.4, num=D * H).reshape(D, H)\n'
                                               '...     Wh = np.linspace(-0.4, 0.1, num=H * H).reshape(H, H)\n'
                                               '...     b = np.linspace(-0.7, 0.1, num=H)\n'
                                               '...     h, _ = rnn_forward(x, h0, Wx, Wh, b)\n'
                                               '...     expected = np.asarray([[[-0.42070749, -0.27279261, -0.11074945, 0.05740409, 0.22236251], [-0.39525808, -0.22554661, -0.0409454, 0.14649412, '
                                               '0.32397316], [-0.42305111, -0.24223728, -0.04287027, 0.15997045, 0.35014525]], [[-0.55857474, -0.39065825, -0.19198182, 0.02378408, 0.23735671], '
                                               '[-0.27150199, -0.07088804, 0.13562939, 0.33099728, 0.50158768], [-0.51014825, -0.30524429, -0.06755202, 0.17806392, 0.40333043]]])\n'
                                               "...     assert np.shape(h) == (N, T, H), 'h has shape %s, expected %s' % (np.shape(h), (N, T, H))\n"
                                               '...     err = rel_error(expected, h)\n'
                                               "...     assert err < 1e-07, 'h: relative error %.3g, expected < 1e-7' % err\n"
                                               '>>> _check_rnn_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
