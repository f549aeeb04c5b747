OK_FORMAT = True

test = {   'name': 'temporal_affine',
    'points': 0,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_temporal_affine():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('temporal_affine')\n"
                                               '>>> _check_temporal_affine()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
