OK_FORMAT = True

test = {   'name': 'ls_gan_loss',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_ls_gan_loss():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('ls_gan_loss')\n"
                                               '>>> _check_ls_gan_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
