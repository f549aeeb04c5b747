"""The TAs' page of one written (manual) question, ``<out>/manual/<question>.html``: the
prompt and every submission's answer, a student's Markdown rendered as safe HTML with its
math as MathML (:func:`render_markdown`), and the score and comment already entered. The
answers and scores.csv are read and written by grade/bookkeeping/manual.py."""

from __future__ import annotations

import functools
import html

SCORES_CSV = "scores.csv"  # <out>/manual/scores.csv, which the TAs fill in
SCORE_COLUMNS = ["submission", "question", "max_points", "score", "comment"]

# MathML elements (what latex2mathml writes) and their presentation attributes, allowed
# through the sanitiser besides nh3's default HTML tags (no script, style, event handler or link scheme
# other than nh3's defaults gets through).
MATHML_TAGS = {
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msup",
    "msub",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "mfenced",
}
MATHML_ATTRIBUTES = {
    "display",
    "mathvariant",
    "displaystyle",
    "scriptlevel",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "form",
    "largeop",
    "movablelimits",
    "accent",
    "accentunder",
    "columnalign",
    "rowalign",
    "columnspacing",
    "rowspacing",
    "linethickness",
    "width",
    "height",
    "depth",
    "notation",
    "minsize",
    "maxsize",
    "symmetric",
    "open",
    "close",
    "separators",
    "encoding",
    "xmlns",
}


def _math(latex: str, options: dict) -> str:
    """dollarmath's renderer: LaTeX as MathML (the browser draws it, nothing is loaded), or
    the LaTeX source escaped if latex2mathml cannot read it."""
    import latex2mathml.converter

    try:
        return latex2mathml.converter.convert(latex, display="block" if options.get("display_mode") else "inline")
    except Exception:  # latex2mathml raises many kinds on bad input
        return f"<code>{html.escape(latex)}</code>"


@functools.lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.use(dollarmath_plugin, double_inline=True, renderer=_math)
    return md


def render_markdown(text: str) -> str:
    """A student's (untrusted) Markdown as safe HTML: CommonMark with tables, ``$...$`` and
    ``$$...$$`` math as MathML (markdown-it-py, mdit-py-plugins' dollarmath, latex2mathml);
    raw HTML in the text is shown as text, and the result is sanitised by nh3 (ammonia)."""
    import nh3

    return nh3.clean(
        _markdown().render(str(text)),
        tags=set(nh3.ALLOWED_TAGS) | MATHML_TAGS,
        attributes={**nh3.ALLOWED_ATTRIBUTES, "*": MATHML_ATTRIBUTES},
    )


PAGE_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:auto;padding:0 1em}"
    "section{border-top:1px solid #999;padding:.5em 0}.answer{background:#f6f6f6;padding:.1em .8em}"
    "pre{white-space:pre-wrap}.none{color:#a00}.grade{background:#eef;padding:.3em .8em}"
    "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em}"
)


def question_html(question, answers: dict, entered: dict | None = None) -> str:
    """One page for one question (``question``: a bookkeeping.manual.ManualQuestion: id,
    notebook, prompt, points): the prompt, then each submission's answer (Markdown and
    math rendered, sanitised) with the score and comment already entered for it.

    Inputs: answers {submission id: answer text}; entered {submission id: (score text,
    comment)} from scores.csv (missing or empty: not graded yet)."""
    entered = entered or {}
    e = html.escape
    parts = [
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{e(question.id)}</title>",
        f"<style>{PAGE_STYLE}</style></head><body>",
        f"<h1>{e(question.id)} ({question.points:g} points)</h1>",
        f"<p>Notebook {e(question.notebook)}. Grade in <code>manual/{SCORES_CSV}</code> "
        f"(columns {', '.join(SCORE_COLUMNS)}), then rerun <code>a3 grade</code>.</p>",
        f"<h2>Prompt</h2><div class='prompt'>{render_markdown(question.prompt)}</div>",
        f"<h2>Answers ({len(answers)})</h2>",
    ]
    for sid in sorted(answers):
        text = answers[sid]
        body = f"<div class='answer'>{render_markdown(text)}</div>" if text else "<p class='none'>no answer</p>"
        score, comment = entered.get(sid, ("", ""))
        grade = (
            f"<p class='grade'>score: <b>{e(score) if score else 'not graded yet'}</b> / {question.points:g}"
            + (f"; comment: {e(comment)}" if comment else "")
            + "</p>"
        )
        parts.append(f"<section id='{e(sid, quote=True)}'><h3>{e(sid)}</h3>{body}{grade}</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
