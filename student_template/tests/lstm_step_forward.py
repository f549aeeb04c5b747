OK_FORMAT = True

test = {   'name': 'lstm_step_forward',
    'points': 4,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('lstm_step_forward')\n", 'hidden': False, 'locked': False, 'failure_message': __import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('lstm_step_forward')}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
