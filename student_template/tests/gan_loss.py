OK_FORMAT = True

test = {   'name': 'gan_loss',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_gan_loss():\n'
                                               '...     def rel_error(x, y):\n'
                                               '...         return np.max(np.abs(x - y) / np.maximum(1e-08, np.abs(x) + np.abs(y)))\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.gan import discriminator_loss, generator_loss\n'
                                               '...     rng = np.random.RandomState(231)\n'
                                               '...     logits_real, logits_fake = (rng.randn(8, 1), rng.randn(8, 1))\n'
                                               '...     d_loss = float(discriminator_loss(tf.constant(logits_real), tf.constant(logits_fake)))\n'
                                               '...     g_loss = float(generator_loss(tf.constant(logits_fake)))\n'
                                               '...     err = rel_error(1.6118870556, d_loss)\n'
                                               "...     assert err < 1e-06, 'discriminator_loss: relative error %.3g, expected < 1e-6' % err\n"
                                               '...     err = rel_error(0.77478124984, g_loss)\n'
                                               "...     assert err < 1e-06, 'generator_loss: relative error %.3g, expected < 1e-6' % err\n"
                                               '...     rng = np.random.RandomState(231)\n'
                                               '...     signs = np.where(rng.rand(10, 1) < 0.5, -1.0, 1.0)\n'
                                               '...     logits_real = signs * rng.uniform(50, 900, size=(10, 1))\n'
                                               '...     logits_fake = -signs * rng.uniform(50, 900, size=(10, 1))\n'
                                               '...     d_loss = float(discriminator_loss(tf.constant(logits_real), tf.constant(logits_fake)))\n'
                                               '...     g_loss = float(generator_loss(tf.constant(logits_fake)))\n'
                                               '...     err = rel_error(541.19878883, d_loss)\n'
                                               "...     assert err < 1e-06, 'discriminator_loss on large logits: %s, relative error %.3g (compute it stably from the logits)' % (d_loss, err)\n"
                                               '...     err = rel_error(297.50972014, g_loss)\n'
                                               "...     assert err < 1e-06, 'generator_loss on large logits: %s, relative error %.3g (compute it stably from the logits)' % (g_loss, err)\n"
                                               '>>> _check_gan_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
