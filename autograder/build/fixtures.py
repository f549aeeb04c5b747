"""Compute the fixtures: every question's case inputs (from its hidden-test module and the
configured seed) and the reference's outputs on them, by running ``solutions/`` through the
same student process and calls that grade a submission."""
from __future__ import annotations

import tempfile
from pathlib import Path

from autograder.build import BuildError
from autograder.fixture_store import make_inputs, write_fixture
from autograder.question_api import question_hooks
from autograder.grade.judging.reference import SOLUTIONS
from autograder.grade.running.student_process import StudentProcess


def compute_fixtures(config, out_dir: Path, log=print) -> list:
    """Write ``out_dir/<id>.h5`` for every question; returns the paths written.
    Raises BuildError if the reference fails any case."""
    written = []
    with tempfile.TemporaryDirectory(prefix="a3-fixtures-") as tmp:
        for part in config.parts.values():
            with StudentProcess(SOLUTIONS, Path(tmp) / part.id, seed=config.seeds["fixtures"],
                                limits=part.limits) as ref:
                for q in part.questions.values():
                    inputs = make_inputs(q, config.seeds["fixtures"])
                    runs = ref.run(q.id, inputs, max(q.time_limit, 60) * 5)
                    bad = {c: r for c, r in runs.items() if r.status != "ok"}
                    if bad:
                        case, run = next(iter(bad.items()))
                        raise BuildError(f"the reference fails {q.id} case {case}: {run.status}: {run.message}")
                    keep = question_hooks(q.id).expected
                    path = Path(out_dir) / f"{q.id}.h5"
                    write_fixture(path, {c: (inputs[c], runs[c].outputs if keep else None) for c in q.cases})
                    written.append(path)
                    log(f"  fixtures: {q.id} ({len(q.cases)} cases)")
    return written
