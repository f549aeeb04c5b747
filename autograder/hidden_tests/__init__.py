"""Hidden tests, one module per question id: ``<id>.py`` defines ``CASES`` (case name ->
function of a seeded ``np.random.RandomState`` returning the inputs, a dict of arrays) and
the optional hooks declared in ``autograder/question_api.py`` (``check``, ``check_source``,
``prepare``, ``IMAGES``, ``USES``, ``EXPECTED``, ``FIXTURE_TOLERANCE``). A hidden test imports
from ``autograder.question_api`` and the shared ``_*.py`` helpers here, nothing else of the engine.

The reference's outputs on these inputs are the fixtures (``autograder/fixtures/<id>.h5``),
computed by ``a3 build``. By default every output is compared with the fixture by the
scaled error against the question's threshold (integers exactly).
"""
