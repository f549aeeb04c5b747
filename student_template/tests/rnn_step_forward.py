OK_FORMAT = True

test = {   'name': 'rnn_step_forward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_step_forward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import rnn_step_forward\n'
                                               '...     N, D, H = (3, 10, 4)\n'
                                               '...     x = np.linspace(-0.4, 0.7, num=N * D).reshape(N, D)\n'
                                               '...     prev_h = np.linspace(-0.2, 0.5, num=N * H).reshape(N, H)\n'
                                               '...     Wx = np.linspace(-0.1, 0.9, num=D * H).reshape(D, H)\n'
                                               '...     Wh = np.linspace(-0.3, 0.7, num=H * H).reshape(H, H)\n'
                                               '...     b = np.linspace(-0.2, 0.4, num=H)\n'
                                               '...     next_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)\n'
                                               '...     expected = np.asarray([[-0.58172089, -0.50182032, -0.41232771, -0.31410098], [0.66854692, 0.79562378, 0.87755553, 0.92795967], [0.97934501, '
                                               '0.99144213, 0.99646691, 0.99854353]])\n'
                                               "...     assert np.shape(next_h) == (N, H), 'next_h has shape %s, expected %s' % (np.shape(next_h), (N, H))\n"
                                               '...     err = rel_error(expected, next_h)\n'
                                               "...     assert err < 1e-08, 'next_h: relative error %.3g, expected < 1e-8' % err\n"
                                               '>>> _check_rnn_step_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
