OK_FORMAT = True

test = {   'name': 'lstm_loss',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_loss():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.rnn import CaptioningRNN\n'
                                               '...     N, D, W, H = (10, 20, 30, 40)\n'
                                               "...     word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}\n"
                                               '...     V = len(word_to_idx)\n'
                                               '...     T = 13\n'
                                               "...     model = CaptioningRNN(word_to_idx, input_dim=D, wordvec_dim=W, hidden_dim=H, cell_type='lstm', dtype=np.float64)\n"
                                               '...     for k, v in model.params.items():\n'
                                               '...         model.params[k] = np.linspace(-1.4, 1.3, num=v.size).reshape(*v.shape)\n'
                                               '...     features = np.linspace(-0.5, 1.7, num=N * D).reshape(N, D)\n'
                                               '...     captions = (np.arange(N * T) % V).reshape(N, T)\n'
                                               '...     loss, grads = model.loss(features, captions)\n'
                                               '...     expected_loss = 9.82445935443\n'
                                               "...     assert np.isscalar(loss) or np.ndim(loss) == 0, 'the loss must be a scalar, got shape %s' % (np.shape(loss),)\n"
                                               "...     assert abs(loss - expected_loss) < 1e-09, 'loss %.11f, expected %.11f' % (loss, expected_loss)\n"
                                               '...     missing = sorted(set(model.params) - set(grads))\n'
                                               "...     assert not missing, 'grads has no entry for %s' % missing\n"
                                               '...     for k in model.params:\n'
                                               "...         assert np.shape(grads[k]) == model.params[k].shape, 'grads[%r] has shape %s, expected %s' % (k, np.shape(grads[k]), "
                                               'model.params[k].shape)\n'
                                               '>>> _check_lstm_loss()\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> def _check_lstm_loss_gradients():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.rnn import CaptioningRNN\n'
                                               '...     from cs231n.gradient_check import eval_numerical_gradient\n'
                                               '...     np.random.seed(231)\n'
                                               '...     batch_size, timesteps, input_dim, wordvec_dim, hidden_dim = (2, 3, 4, 5, 6)\n'
                                               "...     word_to_idx = {'<NULL>': 0, '<START>': 1, '<END>': 2, 'cat': 3, 'dog': 4}\n"
                                               '...     captions = np.array([[1, 3, 4], [1, 4, 0]])\n'
                                               '...     features = np.random.randn(batch_size, input_dim)\n'
                                               "...     model = CaptioningRNN(word_to_idx, input_dim=input_dim, wordvec_dim=wordvec_dim, hidden_dim=hidden_dim, cell_type='lstm', dtype=np.float64)\n"
                                               '...     for k in sorted(model.params):\n'
                                               '...         model.params[k] = np.random.randn(*model.params[k].shape)\n'
                                               '...     loss, grads = model.loss(features, captions)\n'
                                               '...     for name in sorted(model.params):\n'
                                               "...         assert name in grads, 'grads has no entry for %r' % name\n"
                                               '...         num = eval_numerical_gradient(lambda _: model.loss(features, captions)[0], model.params[name], verbose=False)\n'
                                               "...         assert np.shape(grads[name]) == num.shape, 'grads[%r] has shape %s, expected %s' % (name, np.shape(grads[name]), num.shape)\n"
                                               '...         err = np.max(np.abs(num - grads[name]))\n'
                                               "...         assert err < 1e-08, 'grads[%r]: largest absolute difference from the numerical gradient is %.3g, expected < 1e-8 (relative error %.3g)' % "
                                               '(name, err, rel_error(num, grads[name]))\n'
                                               '>>> _check_lstm_loss_gradients()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
