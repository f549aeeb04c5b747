"""The class page ``<out>/index.html``, written by every ``a3 grade`` run from every submission
recorded in the output folder: what an instructor looks at first.

- a histogram of the totals and per-part statistics (a plot of each submission's part scores
  with the mean, and a table: mean, median, min, max, standard deviation), plotted with
  matplotlib and inlined as PNG;
- per question: the pass rate (every case passed) and the mean score, and each case's pass rate;
- per question, the most frequent failure messages (numbers masked so that "relative error
  3.1e-01" and "2.9e-01" count as one), how many submissions got each and which;
- the submissions that could not be graded, with the status and reason;
- every submission with a link to its ``feedback.html``, and the similarity report if any.

Statistics are over the graded submissions (status ``graded``): one that could not be opened
ran no case, so it counts in no pass rate. Self-contained (no network); every text escaped.
"""

from __future__ import annotations

import base64
import html
import io
import re
import statistics
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from autograder.grade.files import atomic_write
from autograder.grade.results import SubmissionStatus

if TYPE_CHECKING:
    from autograder.config import Config
    from autograder.grade.results import Entry

GRADED = SubmissionStatus.GRADED

PAGE_NAME = "index.html"
BAR_COLOR = "#3b6fb6"  # the histogram's bars (tests look for this colour in a screenshot)
PASS_COLOR = "#2e8b57"  # pass-rate bars in the question table
TOP_MESSAGES = 5  # failure messages shown per question
MESSAGE_CHARS = 300
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

STYLE = (
    "body{font-family:sans-serif;margin:1em 2em;max-width:80em}table{border-collapse:collapse;margin:.5em 0}"
    "td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".bar{display:inline-block;width:10em;height:.9em;background:#e6e6e6;vertical-align:middle}"
    f".bar span{{display:block;height:100%;background:{PASS_COLOR}}}"
    ".case{display:inline-block;margin:0 .6em .1em 0;font-size:90%}.bad{color:#a00}.ok{color:#070}"
    ".plots img{margin-right:1.5em;vertical-align:top}pre{white-space:pre-wrap;margin:0;font-size:90%}"
    "nav a{margin-right:1em}tr.first td{border-top:2px solid #999}"
)


def _e(text) -> str:
    return html.escape(str(text))


def _href(sid: str, name: str = "feedback.html") -> str:
    return f"{quote(sid)}/{name}"


def _png(fig) -> str:
    """An <img> of a matplotlib figure, inline, at its natural size (no scaling blur)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    width, height = (int(round(v * 100)) for v in fig.get_size_inches())
    import matplotlib.pyplot as plt

    plt.close(fig)
    return (
        f"<img width='{width}' height='{height}' alt='' "
        f"src='data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}'>"
    )


def load_plotting():
    """matplotlib's pyplot, imported with the Agg backend (the plots below call it; ``a3
    grade`` also calls it in a thread while its pool grades, so that the class page does not
    wait for the import)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def histogram_png(totals: list, max_total: float) -> str:
    """A histogram of the totals (20 bins from 0 to the maximum), as an inline <img>."""
    from matplotlib.ticker import MaxNLocator

    plt = load_plotting()

    fig, ax = plt.subplots(figsize=(6, 2.8))
    bins = [max_total * i / 20 for i in range(21)] if max_total > 0 else 20
    ax.hist(totals, bins=bins, color=BAR_COLOR, rwidth=0.8)
    ax.set_xlim(0, max_total if max_total > 0 else None)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(f"total score (out of {max_total:g})")
    ax.set_ylabel("submissions")
    ax.set_title("Totals of the graded submissions")
    fig.tight_layout()
    return _png(fig)


def parts_png(scores: dict, maxima: dict) -> str:
    """Each part's scores as a percentage of its points: the mean as a bar, each submission as
    a dot. ``scores`` {part: [score, ...]}, ``maxima`` {part: points}."""
    plt = load_plotting()
    fig, ax = plt.subplots(figsize=(4.5, 2.8))
    names = list(scores)
    for i, part in enumerate(names):
        pct = [100 * s / maxima[part] if maxima[part] else 0 for s in scores[part]]
        ax.bar(i, statistics.mean(pct) if pct else 0, color="#bfd3ee", width=0.6)
        ax.plot([i] * len(pct), pct, "o", color="#1d3f73", markersize=4, alpha=0.6)
    ax.set_xticks(range(len(names)), names)
    ax.set_ylim(0, 105)
    ax.set_ylabel("% of the part's points")
    ax.set_title("Parts: mean (bar) and submissions (dots)")
    fig.tight_layout()
    return _png(fig)


