"""Writing the files of a run: one function every layer uses, importing nothing of the engine."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (its folders made) through a temporary file renamed over it,
    flushed to disk first: a reader, a crash or a reboot sees the old file or the new one,
    never half of one. The file is left readable by all (0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    with os.fdopen(fd, "w", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())  # on disk before the rename: a reboot leaves the old or the new file
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
