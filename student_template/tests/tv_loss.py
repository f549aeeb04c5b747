OK_FORMAT = True

test = {   'name': 'tv_loss',
    'points': 3,
    'suites': [   {   'cases': [   {   'code': ">>> def _check_tv_loss():\n...     from a3.public_cases import check_public_cases\n...     check_public_cases('tv_loss')\n>>> _check_tv_loss()\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
