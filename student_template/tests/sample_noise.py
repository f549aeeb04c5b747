OK_FORMAT = True

test = {   'name': 'sample_noise',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_sample_noise():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('sample_noise')\n"
                                               '>>> _check_sample_noise()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
