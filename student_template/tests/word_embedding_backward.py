OK_FORMAT = True

test = {   'name': 'word_embedding_backward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_word_embedding_backward():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.rnn_layers import word_embedding_forward, word_embedding_backward\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient_array\n'
                                               '...     np.random.seed(231)\n'
                                               '...     N, T, V, D = (50, 3, 5, 6)\n'
                                               '...     x = np.random.randint(V, size=(N, T))\n'
                                               '...     W = np.random.randn(V, D)\n'
                                               '...     out, cache = word_embedding_forward(x, W)\n'
                                               '...     dout = np.random.randn(*out.shape)\n'
                                               '...     dW = word_embedding_backward(dout, cache)\n'
                                               '...     dW_num = eval_numerical_gradient_array(lambda W: word_embedding_forward(x, W)[0], W, dout)\n'
                                               "...     assert np.shape(dW) == W.shape, 'dW has shape %s, expected %s' % (np.shape(dW), W.shape)\n"
                                               '...     err = rel_error(dW, dW_num)\n'
                                               "...     assert err < 1e-11, 'dW: relative error %.3g, expected < 1e-11 (repeated words must add up)' % err\n"
                                               '>>> _check_word_embedding_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
