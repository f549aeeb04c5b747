"""Reports of one graded submission: Gradescope's ``results.json`` and the student's feedback
(``feedback.md``, and ``feedback.html`` from grade/reports/feedback_html.py), all written atomically.
The class gradebook is in grade/bookkeeping/gradebook.py."""

from __future__ import annotations

import re

GRADESCOPE_VISIBILITY = {"public": "visible", "hidden": "after_published"}


def results_json(result, config, extra=None) -> dict:
    """Gradescope's schema: ``score`` and ``tests`` (name, score, max_score, output, visibility,
    execution_time: the seconds of the test's question shared evenly over its cases, which run
    in one request to the student process).
    With ``extra`` (a gradebook Entry) a late submission's score is multiplied by its late
    factor, and the reason is in ``output``."""
    tests = []
    for q in result.questions.values():
        where = config.questions[q.id]
        for c in q.cases:
            head = f"{where.qualname} in {where.file}, case {c.case}: {'passed' if c.passed else 'failed'}"
            tests.append(
                {
                    "name": f"{q.id}: {c.case}",
                    "score": round(c.score, 4),
                    "max_score": round(c.max_score, 4),
                    "output": "\n".join([head] + c.messages),
                    "visibility": GRADESCOPE_VISIBILITY[c.visibility],
                    "tags": [q.part, q.id],
                    "execution_time": round(q.seconds / len(q.cases), 3),
                }
            )
    out = {
        "score": result.total,
        "tests": tests,
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": round(result.seconds, 2),
    }
    if result.error:  # nothing ran: one message, no case "failed"
        out["output"] = result.error
        out["tests"] = []
    if extra is not None and extra.late.extension:
        out["output"] = (out.get("output", "") + f"\nExtension: {extra.late.extension}").strip()
    if extra is not None and extra.late.days:
        out["score"] = extra.late.apply(result.total)
        out["output"] = (out.get("output", "") + f"\nLate: {extra.late.text}").strip()
    return out


def slowest_questions(results, n: int = 5) -> list:
    """The ``n`` questions that took longest over ``results`` (SubmissionResults): [(question
    id, total seconds, submissions)], slowest first; questions that took no time are left out."""
    totals, counts = {}, {}
    for result in results:
        for q in result.questions.values():
            totals[q.id] = totals.get(q.id, 0.0) + q.seconds
            counts[q.id] = counts.get(q.id, 0) + 1
    ranked = sorted((qid for qid in totals if totals[qid] > 0), key=lambda qid: -totals[qid])
    return [(qid, totals[qid], counts[qid]) for qid in ranked[:n]]


def slowest_text(results, n: int = 5) -> str:
    """Lines naming the slowest questions of ``results`` with their total and mean seconds,
    and their share of all the questions' time; "" if none took any time."""
    results = list(results)
    rows = slowest_questions(results, n)
    if not rows:
        return ""
    everything = sum(q.seconds for r in results for q in r.questions.values())
    lines = [f"slowest questions ({len(results)} submissions graded in this run, {everything:.1f} s in all questions):"]
    lines += [
        f"  {qid}: {total:.1f} s in all, {total / count:.2f} s per submission, {100 * total / everything:.0f}%"
        for qid, total, count in rows
    ]
    return "\n".join(lines)


NOT_RUN = "No question was run, so no test case passed or failed."
HIDDEN_WITHHELD = "this is a hidden case: its details are shown when the grades are released"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|<>~&])")


