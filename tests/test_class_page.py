"""The class page (``<out>/index.html``) in a real browser: Debian's chromium, headless, loads
it from a file URL and takes a screenshot; the test reads the screenshot's pixels (the
histogram's bars and the pass-rate bars are drawn where and as tall or wide as the class's
results say), not only the HTML text. CI installs chromium (Makefile); without it this file fails."""

from __future__ import annotations

import shutil
import subprocess


from autograder.grade.reports.class_page import (
    BAR_COLOR,
    PASS_COLOR,
    class_page_html,
    frequent_failures,
    write_class_page,
)
from autograder.grade.results import CaseResult, Entry, QuestionResult, SubmissionResult, SubmissionStatus

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--virtual-time-budget=3000",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page, png, tmp_path, size=(1280, 1600)):
    """Load ``page`` (a file) in headless chromium and write a PNG of ``size``; returns a PIL image."""
    from PIL import Image

    done = subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            f"--screenshot={png}",
            f"--window-size={size[0]},{size[1]}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert png.exists(), done.stderr[-2000:]
    return Image.open(png).convert("RGB")


def _rgb(hex_color: str) -> tuple:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def colour_mask(image, hex_color: str, tol: int = 3):
    import numpy as np

    pixels = np.asarray(image).astype(int)
    return (np.abs(pixels - np.array(_rgb(hex_color))) <= tol).all(axis=2)


def runs(flags) -> list:
    """[(start, stop)] of the runs of True in a 1-D boolean sequence."""
    out, start = [], None
    for i, flag in enumerate(list(flags) + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i))
            start = None
    return out


PASSING = {  # submission -> questions of Part 1 it passes (the 0-point ones always)
    "s1": "all",
    "s2": "all",
    "s3": "all",
    "s4": set(),
    "s5": set(),
    "s6": {
        "rnn_step_forward",
        "rnn_step_backward",
        "rnn_forward",
        "rnn_backward",
        "word_embedding_forward",
        "word_embedding_backward",
    },  # 14 points
}


def synthetic_class(config) -> list:
    """Entries of a class of six graded Part 1 submissions (totals 25, 25, 25, 0, 0, 14) and one
    that could not be opened."""
    entries = []
    for sid, passing in PASSING.items():
        questions = {}
        for q in config.questions_in(["rnn"]):
            ok = passing == "all" or q.id in passing or q.points == 0
            per = q.points / len(q.cases)
            cases = [
                CaseResult(
                    q.id,
                    c,
                    v,
                    per if ok else 0.0,
                    per,
                    [] if ok else [f"{q.id}: relative error {0.1 + int(sid[1:]) * 0.01:.1e} > 1e-08"],
                    ok,
                )
                for c, v in q.cases.items()
            ]
            questions[q.id] = QuestionResult(q.id, q.part, q.points, cases)
        entries.append(Entry(SubmissionResult(sid, questions), sid))
    broken = {
        q.id: QuestionResult(
            q.id, q.part, q.points, [CaseResult(q.id, c, v, 0.0, 1, ["not graded"], False) for c, v in q.cases.items()]
        )
        for q in config.questions_in(["rnn"])
    }
    unopened = SubmissionResult.failed("s7", broken, SubmissionStatus.UNOPENED, "s7.zip: no cs231n/__init__.py <b>")
    entries.append(Entry(unopened, "s7"))
    return entries


def test_chromium_is_available():
    """CI installs Debian's chromium (make install, as root); without it the screenshots prove nothing."""
    assert chromium(), "chromium is not installed: run `make install` as root (apt-get install chromium)"


def test_the_page_counts_what_the_class_did(config):
    entries = synthetic_class(config)
    page = class_page_html(entries, config, ["rnn"], similarity="similarity.html")
    assert "6 graded" in page and "1 could not be graded" in page
    assert "<td><code>rnn_loss</code></td><td class='n'>5</td><td class='n'>2.5</td><td class='n'>3/6 (50%)" in page
    assert "s7.zip: no cs231n/__init__.py &lt;b&gt;" in page  # the reason, escaped
    assert all(f"href='{s}/feedback.html'" in page for s in [*PASSING, "s7"])
    assert "href='similarity.html'" in page
    failures = frequent_failures([e for e in entries if e.status == "graded"], config, ["rnn"])
    message, sids = failures["rnn_loss"][0]  # the numbers differ: one group of three
    assert sids == ["s4", "s5", "s6"] and message.startswith("rnn_loss: relative error")


def test_the_screenshot_shows_the_histogram_and_the_pass_rates(config, tmp_path):
    assert chromium(), "chromium is not installed"
    page = write_class_page(synthetic_class(config), config, ["rnn"], tmp_path)
    image = screenshot(page, tmp_path / "class.png", tmp_path)
    import numpy as np

    bars = colour_mask(image, BAR_COLOR)
    assert bars.sum() > 500, "no histogram bar drawn"
    columns = runs(bars.any(axis=0))
    assert len(columns) == 3, f"expected the bars of 3 bins (0, 14 and 25 points), found x-runs {columns}"
    heights = [bars[:, (a + b) // 2].sum() for a, b in columns]
    unit = heights[1]  # the bin of 14 points holds one submission
    assert abs(heights[0] / unit - 2) < 0.1 and abs(heights[2] / unit - 3) < 0.1, heights  # 2, 1 and 3 submissions
    assert columns[0][0] < columns[1][0] < columns[2][0]  # 0, then 14, then 25 from left to right
    width = columns[2][0] - columns[0][0]
    assert abs((columns[1][0] - columns[0][0]) / width - 14 / 25) < 0.05

    rates = colour_mask(image, PASS_COLOR)
    rows = runs(rates.any(axis=1))
    widths = [max(b - a for a, b in runs(rates[(top + bottom) // 2])) for top, bottom in rows]
    expected = [4, 4, 4, 4, 4, 4, 6, 6, 3, 3, 3]  # Part 1's questions in order, out of 6
    assert len(widths) == len(expected), f"pass-rate bars: {widths}"
    full = widths[6]
    assert np.allclose(np.array(widths) / full, np.array(expected) / 6, atol=0.03), widths
