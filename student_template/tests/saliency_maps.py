OK_FORMAT = True

test = {   'name': 'saliency_maps',
    'points': 4,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_saliency_maps():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('saliency_maps')\n"
                                               '>>> _check_saliency_maps()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
