OK_FORMAT = True

test = {   'name': 'style_loss',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_style_loss():\n'
                                               '...     def ls(lo, hi, *shape):\n'
                                               '...         return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape).astype(np.float32)\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.style_transfer import style_loss\n'
                                               '...     shapes = [(1, 8, 8, 3), (1, 8, 6, 4), (1, 4, 3, 6), (1, 4, 4, 5), (1, 2, 3, 8)]\n'
                                               '...     feats = [tf.constant(ls(0.0, 1.0 + i, *s)) for i, s in enumerate(shapes)]\n'
                                               '...     layers = [0, 2, 3]\n'
                                               '...     targets = [tf.constant(ls(0.2, 0.05, shapes[i][3], shapes[i][3])) for i in layers]\n'
                                               '...     got = style_loss(feats, layers, targets, [300.0, 10.0, 2.0])\n'
                                               '...     got = np.asarray(got)\n'
                                               '...     expected = np.array(105.236893, dtype=np.float32)\n'
                                               "...     assert got.shape == expected.shape, 'style_loss: shape %s, expected %s' % (got.shape, expected.shape)\n"
                                               '...     err = np.max(np.abs(got - expected) / np.maximum(1e-08, np.abs(got) + np.abs(expected)))\n'
                                               "...     assert err < 1e-05, 'style_loss: relative error %.3g, expected < 1e-5' % err\n"
                                               '>>> _check_style_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
