"""The sandbox's fallback and its parts: limits apply without bubblewrap, the missing
sandbox is reported once, and the process inside runs as its own user in its own root."""
from __future__ import annotations

import json
import string
import warnings

import pytest

from autograder.config import REPO_ROOT, ConfigError, Limits, load_config, parse_size
from autograder.grade import sandbox
from autograder.grade.grader import grade_submission
from conftest import make_submission
from test_attacks import attack_config, attack_submission

CONFIG = load_config()

PROBE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """Reports what it sees, in the message of the exception it raises."""
    import json, os
    facts = {
        "uid": os.getuid(),
        "repo_visible": os.path.exists("$REPO/autograder/hidden_tests"),
        "solutions_visible": os.path.exists("$REPO/solutions"),
        "submission_writable": os.access(os.path.dirname(os.path.dirname(__file__)), os.W_OK),
        "processes_seen": len([p for p in os.listdir("/proc") if p.isdigit()]),
    }
    raise RuntimeError("PROBE:" + json.dumps(facts))
'''


def probe(tmp_path, use_sandbox):
    ctx = {"REPO": str(REPO_ROOT)}
    sub = make_submission(tmp_path / "probe", {"cs231n/rnn_layers.py::rnn_step_forward":
                                               string.Template(PROBE).substitute(ctx)})
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, sandbox=use_sandbox)
    text = result.questions["rnn_step_forward"].cases[0].messages[0]
    return json.loads(text.rsplit("RuntimeError: PROBE:", 1)[1].splitlines()[0])


def test_inside_the_sandbox_the_process_sees_only_what_it_needs(tmp_path):
    facts = probe(tmp_path, True)
    assert not facts["repo_visible"] and not facts["solutions_visible"]
    assert not facts["submission_writable"]
    assert facts["processes_seen"] <= 3          # bwrap's init, the worker (and nothing else)
    import os
    if os.geteuid() == 0:
        assert sandbox.UID_BASE <= facts["uid"] < sandbox.UID_BASE + sandbox.UID_SLOTS


def test_without_the_sandbox_the_same_probe_sees_the_repository(tmp_path):
    """The probe can fail: without bubblewrap, the repository is visible."""
    facts = probe(tmp_path, False)
    assert facts["repo_visible"]


def test_limits_apply_without_bubblewrap(tmp_path):
    mod = __import__("attacks.memory_bomb", fromlist=["x"])
    sub = attack_submission("memory_bomb", tmp_path / "bomb", {"REPO": str(REPO_ROOT)})
    result = grade_submission(sub, attack_config(mod), parts=["rnn"], only={"rnn_step_forward"}, sandbox=False)
    assert "MemoryError" in result.questions["rnn_step_forward"].cases[0].messages[0]


def test_a_missing_bubblewrap_is_reported_once(monkeypatch, tmp_path):
    monkeypatch.setattr(sandbox, "bubblewrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    monkeypatch.setattr(sandbox, "_warned", False)
    monkeypatch.setattr(sandbox.os, "geteuid", lambda: 1000)     # root would take the uid fallback
    monkeypatch.setenv("A3_TRUSTED_SUBMISSIONS", "1")             # not root: only for trusted work
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(3):
            box = sandbox.Sandbox(Limits(), tmp_path, tmp_path / f"io{i}", tmp_path / f"lib{i}")
            assert not box.bubblewrap and box.describe() == "no sandbox (limits only)"
    msgs = [str(w.message) for w in caught if issubclass(w.category, sandbox.SandboxWarning)]
    assert len(msgs) == 1 and "WITHOUT a sandbox" in msgs[0] and "not installed" in msgs[0]


def test_sizes_in_the_config():
    assert parse_size("4 GiB") == 4 * 2**30 and parse_size("512MiB") == 512 * 2**20
    assert parse_size("100 MB") == 10**8 and parse_size(1024) == 1024
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_a_bad_limit_names_its_line(tmp_path):
    text = (REPO_ROOT / "grading_config.yml").read_text().replace("memory: 4 GiB", "memory: 4 gigs")
    path = tmp_path / "g.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"g.yml:\d+: defaults.limits.memory: '4 gigs' is not a size"):
        load_config(path)



def test_the_tamper_check_sees_replaced_functions_only(monkeypatch):
    import builtins

    import numpy as np

    from autograder.worker.tamper import Snapshot
    snap = Snapshot()
    monkeypatch.setattr(np, "_private_helper_for_test", lambda: 0, raising=False)   # an addition
    monkeypatch.setattr(np, "__version__", "0")                                     # a plain value
    assert snap.replaced() == []
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(builtins, "__import__", builtins.__import__)                # same object
    monkeypatch.setattr(builtins, "abs", lambda v: 0)
    assert sorted(snap.replaced()) == ["builtins.abs", "numpy.allclose"]


def test_the_reference_is_never_restarted_for_tampering(tmp_path):
    """No false alarm: libraries that patch each other's private names at import (TensorFlow
    pulls in typing_extensions, which replaces typing._check_generic) cost no restart."""
    from autograder.fixture_store import read_fixture
    from autograder.grade.student_process import StudentProcess
    for part in CONFIG.parts:
        with StudentProcess(REPO_ROOT / "solutions", tmp_path / part, limits=CONFIG.parts[part].limits) as sp:
            for q in CONFIG.parts[part].questions.values():
                if q.id.endswith(("_overfit", "_training", "style_transfer")):
                    continue                  # long trainings; they import nothing new
                fixture = read_fixture(q.id)
                sp.run(q.id, {c: fixture[c][0] for c in q.cases}, q.time_limit)
            assert sp.restarts == 0, (part, sp.log_tail())
