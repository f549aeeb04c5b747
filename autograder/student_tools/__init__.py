"""The student's side of ``a3``: ``a3 check QUESTION`` (public tests) and ``a3 submit``
(pack a submission zip). Standalone: ``a3 build`` copies this subpackage into the student
template as ``a3/``, so it must not import anything else from the autograder."""
