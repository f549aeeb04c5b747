OK_FORMAT = True

test = {   'name': 'temporal_affine',
    'points': 0,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_temporal_affine():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import temporal_affine_forward, temporal_affine_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, T, D, M = (2, 3, 4, 5)\n'
                                               '...     x = np.random.randn(N, T, D)\n'
                                               '...     w = np.random.randn(D, M)\n'
                                               '...     b = np.random.randn(M)\n'
                                               '...     out, cache = temporal_affine_forward(x, w, b)\n'
                                               "...     assert np.shape(out) == (N, T, M), 'out has shape %s, expected %s' % (np.shape(out), (N, T, M))\n"
                                               '...     dout = np.random.randn(*out.shape)\n'
                                               '...     grads = temporal_affine_backward(dout, cache)\n'
                                               "...     for i, (name, arr) in enumerate([('dx', x), ('dw', w), ('db', b)]):\n"
                                               '...         def f(v, i=i):\n'
                                               '...             args = [x, w, b]\n'
                                               '...             args[i] = v\n'
                                               '...             return temporal_affine_forward(*args)[0]\n'
                                               '...         num = eval_numerical_gradient_array(f, arr.copy(), dout)\n'
                                               '...         err = rel_error(num, grads[i])\n'
                                               "...         assert err < 1e-08, '%s: relative error %.3g against the numerical gradient, expected < 1e-8' % (name, err)\n"
                                               '>>> _check_temporal_affine()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
