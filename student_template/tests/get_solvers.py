OK_FORMAT = True

test = {   'name': 'get_solvers',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_get_solvers():\n'
                                               '...     import numpy as np\n'
                                               '...     import tensorflow as tf\n'
                                               '...     from cs231n.gan import get_solvers\n'
                                               '...     D_solver, G_solver = get_solvers()\n'
                                               "...     assert D_solver is not G_solver, 'use a separate optimizer for each network'\n"
                                               "...     for name, opt in (('D_solver', D_solver), ('G_solver', G_solver)):\n"
                                               "...         assert isinstance(opt, tf.keras.optimizers.Adam), '%s is not a tf.keras.optimizers.Adam' % name\n"
                                               '...         lr = float(np.asarray(opt.learning_rate))\n'
                                               "...         assert abs(lr - 0.001) < 1e-09, '%s has learning rate %g, expected 1e-3' % (name, lr)\n"
                                               "...         assert abs(float(opt.beta_1) - 0.5) < 1e-09, '%s has beta_1 %g, expected 0.5' % (name, float(opt.beta_1))\n"
                                               '>>> _check_get_solvers()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
