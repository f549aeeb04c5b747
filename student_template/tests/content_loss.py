OK_FORMAT = True

test = {   'name': 'content_loss',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_content_loss():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('content_loss')\n"
                                               '>>> _check_content_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
