OK_FORMAT = True

test = {   'name': 'lstm_step_backward',
    'points': 6,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('lstm_step_backward')\n", 'hidden': False, 'locked': False, 'failure_message': __import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('lstm_step_backward')}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
