"""autograder/student_tools/packages.py: one cs231n package among several in one process."""

from __future__ import annotations

import sys

from autograder.student_tools.packages import forget, import_from, loaded, package_from


def make_package(root, value):
    (root / "cs231n").mkdir(parents=True)
    (root / "cs231n" / "__init__.py").write_text("")
    (root / "cs231n" / "layers.py").write_text(f"WHICH = {value!r}\n")
    (root / "cs231n" / "rnn.py").write_text("from cs231n.layers import WHICH\n")
    return root


def test_a_package_is_imported_from_its_folder_and_the_other_is_put_back(tmp_path):
    a, b = make_package(tmp_path / "a", "a"), make_package(tmp_path / "b", "b")
    before = forget()
    try:
        with package_from(a):
            import cs231n.rnn

            first = cs231n.rnn
            assert first.WHICH == "a"
            assert import_from(b, "cs231n.rnn").WHICH == "b"  # inside: b's, then a's again
            assert sys.modules["cs231n.rnn"] is first
        assert loaded() == {} and str(a) not in sys.path
    finally:
        forget()
        sys.modules.update(before)
