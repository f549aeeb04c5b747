OK_FORMAT = True

test = {   'name': 'style_transfer',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_style_transfer():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('style_transfer')\n"
                                               '>>> _check_style_transfer()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
