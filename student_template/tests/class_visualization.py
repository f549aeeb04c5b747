OK_FORMAT = True

test = {   'name': 'class_visualization',
    'points': 5,
    'suites': [   {   'cases': [{'code': ">>> __import__('a3.public_cases', fromlist=['check_public_cases']).check_public_cases('class_visualization')\n", 'hidden': False, 'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
