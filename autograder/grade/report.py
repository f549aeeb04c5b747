"""Reports of one graded submission: Gradescope's ``results.json`` and the student's feedback
(``feedback.md``, and ``feedback.html`` from grade/feedback_html.py), all written atomically.
The class gradebook is in grade/gradebook.py."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

GRADESCOPE_VISIBILITY = {"public": "visible", "hidden": "after_published"}


def results_json(result, config, extra=None) -> dict:
    """Gradescope's schema: ``score`` and ``tests`` (name, score, max_score, output, visibility).
    With ``extra`` (a gradebook Entry) a late submission's score is multiplied by its late
    factor, and the reason is in ``output``."""
    tests = []
    for q in result.questions.values():
        where = config.questions[q.id]
        for c in q.cases:
            head = f"{where.qualname} in {where.file}, case {c.case}: {'passed' if c.passed else 'failed'}"
            tests.append({"name": f"{q.id}: {c.case}", "score": round(c.score, 4), "max_score": round(c.max_score, 4),
                          "output": "\n".join([head] + c.messages), "visibility": GRADESCOPE_VISIBILITY[c.visibility],
                          "tags": [q.part, q.id]})
    out = {"score": result.total, "tests": tests, "visibility": "visible", "stdout_visibility": "hidden",
           "execution_time": round(result.seconds, 2)}
    if result.error:                 # nothing ran: one message, no case "failed"
        out["output"] = result.error
        out["tests"] = []
    if extra is not None and extra.late.days:
        out["score"] = round(result.total * extra.late.factor, 6)
        out["output"] = (out.get("output", "") + f"\nLate: {extra.late.text}").strip()
    return out


NOT_RUN = "No question was run, so no test case passed or failed."
HIDDEN_WITHHELD = "failed; this is a hidden case: its details are shown when the grades are released"


def feedback_text(result, config, release: bool = False, extra=None) -> str:
    """A Markdown report for the student: totals per part, then each question's failed cases.

    Hidden cases' messages are withheld until ``release`` (``a3 grade --release``): before,
    a failed hidden case only says that it failed, as Gradescope does with
    ``after_published``. ``extra`` (a gradebook Entry, optional) adds the late penalty and
    the TAs' scores and comments on the written questions."""
    lines = [f"# Feedback for {result.id}", ""]
    if result.error:
        lines += [f"**The submission could not be graded:** {result.error}", ""]
    graded_parts = [p for p in config.parts.values() if any(q in result.questions for q in p.questions)]
    total = sum(p.points for p in graded_parts)
    lines.append(f"**Autograded: {result.total:g} / {total:g}**")
    if result.error:                 # said once above; no case ran, so none is listed as failed
        lines += ["", NOT_RUN]
    if extra is not None and extra.late.days:
        lines.append(f"\n**Late:** submitted {extra.submitted_at} ({extra.time_source}), {extra.late.text}")
    lines.append("")
    for part in [] if result.error else graded_parts:
        lines += [f"## {part.title}: {result.part_score(part.id):g} / {part.points:g}", ""]
        for qid in (q for q in part.questions if q in result.questions):
            q = result.questions[qid]
            mark = "✔" if q.passed else "✘"
            given = " (given code: not graded, but it must keep working)" if q.points == 0 else ""
            fn = config.questions[qid]
            lines.append(f"- {mark} `{qid}` (`{fn.qualname}` in `{fn.file}`): {q.score:g} / {q.points:g}{given}")
            for c in q.cases:
                if c.passed:
                    continue
                if c.visibility == "hidden" and not release:
                    text = HIDDEN_WITHHELD
                else:
                    shown = c.messages if c.visibility == "public" else c.messages[:3]
                    text = "; ".join(m.replace("\n", "\n      ") for m in shown)
                lines.append(f"    - case `{c.case}` ({c.visibility}): {text}")
        lines.append("")
    if extra is not None and extra.manual:
        lines += ["## Written answers (graded by the TAs)", ""]
        for qid, (score, comment) in sorted(extra.manual.items()):
            lines.append(f"- `{qid}`: {'not graded yet' if score is None else f'{score:g}'}"
                         + (f": {comment}" if comment else ""))
        lines.append("")
    return "\n".join(lines)


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    with os.fdopen(fd, "w", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())           # on disk before the rename: a reboot leaves the old or the new file
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def write_submission_reports(result, config, out_dir: Path, release: bool = False, extra=None) -> Path:
    """Write ``<out>/<id>/results.json``, ``feedback.md`` and ``feedback.html``; returns the folder."""
    from autograder.grade.feedback_html import feedback_html
    folder = Path(out_dir) / result.id
    atomic_write(folder / "results.json", json.dumps(results_json(result, config, extra), indent=2) + "\n")
    atomic_write(folder / "feedback.md", feedback_text(result, config, release, extra))
    atomic_write(folder / "feedback.html", feedback_html(result, config, release, extra))
    return folder
