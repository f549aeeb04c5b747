OK_FORMAT = True

test = {   'name': 'rnn_backward',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_backward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import rnn_forward, rnn_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, D, T, H = (2, 3, 10, 5)\n'
                                               '...     x = np.random.randn(N, T, D)\n'
                                               '...     h0 = np.random.randn(N, H)\n'
                                               '...     Wx = np.random.randn(D, H)\n'
                                               '...     Wh = np.random.randn(H, H)\n'
                                               '...     b = np.random.randn(H)\n'
                                               '...     out, cache = rnn_forward(x, h0, Wx, Wh, b)\n'
                                               '...     dout = np.random.randn(*out.shape)\n'
                                               '...     grads = rnn_backward(dout, cache)\n'
                                               "...     assert len(grads) == 5, 'rnn_backward must return (dx, dh0, dWx, dWh, db)'\n"
                                               "...     for i, (name, arr) in enumerate([('dx', x), ('dh0', h0), ('dWx', Wx), ('dWh', Wh), ('db', b)]):\n"
                                               '...         def f(v, i=i):\n'
                                               '...             args = [x, h0, Wx, Wh, b]\n'
                                               '...             args[i] = v\n'
                                               '...             return rnn_forward(*args)[0]\n'
                                               '...         num = eval_numerical_gradient_array(f, arr.copy(), dout)\n'
                                               "...         assert np.shape(grads[i]) == num.shape, '%s has shape %s, expected %s' % (name, np.shape(grads[i]), num.shape)\n"
                                               '...         err = rel_error(num, grads[i])\n'
                                               "...         assert err < 5e-07, '%s: relative error %.3g against the numerical gradient, expected < 5e-7' % (name, err)\n"
                                               '>>> _check_rnn_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
