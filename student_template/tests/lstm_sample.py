OK_FORMAT = True

test = {   'name': 'lstm_sample',
    'points': 3,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('lstm_sample')\n", 'hidden': False, 'locked': False, 'failure_message': __import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('lstm_sample')}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
