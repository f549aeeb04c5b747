"""``a3 build``: from the authored sources (solutions/, assignment/, grading_config.yml) to
the generated, committed files (student_template/, autograder/fixtures/), in small steps:
strip the solutions, assign the notebooks, compute the fixtures, check for leaks."""


class BuildError(Exception):
    """A build step cannot proceed; the message says which file and why."""
