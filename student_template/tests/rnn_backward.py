OK_FORMAT = True

test = {   'name': 'rnn_backward',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_rnn_backward():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('rnn_backward')\n"
                                               '>>> _check_rnn_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
