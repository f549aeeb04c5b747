"""The student's HTML feedback report (``<out>/<id>/feedback.html``): a summary table of the
parts and questions first, then each question (every function it tests named) with its cases,
the failed cases' messages (hidden cases' only after release, as in feedback.md; public ones
with "reproduce with ``a3 check <id>``"), the pictures the student's code produced
(hidden-test ``IMAGES``, see grade/judging/images.py) at a readable size below their case, the late
penalty or extension and the TAs' comments on the written answers. Self-contained (images
inline as data URIs); every text is escaped."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from autograder.grade.reports.report import NOT_RUN, autograded_line, case_lines, graded_parts, summary_rows

if TYPE_CHECKING:
    from autograder.config import Config
    from autograder.grade.results import Entry, SubmissionResult

STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
    ".ok{color:#070}.bad{color:#a00}pre{white-space:pre-wrap;background:#f6f6f6;padding:.4em;margin:.3em 0}"
    "table.summary{border-collapse:collapse;margin:.5em 0}"
    "table.summary td,table.summary th{border:1px solid #bbb;padding:.2em .6em;text-align:left}"
    "table.summary td.num{text-align:right}table.summary tr.part td{background:#eef;font-weight:bold}"
    "ul.cases{list-style:none;padding-left:1em}ul.cases>li{margin:.5em 0}"
    "figure{margin:.3em 0 .6em 0}figcaption{font-size:small;color:#444}"
    "img.picture{display:block;min-width:256px;max-width:100%;height:auto;image-rendering:pixelated;"
    "border:1px solid #ccc}"
)


def _e(text) -> str:
    return html.escape(str(text))


def _code_functions(fn) -> str:
    names = [f"<code>{_e(n)}</code>" for n in fn.qualnames]
    return (
        ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    ) + f" in <code>{_e(fn.file)}</code>"


def _case_html(c, qid: str, release: bool) -> str:
    status, note, shown = case_lines(c, qid, release)
    mark = f"<span class='{'ok' if status == 'passed' else 'bad'}'>{status}</span>"
    if note.startswith("a3 check"):
        hint = f"; reproduce with <code>{_e(note)}</code>"
    else:
        hint = f"; {_e(note)}" if note else ""
    out = [f"<li><div class='case'>case <code>{_e(c.case)}</code> ({c.visibility}): {mark}{hint}</div>"]
    out += [f"<pre>{_e(m)}</pre>" for m in shown]
    if c.images and (c.visibility == "public" or release):
        out += [
            f"<figure><img class='picture' alt='{_e(name)}' src='data:image/png;base64,{png}'>"
            f"<figcaption>{_e(name)}</figcaption></figure>"
            for name, png in c.images.items()
        ]
    out.append("</li>")
    return "".join(out)


def _summary_html(result, config, extra) -> str:
    rows = ["<table class='summary'><tr><th>question</th><th>function</th><th>score</th><th>out of</th></tr>"]
    for part, (title, score, points) in zip(graded_parts(result, config), summary_rows(result, config, extra)):
        rows.append(
            f"<tr class='part'><td colspan='2'>{_e(title)}</td><td class='num'>{score:g}</td>"
            f"<td class='num'>{points:g}</td></tr>"
        )
        for qid in (q for q in part.questions if q in result.questions):
            q = result.questions[qid]
            cls, mark = ("ok", "✔") if q.passed else ("bad", "✘")
            rows.append(
                f"<tr><td><span class='{cls}'>{mark}</span> <a href='#{_e(qid)}'><code>{_e(qid)}</code></a></td>"
                f"<td>{_code_functions(config.questions[qid])}</td><td class='num'>{q.score:g}</td>"
                f"<td class='num'>{q.points:g}</td></tr>"
            )
    rows.append("</table>")
    return "".join(rows)


def feedback_html(result: SubmissionResult, config: Config, release: bool = False, extra: Entry | None = None) -> str:
    """The report as one HTML page (see the module's docstring)."""
    parts = graded_parts(result, config)
    body = [f"<h1>Feedback for {_e(result.id)}</h1>"]
    if result.error:
        body.append(f"<p class='bad'><b>The submission could not be graded:</b> {_e(result.error)}</p>")
    body.append(f"<p><b>{_e(autograded_line(result, config, extra))}</b></p>")
    if not result.error:
        body.append(_summary_html(result, config, extra))
    if extra is not None and extra.late.extension:
        body.append(f"<p><b>Extension:</b> {_e(extra.late.extension)}</p>")
    if extra is not None and extra.late.days:
        body.append(
            f"<p class='bad'><b>Late:</b> submitted {_e(extra.submitted_at)} ({_e(extra.time_source)}), "
            f"{_e(extra.late.text)}</p>"
        )
    if result.error:  # said once above; no case ran, so none is listed as failed
        body.append(f"<p>{_e(NOT_RUN)}</p>")
    for part in [] if result.error else parts:
        body.append(f"<h2>{_e(part.title)}: {result.part_score(part.id):g} / {part.autograded_points:g}</h2><ul>")
        for qid in (q for q in part.questions if q in result.questions):
            q = result.questions[qid]
            cls, mark = ("ok", "✔") if q.passed else ("bad", "✘")
            given = " (given code: not graded, but it must keep working)" if q.points == 0 else ""
            body.append(
                f"<li id='{_e(qid)}'><span class='{cls}'>{mark}</span> <code>{_e(qid)}</code> "
                f"({_code_functions(config.questions[qid])}): {q.score:g} / {q.points:g}{_e(given)}"
                "<ul class='cases'>" + "".join(_case_html(c, qid, release) for c in q.cases) + "</ul></li>"
            )
        body.append("</ul>")
    if extra is not None and extra.manual:
        points = {qid: pts for part in parts for qid, pts in part.written.items()}
        body.append("<h2>Written answers (graded by the TAs)</h2><ul>")
        for qid, (score, comment) in sorted(extra.manual.items()):
            out_of = f" / {points[qid]:g}" if qid in points else ""
            body.append(
                f"<li><code>{_e(qid)}</code>: {'not graded yet' if score is None else f'{score:g}{out_of}'}"
                + (f"<pre>{_e(comment)}</pre>" if comment else "")
                + "</li>"
            )
        body.append("</ul>")
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Feedback for {_e(result.id)}</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
