OK_FORMAT = True

test = {   'name': 'saliency_maps',
    'points': 4,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('saliency_maps')\n", 'hidden': False, 'locked': False, 'failure_message': __import__('a3.public_cases', fromlist=['FirstLine']).FirstLine('saliency_maps')}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
