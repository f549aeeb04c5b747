"""Hidden tests, one module per question id: ``<id>.py`` defines ``CASES`` (case name ->
function of a seeded ``np.random.RandomState`` returning the inputs, a dict of arrays) and
the optional hooks declared in ``autograder/question_api.py`` (``check``, ``check_source``,
``prepare``, ``IMAGES``, ``USES``, ``EXPECTED``, ``FIXTURE_TOLERANCE``). A hidden test imports
from ``autograder.question_api``, the shared ``_*.py`` helpers here and the judging code it
shares with the public cases (``autograder.student_tools.checks``), nothing else of the engine.

The reference's outputs on these inputs are the fixtures (``autograder/fixtures/<id>.h5``),
computed by ``a3 build``. By default every output is compared with the fixture by the
scaled error against the question's threshold (integers exactly).

``PUBLISHED`` (optional): {case: {output: values}}, the course's published values of a
case; ``a3 build`` fails if the reference does not reproduce them (autograder/build/fixtures.py).
"""
