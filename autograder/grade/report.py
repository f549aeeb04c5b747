"""Reports of graded submissions: Gradescope's ``results.json``, a readable feedback file
per submission, and the class gradebook ``grades.csv`` (written atomically)."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

GRADESCOPE_VISIBILITY = {"public": "visible", "hidden": "after_published"}


def results_json(result, config) -> dict:
    """Gradescope's schema: ``score`` and ``tests`` (name, score, max_score, output, visibility)."""
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
    if result.error:
        out["output"] = result.error
    return out


def feedback_text(result, config) -> str:
    """A Markdown report for the student: totals per part, then each question's cases with
    the failed checks' messages."""
    lines = [f"# Feedback for {result.id}", ""]
    if result.error:
        lines += [f"**The submission could not be graded:** {result.error}", ""]
    graded_parts = [p for p in config.parts.values() if any(q in result.questions for q in p.questions)]
    total = sum(p.points for p in graded_parts)
    lines.append(f"**Total: {result.total:g} / {total:g}**")
    lines.append("")
    for part in graded_parts:
        lines += [f"## {part.title}: {result.part_score(part.id):g} / {part.points:g}", ""]
        for qid in part.questions:
            q = result.questions[qid]
            mark = "✔" if q.passed else "✘"
            given = " (given code: not graded, but it must keep working)" if q.points == 0 else ""
            fn = config.questions[qid]
            lines.append(f"- {mark} `{qid}` (`{fn.qualname}` in `{fn.file}`): {q.score:g} / {q.points:g}{given}")
            for c in q.cases:
                if c.passed:
                    continue
                shown = c.messages if c.visibility == "public" else c.messages[:3]
                text = "; ".join(m.replace("\n", "\n      ") for m in shown)
                lines.append(f"    - case `{c.case}` ({c.visibility}): {text}")
        lines.append("")
    return "\n".join(lines)


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    with os.fdopen(fd, "w", newline="") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def write_submission_reports(result, config, out_dir: Path) -> Path:
    """Write ``<out>/<id>/results.json`` and ``<out>/<id>/feedback.md``; returns the folder."""
    folder = Path(out_dir) / result.id
    _atomic_write(folder / "results.json", json.dumps(results_json(result, config), indent=2) + "\n")
    _atomic_write(folder / "feedback.md", feedback_text(result, config))
    return folder


def gradebook_columns(config, parts) -> list:
    qids = [q.id for q in config.questions_in(parts)]
    return ["submission"] + qids + [f"part:{p}" for p in parts] + ["total"]


def gradebook_csv(results, config, parts) -> str:
    """The gradebook: a row per submission, a column per question id, per part, and the total."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(gradebook_columns(config, parts))
    for r in sorted(results, key=lambda r: r.id):
        writer.writerow([r.id] + [f"{r.questions[q.id].score:g}" for q in config.questions_in(parts)]
                        + [f"{r.part_score(p):g}" for p in parts] + [f"{r.total:g}"])
    return buf.getvalue()


def write_gradebook(results, config, parts, out_dir: Path) -> Path:
    path = Path(out_dir) / "grades.csv"
    _atomic_write(path, gradebook_csv(results, config, parts))
    return path


def format_gradebook(results, config, parts) -> str:
    """A plain-text table of the gradebook for the terminal: parts and totals per submission."""
    head = ["submission"] + [p for p in parts] + ["total"]
    rows = [[r.id] + [f"{r.part_score(p):g}" for p in parts] + [f"{r.total:g}"]
            for r in sorted(results, key=lambda r: r.id)]
    maxes = ["(out of)"] + [f"{config.parts[p].points:g}" for p in parts] + [f"{sum(config.parts[p].points for p in parts):g}"]
    table = [head, maxes] + rows
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
                     for row in table)
