"""Plain-data exchange between the grader and the student process.

Requests and replies are one JSON object per line on dedicated pipes; each side handles
them as typed values (:class:`Request`, :class:`Reply` of :class:`CaseReply`), converted
with ``to_wire`` / ``from_wire``; the grader reads a reply as untrusted. Inputs travel as
``.npz`` files the grader writes in a folder the student process may only read; outputs
travel on the reply pipe itself, right after the reply line, as ``.npy`` images (header and
raw data, see :func:`encode_arrays` / :func:`decode_arrays`), so the grader never opens a
file the student process could have replaced. Nothing here ever unpickles.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from typing import IO

MAX_OUTPUT_BYTES = 64 * 2**20  # an outputs file larger than this is refused
MAX_MESSAGE_BYTES = 1 * 2**20  # a JSON line larger than this is refused
MAX_REPLY_BYTES = 256 * 2**20  # the outputs of all cases of one question together
MAX_ARRAYS = 64  # arrays per case
MAX_NAME = 100  # characters of an array's name
NUMERIC_KINDS = "biuf"  # bool, int, unsigned, float
TEXT_KINDS = "U"  # unicode strings (inputs only: vocabularies, names)


class ProtocolError(Exception):
    """Data from the other side is not what the protocol allows; the message says why."""


def save_arrays(path: str | Path, arrays: dict, allow_text: bool = False) -> None:
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


def load_arrays(path: str | Path, max_bytes: int = MAX_OUTPUT_BYTES, allow_text: bool = False) -> dict:
    """Read a .npz written by :func:`save_arrays`; returns {name: ndarray}.
    Raises ProtocolError for a file that is too large, not an npz, or needs pickle."""
    try:
        size = os.path.getsize(path)
    except OSError:
        raise ProtocolError("no output file was written") from None
    if size > max_bytes:
        raise ProtocolError(f"output file of {size} bytes exceeds the limit of {max_bytes}")
    unpacked = _declared_bytes(path)
    if unpacked > max_bytes:  # a small compressed file may unpack to gigabytes
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
                    read_header = (
                        np.lib.format.read_array_header_1_0
                        if version == (1, 0)
                        else np.lib.format.read_array_header_2_0
                    )
                    shape, _, dtype = read_header(fh)
                    total += int(np.prod(shape, dtype=np.float64)) * dtype.itemsize
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ProtocolError(f"output file is not a plain-array npz ({exc})") from None
    return total


def encode_arrays(arrays: dict) -> tuple:
    """Plain numeric arrays as ``([[name, nbytes], ...], bytes)``: each array's ``.npy`` image
    (``np.lib.format``, no pickle) concatenated in the order of the list. ProtocolError for
    anything that is not a plain numeric ndarray or a name that is not short text."""
    layout, chunks = [], []
    for name, value in arrays.items():
        arr = np.asarray(value)
        if type(arr) is not np.ndarray or arr.dtype.kind not in NUMERIC_KINDS or arr.dtype.hasobject:
            raise ProtocolError(f"{name}: {type(value).__name__} of dtype {arr.dtype} is not a plain numeric array")
        if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME:
            raise ProtocolError(f"output name {name!r} is not a short string")
        buf = io.BytesIO()
        np.lib.format.write_array(buf, arr, allow_pickle=False)
        chunks.append(buf.getvalue())
        layout.append([name, len(chunks[-1])])
    if len(layout) > MAX_ARRAYS:
        raise ProtocolError(f"{len(layout)} output arrays; at most {MAX_ARRAYS} are allowed")
    return layout, b"".join(chunks)


def check_layout(layout: object, max_bytes: int = MAX_OUTPUT_BYTES) -> int:
    """Total bytes that ``layout`` (from the reply line, untrusted) announces; ProtocolError
    unless it is a list of at most MAX_ARRAYS ``[short name, size]`` pairs of distinct names
    whose sizes add up to at most ``max_bytes``. Costs nothing before the bytes are read."""
    if not isinstance(layout, list) or len(layout) > MAX_ARRAYS:
        raise ProtocolError(f"the outputs are not a list of at most {MAX_ARRAYS} arrays")
    names, total = set(), 0
    for item in layout:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not isinstance(item[0], str)
            or not 0 < len(item[0]) <= MAX_NAME
            or type(item[1]) is not int
            or item[1] < 0
            or item[0] in names
        ):
            raise ProtocolError("the outputs are not a list of distinct [name, size] pairs")
        names.add(item[0])
        total += item[1]
    if total > max_bytes:
        raise ProtocolError(f"outputs of {total} bytes exceed the limit of {max_bytes}")
    return total


def decode_arrays(layout: list, data: bytearray | memoryview) -> dict:
    """{name: ndarray} from a checked ``layout`` and the bytes it describes (``data``, a
    bytearray or memoryview of exactly that length). Each image must be a version 1 or 2
    ``.npy`` of a numeric dtype whose header's shape accounts for exactly its bytes; the
    arrays are views of ``data``. ProtocolError otherwise."""
    out, offset = {}, 0
    view = memoryview(data)
    for name, size in layout:
        chunk = view[offset : offset + size]
        offset += size
        fh = io.BytesIO(chunk)
        try:
            version = np.lib.format.read_magic(fh)
            if version not in ((1, 0), (2, 0)):
                raise ValueError(f"npy version {version}")
            read_header = (
                np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(fh, max_header_size=10000)
        except (ValueError, EOFError, SyntaxError, TypeError) as exc:
            raise ProtocolError(f"{name}: not a plain array ({exc})") from None
        if dtype.kind not in NUMERIC_KINDS or dtype.hasobject or dtype.fields:
            raise ProtocolError(f"{name}: dtype {dtype} is not numeric")
        count = int(np.prod(shape, dtype=np.float64))
        start = fh.tell()
        if count * dtype.itemsize != size - start:
            raise ProtocolError(f"{name}: {size - start} bytes of data for shape {shape} of {dtype}")
        arr = np.frombuffer(chunk, dtype=dtype, count=count, offset=start)
        out[name] = arr.reshape(shape[::-1]).T if fortran else arr.reshape(shape)
    return out


def send(fh: IO, message: dict, data: bytes = b"") -> None:
    """Write one JSON message as a line, then ``data`` (outputs' bytes), and flush; ``fh``
    is a text or a binary file. On a binary file (the student process's replies) the line also starts
    with a newline, so that it stands on a line of its own whatever was written before it
    (unterminated bytes, e.g. the outputs of a reply the grader had stopped waiting for)."""
    line = json.dumps(message) + "\n"
    if isinstance(fh, io.TextIOBase):
        fh.write(line)
    else:
        fh.write(b"\n" + line.encode() + data)
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


READY = {"ready": True}  # the student process's first line: it has started and waits for requests
CASE_STATUSES = ("ok", "not_implemented", "error")  # what the student process may say of a case
MAX_CASE_MESSAGE = 4000  # characters of a case's message the grader keeps


@dataclass(frozen=True)
class Request:
    """The grader's request for one question: run ``calls.<question>`` on each of ``cases``
    (case names), whose inputs are ``<in_dir>/<case>.npz`` (a folder the student process may
    only read); ``id`` pairs the reply with it. It carries inputs only: names and a path,
    never an expected value."""

    id: str
    question: str
    cases: tuple
    in_dir: str

    def to_wire(self) -> dict:
        """The JSON object sent on the request pipe."""
        return {"id": self.id, "question": self.question, "cases": list(self.cases), "in_dir": self.in_dir}

    @classmethod
    def from_wire(cls, message: dict) -> Request:
        """The request in a parsed line (in the student process: the grader's, trusted)."""
        return cls(message.get("id"), message["question"], tuple(message["cases"]), message["in_dir"])


@dataclass(frozen=True)
class CaseReply:
    """What the student process says of one case: ``status`` ``ok`` (``arrays``: the layout of
    its outputs' bytes, ``[[name, nbytes], ...]``, untrusted until :func:`check_layout` has
    checked it), ``not_implemented`` or ``error``, and a ``message``."""

    status: str
    message: str = ""
    arrays: object = None

    def to_wire(self) -> dict:
        """The case's JSON object in the reply line."""
        if self.status == "ok":
            return {"status": "ok", "arrays": self.arrays}
        return {"status": self.status, "message": self.message}

    @classmethod
    def from_wire(cls, info: object) -> CaseReply | None:
        """The case's answer read from the student process (untrusted): None unless it is an
        object whose status is one of CASE_STATUSES; its message becomes text of at most
        MAX_CASE_MESSAGE characters; ``arrays`` is kept (for check_layout) for ``ok`` only."""
        if not isinstance(info, dict) or info.get("status") not in CASE_STATUSES:
            return None
        status = info["status"]
        message = str(info.get("message", ""))[:MAX_CASE_MESSAGE]
        return cls(status, message, info.get("arrays") if status == "ok" else None)


@dataclass(frozen=True)
class Reply:
    """The student process's reply to a :class:`Request`: ``cases`` {case: CaseReply, or None
    when it gave no usable answer for that case}, and ``tampered``: the names of library
    functions the question's code replaced (tamper.py), if any. On the wire the outputs'
    bytes follow the line, case after case in the order of ``cases``."""

    id: object
    question: str
    cases: dict
    tampered: tuple = ()

    def to_wire(self) -> dict:
        """The JSON object of the reply line."""
        wire = {"id": self.id, "question": self.question, "cases": {c: r.to_wire() for c, r in self.cases.items()}}
        if self.tampered:
            wire["tampered"] = list(self.tampered)
        return wire

    @classmethod
    def from_wire(cls, message: dict, cases: tuple) -> Reply:
        """The reply in a parsed line (in the grader: untrusted), to a request for ``cases``:
        only those cases are read, in that order (each by CaseReply.from_wire); ``tampered``
        becomes a tuple of text."""
        answers = message.get("cases")
        if not isinstance(answers, dict):
            answers = {}
        tampered = message.get("tampered") or []
        if not isinstance(tampered, (list, str, dict)):
            tampered = (tampered,)  # a lone number: still a claim of tampering
        return cls(
            message.get("id"),
            str(message.get("question", "")),
            {case: CaseReply.from_wire(answers.get(case)) for case in cases},
            tuple(map(str, tampered)),
        )
