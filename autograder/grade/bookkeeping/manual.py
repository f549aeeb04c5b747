"""Manual questions: the written answers (Otter ``manual: true`` cells) for TAs.

- :func:`manual_questions`: the written questions of the chosen parts, from the master
  notebooks (text notebooks ``assignment/notebooks/<notebook stem>.py``, raw cell
  ``# BEGIN QUESTION`` with ``manual: true``): id, part, prompt, points (the part's
  ``written:`` in grading_config.yml).
- :func:`extract_answers`: a submission's answers, read (never executed) from its notebooks:
  in the student notebook each written question is the cells from the one that opens with
  ``<!-- BEGIN QUESTION -->`` to the one that opens with ``<!-- END QUESTION -->``; the k-th
  such block is the k-th written question of that notebook.
- :func:`export_manual`: ``<out>/manual/<question>.html`` (the prompt and every submission's
  answer to that question, one section each, with the score and comment already entered in
  scores.csv; rendered by grade/reports/manual_pages.py: Markdown, math as MathML, the HTML
  sanitised) and ``<out>/manual/scores.csv`` for the TAs
  to fill in (submission, question, max_points, score, comment). Rows they filled in are
  kept when new submissions are added; :func:`read_manual_scores` reads it back, and
  ``a3 grade`` merges the scores into the gradebook and the comments into the feedback.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from autograder.config import REPO_ROOT
from autograder.grade.reports.manual_pages import SCORE_COLUMNS, SCORES_CSV, question_html

if TYPE_CHECKING:
    from autograder.config import Config

MASTERS = REPO_ROOT / "assignment" / "notebooks"
PLACEHOLDER = "_Type your answer here, replacing this text._"
MAX_NOTEBOOK_BYTES = 50 * 2**20


@dataclass(frozen=True)
class ManualQuestion:
    id: str
    part: str
    notebook: str
    prompt: str
    points: float


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


@functools.cache
def _master_questions(notebook_path: str) -> tuple:
    """(id, prompt) of each manual question of a text master notebook (jupytext's percent
    format), in order; () if it cannot be read."""
    import jupytext

    try:
        nb = jupytext.read(notebook_path, fmt="py:percent")
    except (OSError, ValueError):
        return ()
    cells, out = nb.cells, []
    for i, cell in enumerate(cells):
        text = _source(cell)
        if (
            cell.get("cell_type") == "raw"
            and text.strip().startswith("# BEGIN QUESTION")
            and re.search(r"^manual:\s*true\s*$", text, re.M)
        ):
            name = re.search(r"^name:\s*(\S+)", text, re.M)
            prompt = _source(cells[i + 1]) if i + 1 < len(cells) else ""
            out.append((name.group(1) if name else f"question_{len(out) + 1}", prompt.strip()))
    return tuple(out)


def manual_questions(config: Config, parts: list[str] | None = None) -> list:
    """The written questions of ``parts`` (default: all), in notebook order."""
    out = []
    for pid in parts or config.parts:
        part = config.parts[pid]
        if not part.notebook:
            continue
        for qid, prompt in _master_questions(str(MASTERS / (Path(part.notebook).stem + ".py"))):
            out.append(ManualQuestion(qid, pid, part.notebook, prompt, float(part.written.get(qid, 0))))
    return out


def _read_notebook(path: Path, name: str):
    """The submission's notebook ``name`` (shallowest match) as a dict, or None."""
    path = Path(path)
    try:
        if path.is_file() and path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                infos = sorted(
                    (
                        i
                        for i in zf.infolist()
                        if PurePosixPath(i.filename).name == name and "__MACOSX" not in i.filename
                    ),
                    key=lambda i: len(PurePosixPath(i.filename).parts),
                )
                if not infos or infos[0].file_size > MAX_NOTEBOOK_BYTES:
                    return None
                return json.loads(zf.read(infos[0]))
        if path.is_dir():
            found = sorted(
                (
                    p
                    for p in path.rglob(name)
                    if p.is_file() and not p.is_symlink() and ".ipynb_checkpoints" not in p.parts
                ),
                key=lambda p: len(p.parts),
            )
            if not found or found[0].stat().st_size > MAX_NOTEBOOK_BYTES:
                return None
            return json.loads(found[0].read_text())
    except (OSError, ValueError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    return None


def _answer_blocks(nb) -> list:
    """The text of the cells inside each written-question block of a student notebook."""
    blocks, current = [], None
    for cell in nb.get("cells", []) if isinstance(nb, dict) else []:
        if not isinstance(cell, dict):
            continue
        text = _source(cell)
        head = text.lstrip()
        if head.startswith("<!-- END QUESTION -->") and current is not None:
            blocks.append(current)
            current = None
        if head.startswith("<!-- BEGIN QUESTION -->"):
            current = []
        elif current is not None:
            current.append(text)
    return ["\n\n".join(b).strip() for b in blocks]


def extract_answers(path: Path, config: Config, parts: list[str] | None = None) -> dict[str, str]:
    """{question id: answer text} of a submission ("" when the notebook or the answer is
    missing or still the placeholder)."""
    answers = {}
    by_notebook = {}
    for q in manual_questions(config, parts):
        by_notebook.setdefault(q.notebook, []).append(q)
    for name, questions in by_notebook.items():
        nb = _read_notebook(path, name)
        blocks = _answer_blocks(nb) if nb else []
        for k, q in enumerate(questions):
            text = blocks[k] if k < len(blocks) else ""
            answers[q.id] = "" if text.strip() == PLACEHOLDER else text
    return answers


# -- the TAs' files --------------------------------------------------------------------
def read_manual_scores(out_dir: Path, questions: list | None = None) -> tuple:
    """({(submission, question): (score, comment)}, [problems]) from ``manual/scores.csv``.
    Rows with an empty score are not graded yet; a score that is not a number between 0 and
    the question's points is reported and ignored."""
    path = Path(out_dir) / "manual" / SCORES_CSV
    maxes = {q.id: q.points for q in questions or []}
    scores, problems = {}, []
    if not path.exists():
        return scores, problems
    with open(path, newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            sid, qid = (row.get("submission") or "").strip(), (row.get("question") or "").strip()
            text = (row.get("score") or "").strip()
            comment = (row.get("comment") or "").strip()
            if not sid or not qid or (not text and not comment):
                continue
            score = None
            if text:
                try:
                    score = float(text)
                except ValueError:
                    problems.append(f"{path}:{n}: score {text!r} of {sid}/{qid} is not a number")
                    continue
                top = maxes.get(qid)
                if score < 0 or (top is not None and score > top):
                    problems.append(f"{path}:{n}: score {score:g} of {sid}/{qid} is outside 0..{top:g}")
                    continue
            scores[(sid, qid)] = (score, comment)
    return scores, problems


def export_manual(answers_by_submission: dict, questions: list, out_dir: Path) -> Path:
    """Write ``manual/<question>.html`` for each question and create or extend
    ``manual/scores.csv`` (rows already there are kept as they are). Returns the folder."""
    from autograder.grade.files import atomic_write

    folder = Path(out_dir) / "manual"
    path = folder / SCORES_CSV
    rows = []
    if path.exists():
        with open(path, newline="") as fh:
            rows = [r for r in csv.DictReader(fh)]
    for q in questions:
        answers = {sid: a.get(q.id, "") for sid, a in answers_by_submission.items()}
        entered = {
            (r.get("submission") or "").strip(): ((r.get("score") or "").strip(), (r.get("comment") or "").strip())
            for r in rows
            if (r.get("question") or "").strip() == q.id
        }
        atomic_write(folder / f"{q.id}.html", question_html(q, answers, entered))
    have = {(r.get("submission"), r.get("question")) for r in rows}
    for sid in sorted(answers_by_submission):
        for q in questions:
            if (sid, q.id) not in have:
                rows.append(
                    {"submission": sid, "question": q.id, "max_points": f"{q.points:g}", "score": "", "comment": ""}
                )
    buf = io.StringIO()
    writer = csv.DictWriter(buf, SCORE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    atomic_write(path, buf.getvalue())
    return folder
