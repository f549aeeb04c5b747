OK_FORMAT = True

test = {   'name': 'lstm_forward',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_lstm_forward():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('lstm_forward')\n"
                                               '>>> _check_lstm_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
