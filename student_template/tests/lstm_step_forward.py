OK_FORMAT = True

test = {   'name': 'lstm_step_forward',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_step_forward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import lstm_step_forward\n'
                                               '...     N, D, H = (3, 4, 5)\n'
                                               '...     x = np.linspace(-0.4, 1.2, num=N * D).reshape(N, D)\n'
                                               '...     prev_h = np.linspace(-0.3, 0.7, num=N * H).reshape(N, H)\n'
                                               '...     prev_c = np.linspace(-0.4, 0.9, num=N * H).reshape(N, H)\n'
                                               '...     Wx = np.linspace(-2.1, 1.3, num=4 * D * H).reshape(D, 4 * H)\n'
                                               '...     Wh = np.linspace(-0.7, 2.2, num=4 * H * H).reshape(H, 4 * H)\n'
                                               '...     b = np.linspace(0.3, 0.7, num=4 * H)\n'
                                               '...     next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)\n'
                                               '...     expected_next_h = np.asarray([[0.24635157, 0.28610883, 0.32240467, 0.35525807, 0.38474904], [0.49223563, 0.55611431, 0.61507696, 0.66844003, '
                                               '0.7159181], [0.56735664, 0.66310127, 0.74419266, 0.80889665, 0.858299]])\n'
                                               '...     expected_next_c = np.asarray([[0.32986176, 0.39145139, 0.451556, 0.51014116, 0.56717407], [0.66382255, 0.76674007, 0.87195994, 0.97902709, '
                                               '1.08751345], [0.74192008, 0.90592151, 1.07717006, 1.25120233, 1.42395676]])\n'
                                               "...     for name, got, exp in [('next_h', next_h, expected_next_h), ('next_c', next_c, expected_next_c)]:\n"
                                               "...         assert np.shape(got) == (N, H), '%s has shape %s, expected %s' % (name, np.shape(got), (N, H))\n"
                                               '...         err = rel_error(exp, got)\n'
                                               "...         assert err < 1e-08, '%s: relative error %.3g, expected < 1e-8 (gate order i, f, o, g)' % (name, err)\n"
                                               '>>> _check_lstm_step_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
