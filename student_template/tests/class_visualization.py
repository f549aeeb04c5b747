OK_FORMAT = True

test = {   'name': 'class_visualization',
    'points': 5,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_class_visualization():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('class_visualization')\n"
                                               '>>> _check_class_visualization()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
