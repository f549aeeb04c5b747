"""How the outputs of one case are judged, in the grader (``grade/judging/grader.py``, on what the
student process returned) and in the public cases (``a3 check``, ``grader.check``): the very
same function with the very same checks (``checks/``)."""

from __future__ import annotations

import dataclasses

from .compare import compare_outputs


def case_question(question, case: str):
    """``question`` (a config Question or a public_cases.PublicQuestion) with ``threshold`` set
    to ``case``'s own threshold when grading_config.yml gives the case one (``case_thresholds``)."""
    own = getattr(question, "case_thresholds", {}).get(case)
    return question if own is None else dataclasses.replace(question, threshold=own)


def judge_outputs(
    question, case: str, outputs: dict, expected, inputs: dict, check=None, check_source=None, source=None
) -> list:
    """The checks of one case: ``check(case, outputs, expected, inputs, question)`` if the
    question has its own, else every expected output compared with ``outputs`` under the
    question's threshold; then ``check_source(case, source, question)`` if it has one
    (``source``: the text of the student's file, parsed, never run). The threshold is the
    case's own when it has one (case_question). Returns [Check]."""
    question = case_question(question, case)
    if check is not None:
        checks = list(check(case, outputs, expected, inputs, question))
    else:
        checks = compare_outputs(outputs, expected, question.threshold)
    if check_source is not None:
        checks += list(check_source(case, source, question))
    return checks
