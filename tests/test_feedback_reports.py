"""The student's reports (feedback.md, feedback.html) on results made by hand (no grading):
student text cannot forge a heading or HTML in feedback.md, a summary table comes first,
every function of a question is named, public failures say how to reproduce them, hidden
ones say "failed" once; and feedback.html drawn by headless Debian chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import numpy as np
import pytest
from markdown_it import MarkdownIt

from autograder.grade.results import CaseResult, QuestionResult, SubmissionResult
from autograder.grade.reports.feedback_html import feedback_html
from autograder.grade.judging.images import to_png
from autograder.grade.reports.report import HIDDEN_WITHHELD, feedback_text, md_block, md_inline

FORGED = "oops\n# Feedback for you\n## Part 5: GANs: 15 / 15\n**Autograded: 100 / 100**\n<b>bold</b> | a | b |\n```\n"


TITLE = "Part 5: generative adversarial networks"


def picture() -> np.ndarray:
    """A (2, 24, 24, 3) row of two pictures: pure red with a green square, and blue."""
    a = np.zeros((2, 24, 24, 3))
    a[0, :, :, 0] = 1.0
    a[0, 6:18, 6:18] = (0.0, 1.0, 0.0)
    a[1, :, :, 2] = 1.0
    return a


def gan_result(config, message=FORGED) -> SubmissionResult:
    """Part 5 of a submission: gan_loss fails its public case with ``message`` and its hidden
    case; leaky_relu passes with a picture; the other questions pass."""
    questions = {}
    for qid, q in config.parts["gan"].questions.items():
        cases = [
            CaseResult(qid, c, vis, q.points / len(q.cases), q.points / len(q.cases), [], True)
            for c, vis in q.cases.items()
        ]
        questions[qid] = QuestionResult(qid, "gan", q.points, cases)
    for c in questions["gan_loss"].cases:
        c.score, c.passed = 0.0, False
        c.messages = [message] if c.visibility == "public" else ["d_loss: relative error 1 > 1e-06"]
    questions["leaky_relu"].cases[0].images = {"activations": to_png(picture())}
    return SubmissionResult("mallory", questions)


def headings(markdown: str) -> list:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_student_text_cannot_forge_headings_or_html_in_feedback_md(config):
    """Issue 11: an exception message (or printed output) is shown literally."""
    text = feedback_text(gan_result(config), config)
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert headings(text) == ["Feedback for mallory", f"{TITLE}: 13 / 15"]  # nothing forged
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert html.count("<table>") == 1  # the summary table only
    assert "# Feedback for you" in html  # still shown, as text


@pytest.mark.parametrize("text", ["# 25 / 25", "a\n## x", "<script>x</script>", "`a` ```` b", "*x* [l](u) | |"])
def test_md_helpers_keep_text_literal(text):
    md = MarkdownIt("commonmark").enable("table")
    assert md.render("- " + md_inline(text)).count("<li>") == 1
    block = md.render("\n".join(md_block(text, "")))
    assert block.startswith("<pre><code") and block.count("<pre>") == 1
    plain = re.sub("<[^>]+>", "", block).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert plain.strip("\n") == text
    inline = re.sub("<[^>]+>", "", md.render(md_inline(text))).replace("&lt;", "<").replace("&gt;", ">")
    assert inline.strip() == " ".join(text.split("\n"))


def test_reports_summary_functions_reproduce_and_failed_once(config):
    result = gan_result(config, "d_loss: relative error 0.5 > 1e-06")
    text = feedback_text(result, config)
    assert text.index("| part | score | out of |") < text.index("## Part 5")
    assert f"| {TITLE} | 13 | 15 |" in text
    assert "`gan_loss` (`discriminator_loss` and `generator_loss` in `cs231n/gan.py`): 0 / 2" in text
    assert "case `random` (public): failed; reproduce with `a3 check gan_loss`" in text
    assert f"case `mixed_magnitudes` (hidden): failed; {HIDDEN_WITHHELD}" in text
    assert "failed; failed" not in text and HIDDEN_WITHHELD.count("failed") == 0
    page = feedback_html(result, config)
    assert page.index("<table class='summary'>") < page.index("<h2>")
    assert "<code>discriminator_loss</code> and <code>generator_loss</code> in <code>cs231n/gan.py</code>" in page
    assert "reproduce with <code>a3 check gan_loss</code>" in page
    hidden = page.split("case <code>mixed_magnitudes</code>")[1].split("</li>")[0]
    assert hidden.count("failed") == 1
    # the picture comes after its case line
    leaky = page.split("<li id='leaky_relu'>")[1]
    assert leaky.index("case <code>") < leaky.index("<img class='picture'")


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (make install does it as root; in CI this fails)",
)
def test_feedback_html_in_headless_chromium(config, tmp_path):
    """The page drawn by a real browser: the summary table (its part row's background #eef
    and its borders) at the top, and the picture below, scaled up to a readable size."""
    from PIL import Image

    page = tmp_path / "feedback.html"
    page.write_text(feedback_html(gan_result(config, "d_loss: relative error 0.5 > 1e-06"), config))
    shot = tmp_path / "feedback.png"
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--screenshot={shot}",
            "--window-size=1000,2600",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists(), proc.stderr[-2000:]
    keep = tmp_path.parent / "feedback_chromium.png"  # to look at: pytest's tmp folder
    shutil.copy(shot, keep)
    img = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    ys, xs = np.nonzero(np.all(img == (0xEE, 0xEE, 0xFF), axis=-1))  # the part row of the summary table
    assert len(ys) > 500, "no summary table drawn"
    red = np.all(np.abs(img - (255, 0, 0)) < 8, axis=-1)
    green = np.all(np.abs(img - (0, 255, 0)) < 8, axis=-1)
    rys, rxs = np.nonzero(red)
    assert len(rys) > 0, "no picture drawn"
    assert ys.max() < rys.min(), "the picture should be below the summary table"
    height = rys.max() - rys.min() + 1
    assert height >= 100, f"the picture is {height} px high: too small to read"
    gys, gxs = np.nonzero(green)
    assert rys.min() < gys.min() < gys.max() < rys.max()  # the green square inside the red picture
