"""The similarity report: two submissions where one copied the other and renamed the
variables, and an honest one written independently. copydetect (on the kept cs231n/*.py,
the template as boilerplate) pairs the copies, with their score and the shared code side by
side, and does not pair the honest one with either."""

from __future__ import annotations

import re
import shutil

from autograder.build.splice import replace_function
from autograder.config import REPO_ROOT
from autograder.grade.bookkeeping.similarity import (
    CODE_DIR,
    THRESHOLD,
    keep_submitted_code,
    similar_pairs,
    write_similarity_report,
)

TEMPLATE = REPO_ROOT / "student_template" / "cs231n"
REFERENCE = (REPO_ROOT / "solutions" / "cs231n" / "rnn_layers.py").read_text()

RENAMES = {
    "next_h": "h_new",
    "prev_h": "h_old",
    "cache": "saved",
    "dnext_h": "g_next",
    "dprev_h": "g_prev",
    "dx": "grad_in",
    "dWx": "gWx",
    "dWh": "gWh",
    "db": "gb",
    "dh0": "g_init",
    "h0": "h_init",
    "dW": "g_table",
    "out": "result",
    "x": "inp",
}

HONEST = {
    "rnn_step_forward": '''def rnn_step_forward(x, prev_h, Wx, Wh, b):
    pre = np.einsum("nd,dh->nh", x, Wx) + np.einsum("nk,kh->nh", prev_h, Wh)
    out = np.tanh(pre + b[None, :])
    return out, {"x": x, "h": prev_h, "Wx": Wx, "Wh": Wh, "out": out}
''',
    "rnn_step_backward": '''def rnn_step_backward(dnext_h, cache):
    g = dnext_h * (1.0 - cache["out"] ** 2)
    return g @ cache["Wx"].T, g @ cache["Wh"].T, cache["x"].T @ g, cache["h"].T @ g, g.sum(0)
''',
    "rnn_forward": '''def rnn_forward(x, h0, Wx, Wh, b):
    states, caches, h = [], [], h0
    for step in np.moveaxis(x, 1, 0):
        h, c = rnn_step_forward(step, h, Wx, Wh, b)
        states.append(h)
        caches.append(c)
    return np.stack(states, axis=1), caches
''',
    "rnn_backward": '''def rnn_backward(dh, cache):
    carry, dxs, totals = np.zeros_like(dh[:, 0]), [None] * len(cache), None
    for t in range(len(cache) - 1, -1, -1):
        dx_t, carry, *rest = rnn_step_backward(dh[:, t] + carry, cache[t])
        dxs[t] = dx_t
        totals = rest if totals is None else [a + r for a, r in zip(totals, rest)]
    return (np.stack(dxs, axis=1), carry, *totals)
''',
    "word_embedding_forward": '''def word_embedding_forward(x, W):
    return np.take(W, x, axis=0), (x, W.shape[0])
''',
    "word_embedding_backward": '''def word_embedding_backward(dout, cache):
    idx, V = cache
    dW = np.zeros((V, dout.shape[-1]))
    np.add.at(dW, idx.ravel(), dout.reshape(-1, dout.shape[-1]))
    return dW
''',
}


def submission(folder, rnn_layers: str):
    """A submission folder: the template package with this rnn_layers.py."""
    shutil.copytree(TEMPLATE, folder / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "cs231n" / "rnn_layers.py").write_text(rnn_layers)
    return folder


def renamed(source: str) -> str:
    return re.sub(r"\b(" + "|".join(sorted(RENAMES, key=len, reverse=True)) + r")\b", lambda m: RENAMES[m[1]], source)


def honest() -> str:
    source = (TEMPLATE / "rnn_layers.py").read_text()
    for name, code in HONEST.items():
        source = replace_function(source, name, code)
    return source


def test_the_copies_are_paired_and_the_honest_work_is_not(tmp_path):
    out = tmp_path / "out"
    made = {"copier_a": REFERENCE, "copier_b": renamed(REFERENCE), "honest": honest()}
    for sid, text in made.items():
        assert keep_submitted_code(submission(tmp_path / "class" / sid, text), out / sid) == out / sid / CODE_DIR
    assert (out / "copier_b" / CODE_DIR / "cs231n" / "rnn_layers.py").read_text() == made["copier_b"]
    assert "h_new" in made["copier_b"] and "next_h" not in made["copier_b"]

    pairs = similar_pairs(out, list(made))
    assert [(p["a"], p["b"]) for p in pairs] == [("copier_a", "copier_b")]
    assert pairs[0]["score"] > 0.9
    rnn_file = next(f for f in pairs[0]["files"] if f["file"] == "cs231n/rnn_layers.py")
    assert "highlight-red" in rnn_file["a_html"] and "highlight-green" in rnn_file["b_html"]
    everything = {(p["a"], p["b"]): p["score"] for p in similar_pairs(out, list(made), threshold=0.0)}
    assert everything[("copier_a", "honest")] < THRESHOLD / 2 and everything[("copier_b", "honest")] < THRESHOLD / 2

    report = write_similarity_report(out, list(made))
    page = report.read_text()
    assert "copier_a and copier_b" in page and "class='side'" in page and "honest" not in page.split("<h2")[0]
    assert "<span class='highlight-red'>" in page and "h_new" in page  # the code, side by side


def test_template_code_alone_is_boilerplate(tmp_path):
    """Two untouched templates share all their code, all of it given: not a pair."""
    out = tmp_path / "out"
    for sid in ("t1", "t2"):
        keep_submitted_code(submission(tmp_path / "class" / sid, (TEMPLATE / "rnn_layers.py").read_text()), out / sid)
    assert similar_pairs(out, ["t1", "t2"]) == []
