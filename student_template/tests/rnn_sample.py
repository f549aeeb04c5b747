OK_FORMAT = True

test = {   'name': 'rnn_sample',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_sample():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.classifiers.rnn import CaptioningRNN\n'
                                               "...     word_to_idx = {'<NULL>': 0, '<START>': 1, '<END>': 2, '<UNK>': 3, 'a': 4, 'cat': 5, 'dog': 6, 'on': 7, 'the': 8, 'mat': 9}\n"
                                               '...     np.random.seed(231)\n'
                                               "...     model = CaptioningRNN(word_to_idx, input_dim=6, wordvec_dim=5, hidden_dim=7, cell_type='rnn', dtype=np.float64)\n"
                                               '...     for k in sorted(model.params):\n'
                                               '...         model.params[k] = np.random.randn(*model.params[k].shape)\n'
                                               "...     model.params['b_vocab'][2] += 1.0\n"
                                               '...     features = np.random.randn(8, 6)\n'
                                               '...     captions = model.sample(features, max_length=10)\n'
                                               '...     expected = np.array([[2, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 6, 7, 7, 9, 2, 0, 0, 0, 0], [1, 1, 6, 7, 9, 2, 0, 0, 0, 0], [0, 7, 9, 2, 0, 0, 0, 0, '
                                               '0, 0], [6, 0, 9, 2, 0, 0, 0, 0, 0, 0], [0, 6, 7, 9, 9, 9, 7, 9, 2, 0], [6, 4, 9, 7, 9, 2, 0, 0, 0, 0], [1, 2, 0, 0, 0, 0, 0, 0, 0, 0]])\n'
                                               "...     assert np.shape(captions) == (8, 10), 'captions has shape %s, expected (8, 10): (N, max_length)' % (np.shape(captions),)\n"
                                               '...     captions = np.asarray(captions)\n'
                                               "...     assert np.issubdtype(captions.dtype, np.integer), 'captions must be integer word indices, got dtype %s' % captions.dtype\n"
                                               '...     for i, row in enumerate(expected):\n'
                                               '...         ends = np.flatnonzero(row == 2)\n'
                                               '...         stop = ends[0] + 1 if len(ends) else len(row)\n'
                                               '...         got = captions[i, :stop]\n'
                                               "...         hint = ' (the first column must be the first sampled word, not <START>)' if got[0] == 1 and row[0] != 1 else ''\n"
                                               "...         assert np.array_equal(got, row[:stop]), 'caption %d: got %s, expected %s up to its first <END>%s' % (i, got.tolist(), row[:stop].tolist(), "
                                               'hint)\n'
                                               '>>> _check_rnn_sample()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
