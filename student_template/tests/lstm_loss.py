OK_FORMAT = True

test = {   'name': 'lstm_loss',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': ">>> def _check_lstm_loss():\n...     from a3.public_cases import check_public_cases\n...     check_public_cases('lstm_loss')\n>>> _check_lstm_loss()\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
