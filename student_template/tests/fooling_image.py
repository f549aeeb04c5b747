OK_FORMAT = True

test = {   'name': 'fooling_image',
    'points': 6,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_fooling_image():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('fooling_image')\n"
                                               '>>> _check_fooling_image()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
