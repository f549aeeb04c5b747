OK_FORMAT = True

test = {   'name': 'lstm_sample',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_sample():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('lstm_sample')\n"
                                               '>>> _check_lstm_sample()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
