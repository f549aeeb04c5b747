OK_FORMAT = True

test = {   'name': 'tv_loss',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_tv_loss():\n'
                                               '...     def ls(lo, hi, *shape):\n'
                                               '...         return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape).astype(np.float32)\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.style_transfer import tv_loss\n'
                                               '...     got = tv_loss(tf.constant(ls(-1.0, 1.0, 1, 4, 6, 3)), 0.02)\n'
                                               '...     got = np.asarray(got)\n'
                                               '...     expected = np.array(0.286228925, dtype=np.float32)\n'
                                               "...     assert got.shape == expected.shape, 'tv_loss: shape %s, expected %s' % (got.shape, expected.shape)\n"
                                               '...     err = np.max(np.abs(got - expected) / np.maximum(1e-08, np.abs(got) + np.abs(expected)))\n'
                                               "...     assert err < 1e-05, 'tv_loss: relative error %.3g, expected < 1e-5' % err\n"
                                               '>>> _check_tv_loss()\n',
                                       'hidden': False,
                                       'locked': False},
                                   {   'code': '>>> def _check_tv_loss_vectorized():\n'
                                               '...     def ls(lo, hi, *shape):\n'
                                               '...         return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape).astype(np.float32)\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.style_transfer import tv_loss\n'
                                               '...     rng = np.random.RandomState(231)\n'
                                               '...     img = np.tile(rng.randn(1, 32, 32, 3).astype(np.float32), (1, 8, 8, 1))\n'
                                               '...     got = tv_loss(tf.constant(img), 0.005)\n'
                                               '...     got = np.asarray(got)\n'
                                               '...     expected = np.array(3874.09253, dtype=np.float32)\n'
                                               "...     assert got.shape == expected.shape, 'tv_loss: shape %s, expected %s' % (got.shape, expected.shape)\n"
                                               '...     err = np.max(np.abs(got - expected) / np.maximum(1e-08, np.abs(got) + np.abs(expected)))\n'
                                               "...     assert err < 1e-05, 'tv_loss: relative error %.3g, expected < 1e-5' % err\n"
                                               '...     import inspect\n'
                                               '...     import cs231n.style_transfer\n'
                                               '...     from a3.source_checks import loops_in\n'
                                               "...     loops = loops_in(inspect.getsource(cs231n.style_transfer), 'tv_loss')\n"
                                               '...     if loops:\n'
                                               '...         line, fn, what = loops[0]\n'
                                               "...         raise AssertionError('tv_loss uses %s (line %d, in %s); compute it with array slicing and no loops' % (what, line, fn))\n"
                                               '>>> _check_tv_loss_vectorized()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
