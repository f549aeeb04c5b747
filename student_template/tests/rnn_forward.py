OK_FORMAT = True

test = {   'name': 'rnn_forward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_forward():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('rnn_forward')\n"
                                               '>>> _check_rnn_forward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
