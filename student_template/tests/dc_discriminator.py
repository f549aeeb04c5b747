OK_FORMAT = True

test = {   'name': 'dc_discriminator',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_dc_discriminator():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.gan import dc_discriminator\n'
                                               '...     model = dc_discriminator()\n'
                                               '...     count = int(np.sum([np.prod(p.shape) for p in model.weights]))\n'
                                               "...     assert count == 1102721, 'dc_discriminator has %d parameters instead of 1102721: check the architecture' % count\n"
                                               '...     out = np.asarray(model(np.zeros((2, 784), dtype=np.float32)))\n'
                                               "...     assert out.shape == (2, 1), 'dc_discriminator maps (2, 784) to %s, expected (2, 1)' % (out.shape,)\n"
                                               '>>> _check_dc_discriminator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
