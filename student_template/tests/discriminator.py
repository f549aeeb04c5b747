OK_FORMAT = True

test = {   'name': 'discriminator',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_discriminator():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.gan import discriminator\n'
                                               '...     model = discriminator()\n'
                                               '...     count = int(np.sum([np.prod(p.shape) for p in model.weights]))\n'
                                               "...     assert count == 267009, 'discriminator has %d parameters instead of 267009: check the architecture' % count\n"
                                               '...     out = np.asarray(model(np.zeros((3, 784), dtype=np.float32)))\n'
                                               "...     assert out.shape == (3, 1), 'the discriminator maps (3, 784) to %s, expected (3, 1)' % (out.shape,)\n"
                                               '>>> _check_discriminator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
