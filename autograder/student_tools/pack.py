"""``a3 submit``: pack the assignment folder into ``submission.zip``: the ``cs231n``
package (Python files only) and the notebooks, checked for the expected layout first. It
asks nothing: questions still stubs (their ``raise NotImplementedError`` under
``# TODO (<question>)``), syntax errors and missing notebooks are printed as warnings, and
the zip is written all the same."""

from __future__ import annotations

import ast
import json
import re
import sys
import time
import zipfile
from pathlib import Path

REQUIRED = ["cs231n/__init__.py", "cs231n/rnn_layers.py", "cs231n/classifiers/rnn.py"]
NOTEBOOKS = [
    "RNN_Captioning.ipynb",
    "LSTM_Captioning.ipynb",
    "NetworkVisualization.ipynb",
    "StyleTransfer.ipynb",
    "GANs.ipynb",
]
MAX_FILE_BYTES = 5 * 2**20
# the stub of the template: "# TODO (<question> / <question> ...): write your code here, in place of
# the raise below." directly followed by its raise NotImplementedError; a function no question
# tests is labelled "(not graded)" (build/strip.py's NOT_GRADED)
_STUB = re.compile(r"#\s*TODO \(([\w /]+)\)[^\n]*\n\s*raise NotImplementedError\b")
NOT_GRADED = "not graded"


class LayoutError(Exception):
    """The folder is not an assignment folder; the message says what is missing."""


def collect(folder: Path) -> list:
    """The files that go into a submission, relative to ``folder``; raises LayoutError."""
    folder = Path(folder)
    missing = [r for r in REQUIRED if not (folder / r).is_file()]
    if missing:
        raise LayoutError(f"{folder.resolve()} is not the assignment folder: missing {', '.join(missing)}")
    files = sorted(
        p.relative_to(folder)
        for p in (folder / "cs231n").rglob("*.py")
        if "__pycache__" not in p.parts and not p.is_symlink()
    )
    files += [
        Path(n)
        for n in NOTEBOOKS + sorted(p.name for p in folder.glob("*.ipynb") if p.name not in NOTEBOOKS)
        if (folder / n).is_file()
    ]
    return files


def stubs(folder: Path, files: list[str]) -> list[str]:
    """The question ids whose stub is still in place (each once), in file order (sorted files);
    a stub shared by several questions (``CaptioningRNN.loss``) names them all."""
    out = []
    for rel in files:
        if rel.suffix == ".py":
            try:
                labels = _STUB.findall((Path(folder) / rel).read_text())
            except (OSError, UnicodeDecodeError):
                continue
            for label in labels:
                ids = [q.strip() for q in label.split("/")] if label.strip() != NOT_GRADED else []
                out += [q for q in ids if q and q not in out]
    return out


def warnings(folder: Path, files: list[str]) -> list[str]:
    """Problems worth telling the student before they submit (not fatal)."""
    notes = []
    for rel in files:
        path = Path(folder) / rel
        if path.stat().st_size > MAX_FILE_BYTES:
            notes.append(f"{rel} is larger than {MAX_FILE_BYTES // 2**20} MB")
        if rel.suffix == ".py":
            try:
                ast.parse(path.read_text())
            except SyntaxError as exc:
                notes.append(
                    f"{rel}, line {exc.lineno}: SyntaxError: {exc.msg} (the questions in this file will score 0)"
                )
        elif rel.suffix == ".ipynb":
            try:
                json.loads(path.read_text())
            except ValueError:
                notes.append(f"{rel} is not a valid notebook (not JSON)")
    missing = [n for n in NOTEBOOKS if not (Path(folder) / n).is_file()]
    if missing:
        notes.append(f"missing notebook(s): {', '.join(missing)}")
    todo = stubs(folder, files)
    if todo:
        notes.append(f"{len(todo)} question(s) still stubs (they will score 0): {', '.join(todo)}")
    return notes


def pack(folder: Path, out: Path) -> list:
    """Write the zip; returns the list of files it holds."""
    files = collect(folder)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in files:
            zf.write(Path(folder) / rel, rel.as_posix())
        zf.writestr(
            "submission.json",
            json.dumps(
                {"packed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "files": [f.as_posix() for f in files]}, indent=1
            ),
        )
    return files


def main(folder: Path, out: Path | None = None) -> int:
    folder = Path(folder)
    out = out or folder / "submission.zip"
    try:
        files = pack(folder, out)
    except LayoutError as exc:
        print(
            f"a3 submit: {exc}. Run it in the folder that holds cs231n/ and the notebooks, or pass --dir.",
            file=sys.stderr,
        )
        return 2
    for note in warnings(folder, files):
        print(f"warning: {note}", file=sys.stderr)
    print(f"wrote {out} ({len(files)} files); upload it to the course's submission page")
    return 0
