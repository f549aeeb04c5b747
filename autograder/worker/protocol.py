"""Plain-data exchange between the grader and the student process.

Arrays travel as ``.npz`` files read with ``allow_pickle=False``; requests and replies are
one JSON object per line on dedicated pipes. Nothing here ever unpickles.
"""
from __future__ import annotations

import json
import os
import zipfile

import numpy as np

MAX_OUTPUT_BYTES = 64 * 2**20      # an outputs file larger than this is refused
MAX_MESSAGE_BYTES = 1 * 2**20      # a JSON line larger than this is refused
NUMERIC_KINDS = "biuf"             # bool, int, unsigned, float
TEXT_KINDS = "U"                   # unicode strings (inputs only: vocabularies, names)


class ProtocolError(Exception):
    """Data from the other side is not what the protocol allows; the message says why."""


def save_arrays(path, arrays: dict, allow_text: bool = False) -> None:
    """Write {name: array} to ``path`` (.npz). Refuses anything that is not a plain
    numeric (or, with allow_text, unicode) ndarray, so a file never needs pickle to read."""
    clean = {}
    for name, value in arrays.items():
        arr = np.asarray(value)
        kinds = NUMERIC_KINDS + (TEXT_KINDS if allow_text else "")
        if type(arr) is not np.ndarray or arr.dtype.kind not in kinds or arr.dtype.hasobject:
            raise ProtocolError(f"{name}: {type(value).__name__} of dtype {arr.dtype} is not a plain numeric array")
        clean[name] = arr
    with open(path, "wb") as fh:
        np.savez(fh, **clean)


def load_arrays(path, max_bytes: int = MAX_OUTPUT_BYTES, allow_text: bool = False) -> dict:
    """Read a .npz written by :func:`save_arrays`; returns {name: ndarray}.
    Raises ProtocolError for a file that is too large, not an npz, or needs pickle."""
    try:
        size = os.path.getsize(path)
    except OSError:
        raise ProtocolError("no output file was written") from None
    if size > max_bytes:
        raise ProtocolError(f"output file of {size} bytes exceeds the limit of {max_bytes}")
    unpacked = _declared_bytes(path)
    if unpacked > max_bytes:          # a small compressed file may unpack to gigabytes
        raise ProtocolError(f"output arrays of {unpacked} bytes exceed the limit of {max_bytes}")
    try:
        with np.load(path, allow_pickle=False) as data:
            out = {name: data[name] for name in data.files}
    except (ValueError, OSError, zipfile.BadZipFile, EOFError) as exc:
        raise ProtocolError(f"output file is not a plain-array npz ({exc})") from None
    kinds = NUMERIC_KINDS + (TEXT_KINDS if allow_text else "")
    for name, arr in out.items():
        if arr.dtype.kind not in kinds:
            raise ProtocolError(f"{name}: dtype {arr.dtype} is not numeric")
    return out


def _declared_bytes(path) -> int:
    """Bytes the arrays of an npz would take once loaded, from the members' sizes and the
    shapes their .npy headers declare (read before anything is allocated)."""
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                total += info.file_size
                with zf.open(info) as fh:
                    version = np.lib.format.read_magic(fh)
                    read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                                   else np.lib.format.read_array_header_2_0)
                    shape, _, dtype = read_header(fh)
                    total += int(np.prod(shape, dtype=np.float64)) * dtype.itemsize
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ProtocolError(f"output file is not a plain-array npz ({exc})") from None
    return total


def send(fh, message: dict) -> None:
    """Write one JSON message as a line and flush."""
    fh.write(json.dumps(message) + "\n")
    fh.flush()


def parse(line: str) -> dict:
    """Parse one JSON line into a dict; ProtocolError if it is too long or not an object."""
    if len(line) > MAX_MESSAGE_BYTES:
        raise ProtocolError("message too long")
    try:
        msg = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if not isinstance(msg, dict):
        raise ProtocolError("message is not a JSON object")
    return msg
