OK_FORMAT = True

test = {   'name': 'rnn_step_backward',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_step_backward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import rnn_step_forward, rnn_step_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, D, H = (4, 5, 6)\n'
                                               '...     x = np.random.randn(N, D)\n'
                                               '...     h = np.random.randn(N, H)\n'
                                               '...     Wx = np.random.randn(D, H)\n'
                                               '...     Wh = np.random.randn(H, H)\n'
                                               '...     b = np.random.randn(H)\n'
                                               '...     out, cache = rnn_step_forward(x, h, Wx, Wh, b)\n'
                                               '...     dnext_h = np.random.randn(*out.shape)\n'
                                               '...     grads = rnn_step_backward(dnext_h, cache)\n'
                                               "...     assert len(grads) == 5, 'rnn_step_backward must return (dx, dprev_h, dWx, dWh, db)'\n"
                                               "...     for i, (name, arr) in enumerate([('dx', x), ('dprev_h', h), ('dWx', Wx), ('dWh', Wh), ('db', b)]):\n"
                                               '...         def f(v, i=i):\n'
                                               '...             args = [x, h, Wx, Wh, b]\n'
                                               '...             args[i] = v\n'
                                               '...             return rnn_step_forward(*args)[0]\n'
                                               '...         num = eval_numerical_gradient_array(f, arr.copy(), dnext_h)\n'
                                               "...         assert np.shape(grads[i]) == num.shape, '%s has shape %s, expected %s' % (name, np.shape(grads[i]), num.shape)\n"
                                               '...         err = rel_error(num, grads[i])\n'
                                               "...         assert err < 1e-08, '%s: relative error %.3g against the numerical gradient, expected < 1e-8' % (name, err)\n"
                                               '>>> _check_rnn_step_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
