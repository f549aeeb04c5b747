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
                                               '...     import ast, inspect\n'
                                               '...     from cs231n.style_transfer import tv_loss\n'
                                               '...     tree = ast.parse(inspect.getsource(tv_loss).lstrip())\n'
                                               '...     loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While, ast.ListComp, ast.GeneratorExp))]\n'
                                               "...     assert not loops, 'tv_loss: found %d loop(s) or comprehension(s); compute it with slicing, no loops' % len(loops)\n"
                                               '>>> _check_tv_loss_vectorized()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
