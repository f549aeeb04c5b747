"""The student's HTML feedback report (``<out>/<id>/feedback.html``): totals per part, each
question with its cases, the failed cases' messages (hidden cases' only after release, as in
feedback.md), the pictures the student's code produced (hidden-test ``IMAGES``, see
grade/images.py) shown under their case, the late penalty and the TAs' comments on the
written answers. Self-contained (images inline as data URIs); every text is escaped."""
from __future__ import annotations

import html

from autograder.grade.report import HIDDEN_WITHHELD, NOT_RUN

STYLE = ("body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
         ".ok{color:#070}.bad{color:#a00}pre{white-space:pre-wrap;background:#f6f6f6;padding:.4em}"
         "figure{display:inline-block;margin:.3em}figcaption{font-size:small}img{image-rendering:pixelated}")


def _e(text) -> str:
    return html.escape(str(text))


def _case_html(c, release: bool) -> str:
    mark = "<span class='ok'>passed</span>" if c.passed else "<span class='bad'>failed</span>"
    out = [f"<li>case <code>{_e(c.case)}</code> ({c.visibility}): {mark}"]
    if not c.passed:
        if c.visibility == "hidden" and not release:
            out.append(f"<p>{_e(HIDDEN_WITHHELD)}</p>")
        else:
            shown = c.messages if c.visibility == "public" else c.messages[:3]
            out += [f"<pre>{_e(m)}</pre>" for m in shown]
    if c.images and (c.visibility == "public" or release):
        out += [f"<figure><img alt='{_e(name)}' src='data:image/png;base64,{png}'>"
                f"<figcaption>{_e(name)}</figcaption></figure>" for name, png in c.images.items()]
    out.append("</li>")
    return "".join(out)


def feedback_html(result, config, release: bool = False, extra=None) -> str:
    """The report as one HTML page (see the module's docstring)."""
    graded_parts = [p for p in config.parts.values() if any(q in result.questions for q in p.questions)]
    total = sum(p.points for p in graded_parts)
    body = [f"<h1>Feedback for {_e(result.id)}</h1>"]
    if result.error:
        body.append(f"<p class='bad'><b>The submission could not be graded:</b> {_e(result.error)}</p>")
    body.append(f"<p><b>Autograded: {result.total:g} / {total:g}</b></p>")
    if extra is not None and extra.late.days:
        body.append(f"<p class='bad'><b>Late:</b> submitted {_e(extra.submitted_at)} ({_e(extra.time_source)}), "
                    f"{_e(extra.late.text)}</p>")
    if result.error:                 # said once above; no case ran, so none is listed as failed
        body.append(f"<p>{_e(NOT_RUN)}</p>")
    for part in [] if result.error else graded_parts:
        body.append(f"<h2>{_e(part.title)}: {result.part_score(part.id):g} / {part.points:g}</h2><ul>")
        for qid in (q for q in part.questions if q in result.questions):
            q = result.questions[qid]
            fn = config.questions[qid]
            cls, mark = ("ok", "✔") if q.passed else ("bad", "✘")
            given = " (given code: not graded, but it must keep working)" if q.points == 0 else ""
            body.append(f"<li><span class='{cls}'>{mark}</span> <code>{_e(qid)}</code> (<code>{_e(fn.qualname)}"
                        f"</code> in <code>{_e(fn.file)}</code>): {q.score:g} / {q.points:g}{_e(given)}<ul>"
                        + "".join(_case_html(c, release) for c in q.cases) + "</ul></li>")
        body.append("</ul>")
    if extra is not None and extra.manual:
        body.append("<h2>Written answers (graded by the TAs)</h2><ul>")
        for qid, (score, comment) in sorted(extra.manual.items()):
            body.append(f"<li><code>{_e(qid)}</code>: {'not graded yet' if score is None else f'{score:g}'}"
                        + (f"<pre>{_e(comment)}</pre>" if comment else "") + "</li>")
        body.append("</ul>")
    return (f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Feedback for {_e(result.id)}</title>"
            f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
