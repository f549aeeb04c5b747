OK_FORMAT = True

test = {   'name': 'word_embedding_backward',
    'points': 2,
    'suites': [   {   'cases': [   {   'code': '>>> def _check_word_embedding_backward():\n'
                                               '...     from a3.public_cases import check_public_cases\n'
                                               "...     check_public_cases('word_embedding_backward')\n"
                                               '>>> _check_word_embedding_backward()\n',
                                       'hidden': False,
                                       'locked': False}],
                      'scored': True,
                      'setup': '',
                      'teardown': '',
                      'type': 'doctest'}]}
