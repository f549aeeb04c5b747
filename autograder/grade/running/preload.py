"""Which student processes a grading needs, and starting them early.

Parts whose memory, processes and file-size limits are the same and that all use TensorFlow,
or none of them, share one student process (:func:`process_groups`); :func:`prestart` starts
the zygotes of those processes (their imports) before the grading needs them. Used by the
grader (grade/judging/grader.py) and by the grading process's ``Warm`` message
(grade/bookkeeping/task.py). (To *prestart* is to start a zygote early, as zygote.prestart;
to *warm up* is the pool's word for starting a grading process early, task.warm_up.)
"""

from __future__ import annotations

import dataclasses

from autograder.grade.running import zygote
from autograder.grade.running.sandbox import Isolation
from autograder.student_process.calls import TENSORFLOW


def process_groups(config, parts) -> list:
    """The student processes of a grading of ``parts``: [(part ids, Limits, preload)], in the
    order of their first part. Parts with the same memory, processes and file-size limits
    that all use TensorFlow (calls.TENSORFLOW), or none of them, share one process, whose
    CPU-time limit is the sum of theirs; ``preload`` is what it imports before its first
    question: ``("tensorflow",)`` or ``()``."""
    groups = {}
    for part in parts:
        limits = config.parts[part].limits
        preload = ("tensorflow",) if any(q.id in TENSORFLOW for q in config.questions_in([part])) else ()
        key = (dataclasses.replace(limits, cpu_time=0.0), preload)
        members, cpu = groups.get(key, ([], 0.0))
        groups[key] = (members + [part], cpu + limits.cpu_time)
    return [
        (members, dataclasses.replace(limits, cpu_time=cpu), preload)
        for (limits, preload), (members, cpu) in groups.items()
    ]


def prestart(config, parts, questions: list | None = None, isolation: Isolation | None = None) -> list:
    """Start the student processes that grading ``questions`` (default: all of ``parts``)
    needs, without waiting for them: with bubblewrap (``isolation`` BUBBLEWRAP, or None: the
    zygote finds out whether it can run) the zygote of
    each process group starts its imports. Returns the groups that hold one of
    ``questions`` (process_groups: [(part ids, Limits, preload)]). (The grader's own
    preparation, start_preparing, waits until the submission's files and fixtures are read:
    its TensorFlow import holds the interpreter lock for seconds.)"""
    if questions is None:
        questions = config.questions_in(parts)
    graded = {q.part for q in questions}
    groups = [g for g in process_groups(config, parts) if graded & set(g[0])]
    if isolation in (None, Isolation.BUBBLEWRAP):
        for _group, limits, preload in groups:
            zygote.prestart(limits, preload)
    return groups
