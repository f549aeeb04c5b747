OK_FORMAT = True

test = {   'name': 'content_loss',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_content_loss():\n'
                                               '...     def ls(lo, hi, *shape):\n'
                                               '...         return np.linspace(lo, hi, num=int(np.prod(shape))).reshape(shape).astype(np.float32)\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.style_transfer import content_loss\n'
                                               '...     got = content_loss(0.06, tf.constant(ls(0.0, 2.0, 1, 4, 5, 8)), tf.constant(ls(1.5, -0.5, 1, 4, 5, 8)))\n'
                                               '...     got = np.asarray(got)\n'
                                               '...     expected = np.array(15.3610067, dtype=np.float32)\n'
                                               "...     assert got.shape == expected.shape, 'content_loss: shape %s, expected %s' % (got.shape, expected.shape)\n"
                                               '...     err = np.max(np.abs(got - expected) / np.maximum(1e-08, np.abs(got) + np.abs(expected)))\n'
                                               "...     assert err < 1e-05, 'content_loss: relative error %.3g, expected < 1e-5' % err\n"
                                               '>>> _check_content_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
