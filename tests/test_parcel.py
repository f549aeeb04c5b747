"""A submission carried by its grading task (grade/bookkeeping/parcel.py): what a Dask worker
writes back is the submission a local run grades (same id, same fingerprint, same refusals),
the bytes are checked, and a submission too large to carry is refused by name and limit."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from autograder.grade.bookkeeping.parcel import ParcelTooLarge, pack, unpack
from autograder.grade.bookkeeping.record import submission_fingerprint
from autograder.submission import SubmissionLayoutError, open_submission, submission_id


def _folder(root):
    sub = root / "ann"
    (sub / "cs231n" / "__pycache__").mkdir(parents=True)
    (sub / "cs231n" / "__init__.py").write_text("")
    (sub / "cs231n" / "rnn_layers.py").write_text("x = 1\n")
    (sub / "cs231n" / "__pycache__" / "rnn_layers.pyc").write_bytes(b"cache")
    (sub / ".git").mkdir()
    (sub / ".git" / "HEAD").write_text("ref")
    (sub / ".hidden_note").write_text("kept, as the grader's copy keeps it")
    (sub / "empty").mkdir()
    return sub


def test_a_folder_travels_as_the_same_submission(tmp_path):
    sub = _folder(tmp_path)
    parcel = pack(sub)
    assert parcel.folder and parcel == pack(sub)  # deterministic: the same bytes twice
    names = zipfile.ZipFile(io.BytesIO(parcel.data)).namelist()
    assert not any(".git" in n or "__pycache__" in n for n in names) and ".hidden_note" in names
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = unpack(parcel, inbox)
    assert copy == inbox / "ann" and submission_id(copy) == "ann"
    assert submission_fingerprint(copy) == submission_fingerprint(sub)
    assert (copy / "empty").is_dir()


def test_a_zip_travels_as_its_bytes(tmp_path):
    zpath = tmp_path / "ben.zip"
    zpath.write_bytes(b"not really a zip: the worker's grading says so, as a local run's does")
    parcel = pack(zpath)
    assert not parcel.folder and parcel.data == zpath.read_bytes()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = unpack(parcel, inbox)
    assert copy.name == "ben.zip" and copy.read_bytes() == zpath.read_bytes()
    assert submission_fingerprint(copy) == submission_fingerprint(zpath)


def test_a_link_travels_as_a_link_and_is_refused_as_locally(tmp_path):
    sub = _folder(tmp_path)
    os.symlink("/etc/passwd", sub / "cs231n" / "secret.py")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copy = unpack(pack(sub), inbox)
    assert os.readlink(copy / "cs231n" / "secret.py") == "/etc/passwd"
    with pytest.raises(SubmissionLayoutError, match="refusing the symbolic link 'cs231n/secret.py'"):
        open_submission(copy, tmp_path / "scratch")


def test_damaged_bytes_are_refused(tmp_path):
    parcel = pack(_folder(tmp_path))
    data = bytearray(parcel.data)
    data[len(data) // 2] ^= 0xFF  # one byte changed
    bad = type(parcel)(parcel.name, parcel.folder, bytes(data), parcel.sha256)
    with pytest.raises(ValueError, match="ann: the submission's bytes do not match their sha256"):
        unpack(bad, tmp_path)


def test_a_submission_too_large_to_carry_is_named_with_the_limit(tmp_path):
    huge = tmp_path / "huge.zip"
    with open(huge, "wb") as f:
        f.truncate(3 * 2**20)  # sparse: never read
    with pytest.raises(ParcelTooLarge, match=r"huge.zip is 3145728 bytes, more than the 2 MiB a grading task may"):
        pack(huge, limit=2 * 2**20)
    sub = _folder(tmp_path)
    (sub / "big.npy").write_bytes(b"\0" * 4096)
    with pytest.raises(ParcelTooLarge, match=r"ann is more than \d+ bytes, more than the 0.00390625 MiB"):
        pack(sub, limit=4096)
    assert isinstance(ParcelTooLarge("x"), SubmissionLayoutError)  # the submission's row, not the batch's stop
