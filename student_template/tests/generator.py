OK_FORMAT = True

test = {   'name': 'generator',
    'points': 1,
    'suites': [   {   'cases': [   {   'code': ">>> def _check_generator():\n...     from a3.public_cases import check_public_cases\n...     check_public_cases('generator')\n>>> _check_generator()\n",
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
