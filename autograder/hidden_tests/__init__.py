"""Hidden tests, one module per question id: ``<id>.py`` defines ``CASES`` (case name ->
function of a seeded ``np.random.RandomState`` returning the inputs, a dict of arrays) and,
where comparing every output with the reference is not the whole story, ``check``.

The reference's outputs on these inputs are the fixtures (``autograder/fixtures/<id>.h5``),
computed by ``a3 build``. By default every output is compared with the fixture by relative
error against the question's threshold (integers exactly).

``PUBLISHED`` (optional): {case: {output: values}}, the course's published values of a
case; ``a3 build`` fails if the reference does not reproduce them (autograder/build/fixtures.py).
"""
