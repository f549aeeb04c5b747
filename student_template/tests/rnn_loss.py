OK_FORMAT = True

test = {   'name': 'rnn_loss',
    'points': 5,
    'suites': [   {   'cases': [   {   'code': ">>> def _check_rnn_loss():\n...     from a3.public_cases import check_public_cases\n...     check_public_cases('rnn_loss')\n>>> _check_rnn_loss()\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
