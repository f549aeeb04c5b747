OK_FORMAT = True

test = {   'name': 'sample_noise',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_sample_noise():\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.gan import sample_noise\n'
                                               '...     batch_size, dim = (3, 4)\n'
                                               '...     z = sample_noise(batch_size, dim)\n'
                                               "...     assert tf.is_tensor(z), 'sample_noise should return a tf.Tensor, not %s' % type(z).__name__\n"
                                               '...     z = np.asarray(z)\n'
                                               "...     assert z.shape == (batch_size, dim), 'sample_noise returned shape %s, expected %s' % (z.shape, (batch_size, dim))\n"
                                               "...     assert np.all(z >= -1.0) and np.all(z <= 1.0), 'the noise must lie in [-1, 1]'\n"
                                               "...     assert np.any(z < 0.0) and np.any(z > 0.0), 'the noise must take negative and positive values'\n"
                                               "...     assert not np.array_equal(z, np.asarray(sample_noise(batch_size, dim))), 'each call must give new noise'\n"
                                               '>>> _check_sample_noise()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
