OK_FORMAT = True

test = {   'name': 'gram_matrix',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_gram_matrix():\n'
                                               '...     def ls(lo, hi, *shape):\n'
                                               '...         return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape).astype(np.float32)\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.style_transfer import gram_matrix\n'
                                               '...     got = gram_matrix(tf.constant(ls(0.0, 1.5, 1, 3, 4, 5)))\n'
                                               '...     got = np.asarray(got)\n'
                                               '...     expected = np.array([[0.1362755, 0.139830515, 0.143385515, 0.146940544, 0.150495544], [0.139830515, 0.143514797, 0.147199079, 0.150883362, '
                                               '0.154567644], [0.143385515, 0.147199079, 0.151012644, 0.154826194, 0.158639744], [0.146940544, 0.150883362, 0.154826194, 0.158769041, 0.162711859], '
                                               '[0.150495544, 0.154567644, 0.158639744, 0.162711859, 0.166783974]], dtype=np.float32)\n'
                                               "...     assert got.shape == expected.shape, 'gram_matrix: shape %s, expected %s' % (got.shape, expected.shape)\n"
                                               '...     err = np.max(np.abs(got - expected) / np.maximum(1e-08, np.abs(got) + np.abs(expected)))\n'
                                               "...     assert err < 1e-05, 'gram_matrix: relative error %.3g, expected < 1e-5' % err\n"
                                               '>>> _check_gram_matrix()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