def md_inline(text) -> str:
    """Student (or any untrusted) text as literal Markdown on one line: every character
    Markdown or HTML could read as syntax is backslash-escaped, newlines become spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split("\n")))


def md_block(text, indent: str) -> list:
    """Untrusted text as a fenced code block (lines prefixed with ``indent``): nothing in it
    is Markdown, and its fence is longer than any run of backticks the text holds."""
    text = str(text)
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    return [indent + fence + "text"] + [indent + line for line in text.split("\n")] + [indent + fence]


def functions_text(fn) -> str:
    """ "``discriminator_loss`` and ``generator_loss`` in ``cs231n/gan.py``" for a config Question."""
    names = [f"`{n}`" for n in fn.qualnames]
    return (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]) + f" in `{fn.file}`"


def graded_parts(result, config) -> list:
    """The config Parts of which ``result`` holds a question, in config order."""
    return [p for p in config.parts.values() if any(q in result.questions for q in p.questions)]


def summary_rows(result, config, extra=None) -> list:
    """[(part title, score, out of)] for the reports' summary table: the autograded questions,
    plus the written ones the TAs graded (``extra.manual``); before any late penalty."""
    rows = []
    for part in graded_parts(result, config):
        written = sum((extra.manual.get(q, (None, ""))[0] or 0.0) for q in part.written) if extra is not None else 0.0
        rows.append((part.title, round(result.part_score(part.id) + written, 6), part.points))
    return rows


def autograded_line(result, config, extra=None) -> str:
    """The feedback's headline, e.g. "Autograded: 70 / 100 (100 before the late penalty)":
    the autograded score after the late penalty (``extra.late``, a gradebook Entry's), out of
    the autograded points of the parts graded."""
    total = sum(p.autograded_points for p in graded_parts(result, config))
    if extra is None or not extra.late.days:
        return f"Autograded: {result.total:g} / {total:g}"
    return f"Autograded: {extra.late.apply(result.total):g} / {total:g} ({result.total:g} before the late penalty)"


def case_lines(c, qid: str, release: bool) -> tuple:
    """(status, note, [messages shown]) of one case for the student: "passed" or "failed";
    the note of a failed public case is the command that reproduces it (``a3 check <qid>``),
    of a failed hidden case before ``release`` HIDDEN_WITHHELD (its messages withheld; after
    release at most 3 are shown)."""
    if c.passed:
        return "passed", "", []
    if c.visibility == "hidden":
        return ("failed", "", list(c.messages[:3])) if release else ("failed", HIDDEN_WITHHELD, [])
    return "failed", f"a3 check {qid}", list(c.messages)


def feedback_text(result, config, release: bool = False, extra=None) -> str:
    """A Markdown report for the student: a summary table of the parts, then each question
    (every function it tests named) with its failed cases.

    Hidden cases' messages are withheld until ``release`` (``a3 grade --release``): before,
    a failed hidden case only says that it failed, as Gradescope does with
    ``after_published``. ``extra`` (a gradebook Entry, optional) adds the late penalty or
    extension and the TAs' scores and comments on the written questions. Every text that
    comes from the submission (messages, printed output, the id) is escaped: a student cannot
    add a heading, a table or HTML to their own report."""
    lines = [f"# Feedback for {md_inline(result.id)}", ""]
    if result.error:
        lines += ["**The submission could not be graded:**", ""] + md_block(result.error, "") + [""]
    parts = graded_parts(result, config)
    lines.append(f"**{autograded_line(result, config, extra)}**")
    lines += ["", "| part | score | out of |", "| --- | ---: | ---: |"]
    lines += [
        f"| {md_inline(title)} | {score:g} | {points:g} |"
        for title, score, points in summary_rows(result, config, extra)
    ]
    if extra is not None and extra.late.extension:
        lines.append(f"\n**Extension:** {extra.late.extension}")
    if extra is not None and extra.late.days:
        lines.append(f"\n**Late:** submitted {extra.submitted_at} ({extra.time_source}), {extra.late.text}")
    if result.error:  # said once above; no case ran, so none is listed as failed
        lines += ["", NOT_RUN]
    lines.append("")
    for part in [] if result.error else parts:
        lines += [f"## {md_inline(part.title)}: {result.part_score(part.id):g} / {part.autograded_points:g}", ""]
        for qid in (q for q in part.questions if q in result.questions):
            q = result.questions[qid]
            mark = "✔" if q.passed else "✘"
            given = " (given code: not graded, but it must keep working)" if q.points == 0 else ""
            lines.append(
                f"- {mark} `{qid}` ({functions_text(config.questions[qid])}): {q.score:g} / {q.points:g}{given}"
            )
            for c in q.cases:
                status, note, shown = case_lines(c, qid, release)
                if status == "passed":
                    continue
                if note.startswith("a3 check"):
                    note = f"reproduce with `{note}`"
                lines.append(f"    - case `{c.case}` ({c.visibility}): {status}" + (f"; {note}" if note else ""))
                for m in shown:
                    lines += md_block(m, "      ")
        lines.append("")
    if extra is not None and extra.manual:
        points = {qid: pts for part in parts for qid, pts in part.written.items()}
        lines += ["## Written answers (graded by the TAs)", ""]
        for qid, (score, comment) in sorted(extra.manual.items()):
            out_of = f" / {points[qid]:g}" if qid in points else ""
            lines.append(
                f"- `{qid}`: {'not graded yet' if score is None else f'{score:g}{out_of}'}"
                + (f": {md_inline(comment)}" if comment else "")
            )
        lines.append("")
    return "\n".join(lines)
