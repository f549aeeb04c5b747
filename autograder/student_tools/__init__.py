"""The student's side of ``a3``: ``a3 check QUESTION`` (public tests) and ``a3 submit``
(pack a submission zip). ``a3 build`` copies this subpackage into the student template as
``a3/``, with the student process's calls beside it as ``a3/student_process``: so it imports nothing
else from the autograder, and ``autograder.student_process`` only through ``student_process_code.py``."""
