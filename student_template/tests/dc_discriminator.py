OK_FORMAT = True

test = {   'name': 'dc_discriminator',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_dc_discriminator():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('dc_discriminator')\n"
                                               '>>> _check_dc_discriminator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
