"""The public tests (``a3 check <id>`` and the notebooks' ``grader.check("<id>")``): each
runs the graded public cases of the question on the student's ``cs231n`` with the grader's
own code: the same calls as the grader's student process (``student_process/calls``), the same
round trip of the outputs as plain arrays (``student_process/protocol``), the same judgement
(``judging.judge_outputs`` with the question's check from ``checks/``), the same inputs,
expected values and judging parameters (``tests/public/<id>.npz``, written by ``a3 build``
from the fixtures and ``grading_config.yml``). So the public test passes exactly when the
graded public cases do."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .checks import CHECKS, SOURCE_CHECKS
from .judging import judge_outputs
from .student_process_code import CALLS, CallError, assets, package, protocol

PUBLIC = Path("tests") / "public"  # relative to the assignment folder (the working directory)
DATASETS = "datasets"  # the assignment folder's public assets (the grader's A3_ASSETS)


@dataclass(frozen=True)
class PublicQuestion:
    """What the checks read of a question, as grading_config.yml said at build time."""

    id: str
    part: str
    function: str
    threshold: float
    seed: int
    file: str  # "cs231n/rnn_layers.py", the part of ``function`` before "::"
    qualname: str  # "rnn_step_forward", the part after it
    max_loss: float | None = None
    case_thresholds: dict = field(default_factory=dict, hash=False)  # case -> its own threshold


def load_cases(qid: str, folder: Path = Path(".")) -> tuple:
    """(PublicQuestion, {case: (inputs, expected or None)}) of question ``qid``."""
    with np.load(Path(folder) / PUBLIC / f"{qid}.npz", allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    fields = {k.split("|", 1)[1]: v for k, v in arrays.items() if k.startswith("question|")}
    kept = bool(fields.pop("expected"))
    own = {k.split("|", 1)[1]: float(fields.pop(k)) for k in [k for k in fields if k.startswith("threshold|")]}
    function = str(fields["function"])
    question = PublicQuestion(
        id=str(fields["id"]),
        part=str(fields["part"]),
        function=function,
        threshold=float(fields["threshold"]),
        seed=int(fields["seed"]),
        file=function.split("::")[0],
        qualname=function.split("::")[-1],
        max_loss=float(fields["max_loss"]) if "max_loss" in fields else None,
        case_thresholds=own,
    )
    cases = {}
    for key, value in arrays.items():
        if key.startswith("question|"):
            continue
        case, kind, name = key.split("|")
        cases.setdefault(case, ({}, {} if kept else None))[0 if kind == "in" else 1][name] = value
    return question, cases


def modules_of(qid: str, folder: Path = Path(".")) -> list:
    """The student's module that question ``qid`` tests, e.g. ["cs231n.rnn_layers"]."""
    question, _ = load_cases(qid, folder)
    return [question.file[: -len(".py")].replace("/", ".")]


@contextmanager
def _student_settings(folder: Path):
    """While public cases run: the folder's public assets as the grader's student process
    has them; afterwards Keras's float type and dtype policy as they were (the GAN calls
    run in float64)."""
    keras = sys.modules.get("keras")
    floatx = keras.backend.floatx() if keras else "float32"
    policy = keras.config.dtype_policy().name if keras else "float32"
    old = os.environ.get(assets.ASSETS_ENV)
    if old is None and (Path(folder) / DATASETS).is_dir():
        os.environ[assets.ASSETS_ENV] = str((Path(folder) / DATASETS).resolve())
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(assets.ASSETS_ENV, None)
        if "keras" in sys.modules:
            sys.modules["keras"].backend.set_floatx(floatx)
            sys.modules["keras"].config.set_dtype_policy(policy)


def run_case(question: PublicQuestion, case: str, inputs: dict, expected, pkg, folder: Path = Path(".")) -> list:
    """Run one public case as the grader does; returns its checks ([Check]). An exception
    of the student's code propagates; a CallError (a return value of the wrong form) too."""
    source = None
    if question.id in SOURCE_CHECKS:
        try:
            source = (Path(folder) / question.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            source = None
    np.random.seed(question.seed)  # as the student process, before each case
    with _student_settings(folder):  # the checks read the assets too (the model)
        outputs = CALLS[question.id](pkg, **inputs)
        layout, raw = protocol.encode_arrays(outputs)  # the plain arrays the grader would receive
        got = protocol.decode_arrays(layout, bytearray(raw))
        return judge_outputs(
            question, case, got, expected, inputs, CHECKS.get(question.id), SOURCE_CHECKS.get(question.id), source
        )


def case_problem(question, case: str, inputs: dict, expected, pkg, folder: Path = Path(".")):
    """Why one public case fails, as the grader would say it, or None if it passes. An
    exception of the student's code is said as the grader's student process says it
    (``StudentPackage.format_exception``: the exception, then file, line, function and code)."""
    try:
        checks = run_case(question, case, inputs, expected, pkg, folder)
    except (CallError, package.SubmissionError, protocol.ProtocolError) as exc:
        return str(exc)
    except NotImplementedError as exc:
        return str(exc) or "NotImplementedError"
    except Exception as exc:  # the student's code raised: that is this case's result
        return f"raised an error: {pkg.format_exception(exc)}"
    failed = [c.message for c in checks if not c.passed]
    return None if checks and not failed else "; ".join(failed) or "no check passed"


def failure_text(qid: str, case: str, why: str) -> str:
    """How a failed public case is named to the student, in ``a3 check`` and the notebook
    alike: "<qid>, case <case>: <why>" (``why`` from case_problem)."""
    return f"{qid}, case {case}: {why}"


_last_failures: dict = {}  # question id -> the failure_texts its last check_public_cases printed


class FirstLine:
    """The ``failure_message`` of a question's Otter test file (``a3 build`` writes it there):
    Otter prints it first when ``grader.check`` fails, before its doctest transcript; it reads
    as the failures that ``check_public_cases`` printed for the question last."""

    def __init__(self, qid: str):
        self.qid = qid

    def __str__(self) -> str:
        return "\n".join(_last_failures.get(self.qid, [])) or "(see the result below)"

    __repr__ = __str__


def check_public_cases(qid: str, folder: Path = Path(".")) -> None:
    """The notebook's public test (``grader.check``): run every public case of ``qid`` and
    print one failure_text per failed case (nothing when all pass, so the test's doctest
    fails with the message as all it shows; Otter also shows them first, through
    ``FirstLine``). Returns None."""
    question, cases = load_cases(qid, folder)
    pkg = package.StudentPackage(str(Path(folder).resolve()))
    failures = _last_failures[qid] = []
    for case, (inputs, expected) in cases.items():
        why = case_problem(question, case, inputs, expected, pkg, folder)
        if why is not None:
            failures.append(failure_text(qid, case, why))
            print(failures[-1])
