OK_FORMAT = True

test = {   'name': 'gan_training',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_gan_training():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('gan_training')\n"
                                               '>>> _check_gan_training()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
