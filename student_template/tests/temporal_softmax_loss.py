OK_FORMAT = True

test = {   'name': 'temporal_softmax_loss',
    'points': 0,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_temporal_softmax_loss():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('temporal_softmax_loss')\n"
                                               '>>> _check_temporal_softmax_loss()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
