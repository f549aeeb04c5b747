OK_FORMAT = True

test = {   'name': 'gram_matrix',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_gram_matrix():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('gram_matrix')\n"
                                               '>>> _check_gram_matrix()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
