"""The student process's code that the public cases run, so that ``a3 check`` calls the
student's functions exactly as the grader's student process does: ``autograder.worker`` in
the repository, its copy ``a3/worker`` (made by ``a3 build``) in the template."""
if __package__ == "autograder.student":
    from autograder.worker import assets, package, protocol
    from autograder.worker.calls import CALLS, CallError
else:
    from .worker import assets, package, protocol
    from .worker.calls import CALLS, CallError

__all__ = ["CALLS", "CallError", "assets", "package", "protocol"]
