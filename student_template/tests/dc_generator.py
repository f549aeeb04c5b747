OK_FORMAT = True

test = {   'name': 'dc_generator',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_dc_generator():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('dc_generator')\n"
                                               '>>> _check_dc_generator()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