def _stats(values: list) -> list:
    if not values:
        return ["", "", "", "", ""]
    sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    return [
        f"{statistics.mean(values):.3g}",
        f"{statistics.median(values):g}",
        f"{min(values):g}",
        f"{max(values):g}",
        f"{sd:.3g}",
    ]


def question_stats(graded: list[Entry], config: Config, parts: list[str]) -> list:
    """Per question of ``parts`` held by some graded entry: (question, mean score, passed,
    count, {case: (passed, count)}), in config order."""
    out = []
    for q in config.questions_in(parts):
        held = [e.result.questions[q.id] for e in graded if q.id in e.result.questions]
        if not held:
            continue
        cases = {}
        for case in q.cases:
            runs = [c for r in held for c in r.cases if c.case == case]
            cases[case] = (sum(c.passed for c in runs), len(runs))
        out.append((q, statistics.mean(r.score for r in held), sum(r.passed for r in held), len(held), cases))
    return out


def frequent_failures(graded: list[Entry], config: Config, parts: list[str]) -> dict:
    """{question id: [(example message, [submission ids]), ...]}: the failure messages of the
    graded submissions grouped with numbers masked, most frequent first (at most TOP_MESSAGES)."""
    groups = defaultdict(dict)  # qid -> {masked: (example, [sids])}
    for e in graded:
        for q in config.questions_in(parts):
            r = e.result.questions.get(q.id)
            if r is None:
                continue
            for c in r.cases:
                if c.passed:
                    continue
                for message in c.messages or ["failed (no message)"]:
                    key = NUMBER.sub("#", message)
                    example, sids = groups[q.id].setdefault(key, (message, []))
                    if e.id not in sids:
                        sids.append(e.id)
    return {
        qid: sorted(found.values(), key=lambda m: (-len(m[1]), m[0]))[:TOP_MESSAGES] for qid, found in groups.items()
    }


def _table(head: list, rows: list) -> str:
    """An HTML table: ``head`` cells (HTML), ``rows`` of HTML <tr> strings."""
    return "<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>"


def _num(value) -> str:
    return f"<td class='n'>{value}</td>"


def _scores(graded, config, parts) -> str:
    """The histogram of the totals, the plot and table of the parts."""
    if not graded:
        return "<p>No graded submission yet.</p>"
    max_total = sum(config.parts[p].points for p in parts)
    totals = [e.total(parts, []) for e in graded]
    scores = {p: [e.part(p, []) for e in graded] for p in parts}
    rows = [
        f"<tr><td>{_e(config.parts[p].title)} (<code>{_e(p)}</code>)</td>{_num(f'{config.parts[p].points:g}')}"
        + "".join(_num(v) for v in _stats(scores[p]))
        + "</tr>"
        for p in parts
    ]
    rows.append(
        f"<tr><td><b>total</b></td>{_num(f'{max_total:g}')}" + "".join(_num(v) for v in _stats(totals)) + "</tr>"
    )
    return (
        "<div class='plots'>"
        + histogram_png(totals, max_total)
        + parts_png(scores, {p: config.parts[p].points for p in parts})
        + "</div>"
        + _table(["part", "points", "mean", "median", "min", "max", "std"], rows)
    )


def _questions(graded, config, parts) -> str:
    """Per question: mean, pass rate (with a bar), and each case's passes."""
    rows = []
    for q, mean, passed, count, cases in question_stats(graded, config, parts):
        rate = 100 * passed / count if count else 0.0
        case_html = "".join(
            f"<span class='case {'ok' if ok == n else 'bad'}'><code>{_e(name)}</code>"
            f"{' (hidden)' if q.cases[name] == 'hidden' else ''} {ok}/{n}</span>"
            for name, (ok, n) in cases.items()
        )
        rows.append(
            f"<tr><td><code>{_e(q.id)}</code></td>{_num(f'{q.points:g}')}{_num(f'{mean:.3g}')}"
            f"{_num(f'{passed}/{count} ({rate:.0f}%)')}<td><span class='bar' title='{rate:.0f}%'>"
            f"<span style='width:{rate:.1f}%'></span></span></td><td>{case_html}</td></tr>"
        )
    if not rows:
        return "<p>No graded submission yet.</p>"
    return _table(["question", "points", "mean", "passed", "", "cases: submissions that passed each"], rows)


