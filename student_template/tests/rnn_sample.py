OK_FORMAT = True

test = {   'name': 'rnn_sample',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_sample():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('rnn_sample')\n"
                                               '>>> _check_rnn_sample()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
