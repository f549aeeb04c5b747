OK_FORMAT = True

test = {   'name': 'dc_generator',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_dc_generator():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.gan import dc_generator\n'
                                               '...     model = dc_generator(96)\n'
                                               '...     trainable = int(np.sum([np.prod(p.shape) for p in model.trainable_variables]))\n'
                                               "...     assert trainable == 6675009, 'dc_generator(96) has %d trainable parameters instead of 6675009' % trainable\n"
                                               '...     out = np.asarray(model(np.linspace(-1, 1, 4 * 96).reshape(4, 96).astype(np.float32), training=True))\n'
                                               "...     assert out.shape in ((4, 784), (4, 28, 28, 1)), 'dc_generator(96) maps (4, 96) to %s, expected (4, 784) or (4, 28, 28, 1)' % (out.shape,)\n"
                                               "...     assert np.all(np.abs(out) <= 1), 'the generator output must lie in [-1, 1] (tanh)'\n"
                                               '>>> _check_dc_generator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
