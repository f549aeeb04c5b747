OK_FORMAT = True

test = {   'name': 'discriminator',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_discriminator():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('discriminator')\n"
                                               '>>> _check_discriminator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
