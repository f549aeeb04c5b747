"""The class's similarity report ``<out>/similarity.html``: which submissions share code, with
copydetect (winnowed fingerprints of the tokenised code: renaming variables or functions,
changing strings or comments does not hide a copy), as MOSS does.

Each graded submission's ``cs231n/**/*.py`` is kept in ``<out>/<id>/code/``
(:func:`keep_submitted_code`, read as text, never run), so the report covers every submission
recorded in the output folder. The same file of two submissions (``rnn_layers.py`` with
``rnn_layers.py``) is compared, with the student template's file as boilerplate: the given
code and the stubs' docstrings match in every submission and count for nothing. A pair's score
is the share of their non-boilerplate code that the other one also has (overlapping tokens of
both sides over all tokens of both sides, over the files both submitted); pairs at or above
``THRESHOLD`` are listed, most similar first, each file with its two shares and the code side
by side, the shared parts highlighted. The page is self-contained (no network).

A high score is a reason to look, not a verdict: short functions written from the same
course notes can agree, and the example class is made from one reference.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import shutil
import tempfile
from pathlib import Path

import numpy as np

from autograder.config import REPO_ROOT
from autograder.grade.files import atomic_write
from autograder.submission import SKIPPED_DIRS, SubmissionLayoutError, open_submission

CODE_DIR = "code"  # <out>/<id>/code/cs231n/...
REPORT_NAME = "similarity.html"
KEY_NAME = ".similarity.key"  # what the report was made from: rebuilt when it changes
TEMPLATE = REPO_ROOT / "student_template"
THRESHOLD = 0.5  # pair score listed in the report
NOISE = 25  # copydetect's k: the shortest match counted (filtered characters)
MAX_FILE_BYTES = 2**20
CONTEXT_LINES = 6  # lines kept around the shared parts in the side-by-side view

STYLE = (
    "body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;"
    "padding:.2em .6em;text-align:left;vertical-align:top}th{background:#f2f2f2}td.n{text-align:right}"
    ".side{display:flex;gap:1em}.side>div{flex:1;min-width:0}pre{background:#f8f8f8;padding:.4em;"
    "overflow-x:auto;font-size:85%}.highlight-red{background:#f7c5c5}.highlight-green{background:#c5ecc5}"
    "details{margin:.3em 0 .8em}"
)


def keep_submitted_code(path: Path, folder: Path, refresh: bool = True) -> Path | None:
    """Copy the Python files of a submission's ``cs231n/`` (at most 1 MiB each, no links) into
    ``<folder>/code/``, replacing what was there; with ``refresh`` False, only if there is
    none yet. Returns the code folder, or None if the submission cannot be opened."""
    dest = Path(folder) / CODE_DIR
    if not refresh and dest.exists():
        return dest
    with tempfile.TemporaryDirectory(prefix="a3-code-") as tmp:
        try:
            root = open_submission(Path(path), Path(tmp) / "submission")
        except (SubmissionLayoutError, OSError):
            return None
        staged = Path(tmp) / "code"
        for file in sorted((root / "cs231n").rglob("*.py")):
            rel = file.relative_to(root)
            if (
                file.is_symlink()
                or not file.is_file()
                or file.stat().st_size > MAX_FILE_BYTES
                or any(part in SKIPPED_DIRS or part.startswith(".") for part in rel.parts)
            ):
                continue
            (staged / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, staged / rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(dest, ignore_errors=True)
        if staged.exists():
            shutil.copytree(staged, dest)
        else:
            dest.mkdir()
    return dest


def _code_files(out_dir: Path, ids) -> dict:
    """{relative path under code/: {submission id: path}}."""
    files = {}
    for sid in ids:
        base = Path(out_dir) / sid / CODE_DIR
        for path in sorted(base.rglob("*.py")) if base.is_dir() else []:
            if path.is_file() and not path.is_symlink():
                files.setdefault(path.relative_to(base).as_posix(), {})[sid] = path
    return files


def _key(files: dict) -> str:
    h = hashlib.sha256(f"{THRESHOLD} {NOISE}".encode())
    for rel in sorted(files):
        for sid, path in sorted(files[rel].items()):
            h.update(f"\0{rel}\0{sid}\0".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _fingerprint(path: Path, boilerplate):
    from copydetect import CodeFingerprint

    try:
        return CodeFingerprint(str(path), NOISE, 1, boilerplate)
    except (UnicodeDecodeError, OSError, ValueError):
        return None


def similar_pairs(out_dir: Path, ids: list[str], template: Path = TEMPLATE, threshold: float = THRESHOLD) -> list:
    """Compare the kept code of the submissions ``ids``.

    Returns [{"a", "b", "score", "files": [{"file", "a_share", "b_share", "a_html", "b_html"}]}]
    for the pairs with score >= ``threshold``, most similar first; ``*_html`` is the file's code,
    HTML-escaped, the shared parts in <span class='highlight-red'> (a) / 'highlight-green' (b).
    """
    files = _code_files(out_dir, ids)
    totals = {}  # (a, b) -> [overlap tokens of both, tokens of both]
    shown = {}  # (a, b) -> [file rows]
    for rel, by_sid in sorted(files.items()):
        if len(by_sid) < 2:
            continue
        from copydetect import CodeFingerprint, compare_files  # 1 s (it imports pyplot): only
        from copydetect.utils import highlight_overlap  # when two submissions are compared

        boilerplate = []
        base = Path(template) / rel
        if base.is_file():
            try:
                boilerplate = np.unique(np.array(list(CodeFingerprint(str(base), NOISE, 1).hashes), dtype=np.int64))
            except (UnicodeDecodeError, ValueError):
                pass
        prints = {sid: fp for sid, path in by_sid.items() if (fp := _fingerprint(path, boilerplate)) is not None}
        for a, b in itertools.combinations(sorted(prints), 2):
            fa, fb = prints[a], prints[b]
            pair = totals.setdefault((a, b), [0.0, 0.0])
            pair[1] += fa.token_coverage + fb.token_coverage
            overlap, (share_a, share_b), (slices_a, slices_b) = compare_files(fa, fb)
            if not overlap:
                continue
            pair[0] += share_a * fa.token_coverage + share_b * fb.token_coverage
            a_html, _ = highlight_overlap(
                fa.raw_code,
                slices_a,
                "<span class='highlight-red'>",
                "</span>",
                truncate=CONTEXT_LINES,
                escape_html=True,
            )
            b_html, _ = highlight_overlap(
                fb.raw_code,
                slices_b,
                "<span class='highlight-green'>",
                "</span>",
                truncate=CONTEXT_LINES,
                escape_html=True,
            )
            shown.setdefault((a, b), []).append(
                {
                    "file": rel,
                    "a_share": float(share_a),
                    "b_share": float(share_b),
                    "a_html": str(a_html),
                    "b_html": str(b_html),
                }
            )
    pairs = []
    for (a, b), (shared, tokens) in totals.items():
        score = shared / tokens if tokens else 0.0
        if score >= threshold:
            rows = sorted(shown.get((a, b), []), key=lambda r: -max(r["a_share"], r["b_share"]))
            pairs.append({"a": a, "b": b, "score": float(score), "files": rows})
    return sorted(pairs, key=lambda p: (-p["score"], p["a"], p["b"]))


def similarity_html(pairs: list, count: int) -> str:
    """The report page for ``pairs`` (:func:`similar_pairs`) among ``count`` submissions."""
    e = html.escape
    body = [
        f"<h1>Similar submissions</h1><p>{count} submissions compared (their <code>cs231n/</code> Python "
        f"files, the template's code as boilerplate, with copydetect); pairs sharing at least "
        f"{100 * THRESHOLD:.0f}% of their own code: {len(pairs)}. A high score is a reason to look, "
        f"not a verdict. <a href='index.html'>Back to the class page</a>.</p>"
    ]
    if pairs:
        body.append(
            "<table><tr><th>pair</th><th>shared code</th><th>files</th></tr>"
            + "".join(
                f"<tr><td><a href='#pair{i}'>{e(p['a'])} / {e(p['b'])}</a></td>"
                f"<td class='n'>{100 * p['score']:.0f}%</td><td>{len(p['files'])}</td></tr>"
                for i, p in enumerate(pairs)
            )
            + "</table>"
        )
    for i, p in enumerate(pairs):
        body.append(f"<h2 id='pair{i}'>{e(p['a'])} and {e(p['b'])}: {100 * p['score']:.0f}% shared</h2>")
        for f in p["files"]:
            body.append(
                f"<details{' open' if f is p['files'][0] else ''}><summary><code>{e(f['file'])}</code>: "
                f"{100 * f['a_share']:.0f}% of {e(p['a'])}'s code, {100 * f['b_share']:.0f}% of "
                f"{e(p['b'])}'s</summary><div class='side'><div><b>{e(p['a'])}</b><pre>{f['a_html']}</pre>"
                f"</div><div><b>{e(p['b'])}</b><pre>{f['b_html']}</pre></div></div></details>"
            )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Similar submissions</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def write_similarity_report(out_dir: Path, ids: list[str], template: Path = TEMPLATE) -> Path:
    """Write ``<out>/similarity.html`` for the submissions ``ids`` (their kept code), unless it
    was made from the very same code already. Returns its path."""
    out_dir = Path(out_dir)
    path = out_dir / REPORT_NAME
    files = _code_files(out_dir, ids)
    key = _key(files)
    key_path = out_dir / KEY_NAME
    if path.exists() and key_path.exists() and key_path.read_text() == key:
        return path
    atomic_write(path, similarity_html(similar_pairs(out_dir, ids, template), len(list(ids))))
    atomic_write(key_path, key)
    return path
