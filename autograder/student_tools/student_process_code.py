"""The student process's code that the public cases run, so that ``a3 check`` calls the
student's functions exactly as the grader's student process does: ``autograder.student_process`` in
the repository, its copy ``a3/student_process`` (made by ``a3 build``) in the template."""

if __package__ == "autograder.student_tools":
    from autograder.student_process import assets, package, protocol
    from autograder.student_process.calls import CALLS, CallError
else:
    from .student_process import assets, package, protocol
    from .student_process.calls import CALLS, CallError

__all__ = ["CALLS", "CallError", "assets", "package", "protocol"]
