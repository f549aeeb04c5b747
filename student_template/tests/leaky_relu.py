OK_FORMAT = True

test = {   'name': 'leaky_relu',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_leaky_relu():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('leaky_relu')\n"
                                               '>>> _check_leaky_relu()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
