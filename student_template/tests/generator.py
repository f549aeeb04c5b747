OK_FORMAT = True

test = {   'name': 'generator',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_generator():\n'
                                               '...     import numpy as np\n'
                                               '...     from cs231n.gan import generator\n'
                                               '...     model = generator(4)\n'
                                               '...     count = int(np.sum([np.prod(p.shape) for p in model.weights]))\n'
                                               "...     assert count == 1858320, 'generator(4) has %d parameters instead of 1858320: check the architecture' % count\n"
                                               '...     out = np.asarray(model(np.linspace(-1, 1, 12).reshape(3, 4).astype(np.float32)))\n'
                                               "...     assert out.shape in ((3, 784), (3, 28, 28, 1)), 'generator(4) maps (3, 4) to %s, expected (3, 784)' % (out.shape,)\n"
                                               "...     assert np.all(np.abs(out) <= 1), 'the generator output must lie in [-1, 1] (tanh)'\n"
                                               '>>> _check_generator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
