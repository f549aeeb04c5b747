OK_FORMAT = True

test = {   'name': 'lstm_backward',
    'points': 6,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_backward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import lstm_forward, lstm_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, D, T, H = (2, 3, 10, 6)\n'
                                               '...     x = np.random.randn(N, T, D)\n'
                                               '...     h0 = np.random.randn(N, H)\n'
                                               '...     Wx = np.random.randn(D, 4 * H)\n'
                                               '...     Wh = np.random.randn(H, 4 * H)\n'
                                               '...     b = np.random.randn(4 * H)\n'
                                               '...     out, cache = lstm_forward(x, h0, Wx, Wh, b)\n'
                                               '...     dout = np.random.randn(*out.shape)\n'
                                               '...     grads = lstm_backward(dout, cache)\n'
                                               "...     assert len(grads) == 5, 'lstm_backward must return (dx, dh0, dWx, dWh, db)'\n"
                                               "...     thresholds = {'dx': 1e-07, 'dh0': 1e-07, 'dWx': 1e-07, 'dWh': 5e-06, 'db': 1e-07}\n"
                                               "...     for i, (name, arr) in enumerate([('dx', x), ('dh0', h0), ('dWx', Wx), ('dWh', Wh), ('db', b)]):\n"
                                               '...         def f(v, i=i):\n'
                                               '...             args = [x, h0, Wx, Wh, b]\n'
                                               '...             args[i] = v\n'
                                               '...             return lstm_forward(*args)[0]\n'
                                               '...         num = eval_numerical_gradient_array(f, arr.copy(), dout)\n'
                                               "...         assert np.shape(grads[i]) == num.shape, '%s has shape %s, expected %s' % (name, np.shape(grads[i]), num.shape)\n"
                                               '...         err = rel_error(num, grads[i])\n'
                                               "...         assert err < thresholds[name], '%s: relative error %.3g against the numerical gradient, expected < %g' % (name, err, thresholds[name])\n"
                                               '...         diff = np.max(np.abs(num - grads[i]))\n'
                                               "...         assert diff < 1e-09, '%s: largest absolute difference from the numerical gradient %.3g, expected < 1e-9' % (name, diff)\n"
                                               '>>> _check_lstm_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
