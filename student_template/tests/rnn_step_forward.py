OK_FORMAT = True

test = {   'name': 'rnn_step_forward',
    'points': 2,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('rnn_step_forward')\n", 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
