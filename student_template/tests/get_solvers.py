OK_FORMAT = True

test = {   'name': 'get_solvers',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_get_solvers():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('get_solvers')\n"
                                               '>>> _check_get_solvers()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
