OK_FORMAT = True

test = {   'name': 'ls_gan_loss',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_ls_gan_loss():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.gan import ls_discriminator_loss, ls_generator_loss\n'
                                               '...     rng = np.random.RandomState(231)\n'
                                               '...     rng.randn(16, 1)\n'
                                               '...     scores_real, scores_fake = (rng.randn(8, 1), rng.randn(8, 1))\n'
                                               '...     d_loss = float(ls_discriminator_loss(tf.constant(scores_real), tf.constant(scores_fake)))\n'
                                               '...     g_loss = float(ls_generator_loss(tf.constant(scores_fake)))\n'
                                               '...     err = rel_error(0.39321446684, d_loss)\n'
                                               "...     assert err < 1e-06, 'ls_discriminator_loss: relative error %.3g, expected < 1e-6' % err\n"
                                               '...     err = rel_error(0.55630888316, g_loss)\n'
                                               "...     assert err < 1e-06, 'ls_generator_loss: relative error %.3g, expected < 1e-6' % err\n"
                                               '>>> _check_ls_gan_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