def _failures(graded, config, parts) -> str:
    """Per question, its most frequent failure messages with their submissions."""
    failures = frequent_failures(graded, config, parts)
    rows = []
    for q in config.questions_in(parts):
        for i, (message, sids) in enumerate(failures.get(q.id, [])):
            text = message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS] + " ..."
            links = ", ".join(f"<a href='{_e(_href(s))}'>{_e(s)}</a>" for s in sorted(sids))
            first = f"<td><code>{_e(q.id)}</code></td>" if i == 0 else "<td></td>"
            rows.append(
                f"<tr{' class=first' if i == 0 else ''}>{first}<td><pre>{_e(text)}</pre></td>"
                f"{_num(len(sids))}<td>{links}</td></tr>"
            )
    if not rows:
        return "<p>No failed case.</p>"
    return _table(["question", "message (one example; numbers differ)", "submissions", ""], rows)


def _ungraded(failed) -> str:
    if not failed:
        return "<p>Every submission was graded.</p>"
    return _table(
        ["submission", "status", "reason"],
        [
            f"<tr><td><a href='{_e(_href(e.id))}'>{_e(e.id)}</a></td><td class='bad'>{_e(e.status)}</td>"
            f"<td>{_e(e.reason)}</td></tr>"
            for e in failed
        ],
    )


def _submissions(entries, parts) -> str:
    """Every submission: link to its feedback, status, parts, total, late penalty and extension."""
    rows = [
        f"<tr><td><a href='{_e(_href(e.id))}'>{_e(e.id)}</a></td><td>{_e(e.student_id)}</td>"
        f"<td class='{'ok' if e.status == GRADED else 'bad'}'>{_e(e.status)}</td>"
        + "".join(_num(f"{e.part(p, []):g}") for p in parts)
        + _num(f"{e.total(parts, []):g}")
        + f"<td>{_e(e.late.describe())}</td></tr>"
        for e in sorted(entries, key=lambda e: e.id)
    ]
    return _table(["submission", "student", "status"] + [_e(p) for p in parts] + ["total", "late"], rows)


def class_page_html(entries: list[Entry], config: Config, parts: list[str], similarity: str | None = None) -> str:
    """The page (see the module's docstring). ``entries``: gradebook Entries of the whole
    class; ``parts``: the gradebook's part ids; ``similarity``: the similarity report's file
    name beside the page, or None. Scores are autograded ones after late penalties (the
    written answers' scores are in grades.csv)."""
    graded = [e for e in entries if e.status == GRADED]
    failed = sorted((e for e in entries if e.status != GRADED), key=lambda e: e.id)
    max_total = sum(config.parts[p].points for p in parts)
    totals = [e.total(parts, []) for e in graded]
    summary = (
        f"<p>{len(entries)} submission{'s' if len(entries) != 1 else ''}: {len(graded)} graded, "
        f"<span class='{'bad' if failed else 'ok'}'>{len(failed)} could not be graded</span>."
        + (
            f" Totals (after late penalties, without written answers): mean {statistics.mean(totals):.3g}, "
            f"median {statistics.median(totals):g} of {max_total:g}."
            if totals
            else ""
        )
        + "</p>"
    )
    nav = (
        "<nav><a href='#scores'>scores</a><a href='#questions'>questions</a><a href='#failures'>frequent "
        "failures</a><a href='#ungraded'>not graded</a><a href='#submissions'>submissions</a>"
        + (f"<a href='{_e(similarity)}'>similarity report</a>" if similarity else "")
        + "</nav>"
    )
    body = [
        f"<h1>{_e(config.assignment)}: the class</h1>",
        nav,
        summary,
        "<h2 id='scores'>Scores</h2>",
        _scores(graded, config, parts),
        "<h2 id='questions'>Questions</h2>",
        _questions(graded, config, parts),
        "<h2 id='failures'>Most frequent failures</h2>",
        _failures(graded, config, parts),
        "<h2 id='ungraded'>Not graded</h2>",
        _ungraded(failed),
        "<h2 id='submissions'>Submissions</h2>",
        _submissions(entries, parts),
    ]
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{_e(config.assignment)}: the class</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def write_class_page(
    entries: list[Entry], config: Config, parts: list[str], out_dir: Path, similarity: Path | None = None
) -> Path:
    """Write ``<out>/index.html`` atomically; returns its path. ``similarity``: the similarity
    report (a file in ``out_dir``) to link, or None."""
    path = Path(out_dir) / PAGE_NAME
    atomic_write(path, class_page_html(entries, config, parts, Path(similarity).name if similarity else None))
    return path
