OK_FORMAT = True

test = {   'name': 'lstm_backward',
    'points': 6,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_backward():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('lstm_backward')\n"
                                               '>>> _check_lstm_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
