OK_FORMAT = True

test = {   'name': 'lstm_step_backward',
    'points': 6,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_step_backward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import lstm_step_forward, lstm_step_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, D, H = (4, 5, 6)\n'
                                               '...     x = np.random.randn(N, D)\n'
                                               '...     prev_h = np.random.randn(N, H)\n'
                                               '...     prev_c = np.random.randn(N, H)\n'
                                               '...     Wx = np.random.randn(D, 4 * H)\n'
                                               '...     Wh = np.random.randn(H, 4 * H)\n'
                                               '...     b = np.random.randn(4 * H)\n'
                                               '...     next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)\n'
                                               '...     dnext_h = np.random.randn(*next_h.shape)\n'
                                               '...     dnext_c = np.random.randn(*next_c.shape)\n'
                                               '...     grads = lstm_step_backward(dnext_h, dnext_c, cache)\n'
                                               "...     assert len(grads) == 6, 'lstm_step_backward must return (dx, dprev_h, dprev_c, dWx, dWh, db)'\n"
                                               '...     inputs = [x, prev_h, prev_c, Wx, Wh, b]\n'
                                               "...     for i, name in enumerate(['dx', 'dprev_h', 'dprev_c', 'dWx', 'dWh', 'db']):\n"
                                               '...         def f(v, i=i, out=0):\n'
                                               '...             args = list(inputs)\n'
                                               '...             args[i] = v\n'
                                               '...             return lstm_step_forward(*args)[out]\n'
                                               '...         num = eval_numerical_gradient_array(lambda v: f(v, out=0), inputs[i].copy(), dnext_h) + eval_numerical_gradient_array(lambda v: f(v, '
                                               'out=1), inputs[i].copy(), dnext_c)\n'
                                               "...         assert np.shape(grads[i]) == num.shape, '%s has shape %s, expected %s' % (name, np.shape(grads[i]), num.shape)\n"
                                               '...         err = rel_error(num, grads[i])\n'
                                               "...         assert err < 1e-06, '%s: relative error %.3g against the numerical gradient, expected < 1e-6' % (name, err)\n"
                                               '>>> _check_lstm_step_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
