OK_FORMAT = True

test = {   'name': 'discriminator',
    'points': 1,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('discriminator')\n", 'hidden': False, 'locked': False, 'failure_message': __import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('discriminator')}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
