"""The uid fallback (autograder/grade/running/fallback.py): where bubblewrap cannot run, a root grader
still runs student code as an unprivileged uid with the grading tree closed to it, puts every
mode back afterwards, and a grader that is not root refuses unless told the work is trusted.

These tests run as root (the fallback exists for root). The venv's base interpreter lies under
/root (mode 0700): the fixture ``fallback_host`` lets others traverse the folders in the way for
the length of a test, as on Gradescope where Python lives under /usr, and puts them back.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import stat
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from autograder.config import REPO_ROOT, load_config
from autograder.grade.running import fallback, sandbox
from autograder.grade.running.sandbox import Isolation
from autograder.grade.judging.grader import grade_submission
from autograder.grade.reports.report import feedback_text, results_json
from conftest import make_submission
from test_attacks import ATTACKS, HONEST, attack_config, attack_submission, make_secret
from test_class_grading import fast_config_path  # noqa: F401  (a fixture)

CONFIG = load_config()
SECRETS = ("BEGIN SOLUTION", "np.tanh(x.dot(Wx)", "def rnn_step_forward(case")  # reference, hidden test
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="the uid fallback is for a grader running as root")
NOBODY = 61999  # an unprivileged uid outside the sandbox range for 'a3 grade' as non-root


def attack(name: str, folder: Path, **ctx) -> Path:
    """A submission carrying the attack tests/attacks/<name>.py (placeholders from ``ctx``)."""
    mod = __import__(f"attacks.{name}", fromlist=["SOURCE"])
    ctx = {"REPO": str(REPO_ROOT), "OUT": str(folder / "no-out"), "MARKER": str(folder / "marker"), "PORT": "9", **ctx}
    return make_submission(
        folder, {"cs231n/rnn_layers.py::rnn_step_forward": string.Template(mod.SOURCE).substitute(ctx)}
    )


def traverse_grants() -> dict:
    """{folder: mode + others' traverse} for every folder on the way to the interpreter, its
    packages and the assets that others may not traverse (here /root)."""
    grants = {}
    for path in fallback.open_paths():
        for p in {os.path.abspath(path), os.path.realpath(path)}:
            for folder in Path(p).parents:
                mode = stat.S_IMODE(os.stat(folder).st_mode)
                if not mode & 0o001:
                    grants[str(folder)] = mode | 0o001
    return grants


def modes(paths) -> dict:
    return {p: os.lstat(p).st_mode for p in paths}


def repo_modes() -> dict:
    """The modes of everything the fallback changes in the repository."""
    return modes(fallback.closing_plan(REPO_ROOT, fallback.open_paths()))


@pytest.fixture
def fallback_host(monkeypatch):
    """Bubblewrap switched off (A3_BUBBLEWRAP=off), and the interpreter reachable by others;
    afterwards every mode is what it was and no saved modes are left."""
    if os.geteuid() != 0:
        pytest.skip("the uid fallback is for a grader running as root")
    monkeypatch.setenv(fallback.BUBBLEWRAP_SWITCH, "off")
    grants = traverse_grants()
    before = modes(grants), repo_modes()
    with fallback.held(grants):
        assert fallback.choose(sandbox.bubblewrap_problem()) == "uid"
        yield
    assert (modes(grants), repo_modes()) == before
    assert fallback.restore_abandoned() == 0


def messages(result, qid: str) -> str:
    return "\n".join(m for c in result.questions[qid].cases for m in c.messages)


# -- choosing ------------------------------------------------------------------------------
def test_the_switch_turns_bubblewrap_off(monkeypatch):
    monkeypatch.setenv(fallback.BUBBLEWRAP_SWITCH, "off")
    assert "A3_BUBBLEWRAP=off" in sandbox.bubblewrap_problem()
    monkeypatch.delenv(fallback.BUBBLEWRAP_SWITCH)
    assert sandbox.bubblewrap_problem() != "bubblewrap turned off (A3_BUBBLEWRAP=off)"


def test_without_bubblewrap_root_drops_to_a_uid_and_others_refuse(monkeypatch):
    monkeypatch.delenv(fallback.TRUSTED_SWITCH, raising=False)
    monkeypatch.setattr(fallback, "python_problem", lambda: None)
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert fallback.choose("no bwrap") == "uid" and fallback.choose(None) == "bubblewrap"
    monkeypatch.setattr(fallback, "python_problem", lambda: "/root (mode 0700) is in the way")
    with pytest.raises(
        fallback.IsolationRefused, match=r"no bwrap; /root \(mode 0700\) is in the way.*--trusted-submissions"
    ):
        fallback.choose("no bwrap")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(
        fallback.IsolationRefused, match=r"install bubblewrap.*run the grader as root.*--trusted-submissions"
    ):
        fallback.choose("no bwrap")
    monkeypatch.setenv(fallback.TRUSTED_SWITCH, "1")
    assert fallback.choose("no bwrap") == "none"


def test_a_python_under_a_closed_folder_is_named():
    top = Path(tempfile.mkdtemp())
    try:
        (top / "closed" / "py").mkdir(parents=True)
        top.chmod(0o755)
        (top / "closed").chmod(0o700)
        assert fallback.blocker(top / "closed" / "py") == f"{top / 'closed'} (mode 0700)"
        (top / "closed").chmod(0o750)
        assert fallback.blocker(top / "closed" / "py", gid=os.stat(top).st_gid) is None
    finally:
        shutil.rmtree(top)


def test_the_plan_closes_all_but_the_kept_paths(tmp_path):
    tree = tmp_path / "tree"
    for rel in ("solutions/a.py", "venv/lib/x.py", "assignment/data/d.npz", "assignment/notes.md", "top.txt"):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text("x")
    out = tmp_path / "out"
    out.mkdir()
    plan = fallback.closing_plan(tree, keep=[tree / "venv", tree / "assignment" / "data"], closed=[out])
    names = {str(Path(p).relative_to(tmp_path)): m & 0o007 for p, m in plan.items()}
    assert names == {
        "tree": 0o001,
        "tree/assignment": 0o001,
        "tree/solutions": 0,
        "tree/assignment/notes.md": 0,
        "tree/top.txt": 0,
        "out": 0,
    }


# -- the uid fallback in grade_submission --------------------------------------------------
@ROOT_ONLY
def test_the_leak_attack_gets_nothing_in_the_fallback(fallback_host, tmp_path):
    sub = attack("leak_solution", tmp_path / "leak")
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward", *HONEST})
    text = messages(result, "rnn_step_forward")
    uid = int(re.search(r"found nothing \(uid=(\d+)\)", text).group(1))
    assert uid != 0 and sandbox.UID_BASE <= uid < sandbox.UID_BASE + sandbox.UID_SLOTS
    shown = text + json.dumps(results_json(result, CONFIG)) + feedback_text(result, CONFIG, release=True)
    assert not any(s in shown for s in SECRETS) and "LEAK" not in shown
    assert result.questions["rnn_step_forward"].score == 0
    assert all(result.questions[q].score == CONFIG.questions[q].points for q in HONEST)
    assert not fallback.processes_of(uid)


def test_the_leak_attack_is_real_without_isolation(tmp_path):
    """The attack can fail: with limits only it finds the reference and shows it."""
    sub = attack("leak_solution", tmp_path / "leak")
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"}, isolation=Isolation.LIMITS_ONLY)
    assert "LEAK" in messages(result, "rnn_step_forward") and SECRETS[0] in messages(result, "rnn_step_forward")


# What only bubblewrap's sandbox stops (README, Sandbox): the network (no network namespace), the
# size of /tmp and of what is written (its capped tmpfs), the host's mount table, writable places
# (the fallback's uid may write /tmp, /var/tmp and /dev/shm, emptied before and after each student
# process), the counters the next submission could read (pid_counter, tmp_inode: the fallback
# shares the host's PID namespace and /tmp, see grade/running/counters.py). The uid fallback has
# none of these. The seccomp filter's attacks (keyring, nested_userns, posix_mqueue, ...) run in
# both: its student process loads the same filter.
BUBBLEWRAP_ONLY = {"network", "tmp_fill", "many_files", "mountinfo", "writable_places", "pid_counter", "tmp_inode"}


@ROOT_ONLY
@pytest.mark.parametrize("name", [a for a in ATTACKS if a not in BUBBLEWRAP_ONLY])
def test_the_attack_suite_in_the_fallback(name, fallback_host):
    """Every attack of tests/attacks/ but the network one scores 0 and costs nothing else in
    the fallback too, aimed at a place that everyone may traverse (a previous run's gradebook
    in a folder of mode 0755)."""
    place = Path(tempfile.mkdtemp(prefix="a3-place-"))
    try:
        place.chmod(0o755)
        (place / "out").mkdir()
        (place / "out" / "grades.csv").write_text("submission,total\nhonest,55\n")
        ctx = {
            "REPO": str(REPO_ROOT),
            "OUT": str(place / "out"),
            "MARKER": str(place / "marker"),
            "PORT": "9",
            "SECRET": str(make_secret(place / "secret")),
        }
        mod = __import__(f"attacks.{name}", fromlist=["QUESTION"])
        sub = attack_submission(name, place / name, ctx)
        for folder in (sub, place / "out"):
            folder.chmod(0o700)  # as `a3 grade` closes its submissions and output
        result = grade_submission(sub, attack_config(mod), parts=["rnn"], only={mod.QUESTION, *HONEST})
        text = messages(result, mod.QUESTION)
        assert result.questions[mod.QUESTION].score == 0 and re.search(mod.MESSAGE, text), text[-2000:]
        forbidden = getattr(mod, "FORBIDDEN", None)
        assert not (forbidden and re.search(forbidden, text)), f"{name}: the report tells {text!r}"
        assert all(result.questions[q].passed for q in HONEST), [messages(result, q) for q in HONEST]
        if name == "background_writer":
            time.sleep(6)  # past the moment its daemon would write
        assert not (place / "marker").exists()
        assert (place / "out" / "grades.csv").read_text() == "submission,total\nhonest,55\n"
        assert not fallback.processes_of(sandbox.sandbox_uid())  # this thread's sandbox uid
    finally:
        shutil.rmtree(place, ignore_errors=True)


PROBE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os, signal
    status = dict(l.split(":", 1) for l in open("/proc/self/status") if ":" in l)
    def can(fn):
        try:
            fn()
            return True
        except OSError:
            return False
    facts = {"uid": os.getuid(), "euid": os.geteuid(), "gid": os.getgid(), "groups": os.getgroups(),
             "caps": [status[k].strip() for k in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")],
             "no_new_privs": status["NoNewPrivs"].strip(), "session_leader": os.getsid(0) == os.getpid(),
             "signal_grader": can(lambda: os.kill(os.getppid(), 0)),
             "write_exchange": can(lambda: open("probe.txt", "w").close()),
             "write_submission": can(lambda: open(os.path.join(os.path.dirname(__file__), "x.py"), "w").close()),
             "write_repo": can(lambda: open("$REPO/probe.txt", "w").close()),
             "read_repo": can(lambda: os.listdir("$REPO/autograder")),
             "tmp_file": can(lambda: open("/tmp/a3-probe-$TAG", "w").close())}
    raise RuntimeError("PROBE:" + json.dumps(facts))
'''


@ROOT_ONLY
def test_the_student_process_is_unprivileged_and_writes_only_its_exchange(fallback_host, tmp_path):
    tag = str(os.getpid())
    sub = make_submission(
        tmp_path / "probe",
        {"cs231n/rnn_layers.py::rnn_step_forward": string.Template(PROBE).substitute(REPO=REPO_ROOT, TAG=tag)},
    )
    result = grade_submission(sub, CONFIG, parts=["rnn"], only={"rnn_step_forward"})
    facts = json.JSONDecoder().raw_decode(messages(result, "rnn_step_forward").rsplit("RuntimeError: PROBE:", 1)[1])[0]
    assert sandbox.UID_BASE <= facts["uid"] == facts["euid"] == facts["gid"] and facts["groups"] == []
    assert facts["caps"] == ["0000000000000000"] * 5 and facts["no_new_privs"] == "1"
    assert facts["session_leader"] and not facts["signal_grader"]
    assert facts["write_exchange"] and not facts["write_submission"] and not facts["write_repo"]
    assert not facts["read_repo"]
    assert facts["tmp_file"] and not os.path.exists(f"/tmp/a3-probe-{tag}")  # made, then deleted
    assert not (REPO_ROOT / "probe.txt").exists()


@ROOT_ONLY
def test_modes_are_put_back_when_grading_fails(fallback_host, tmp_path):
    """An exception in the middle of grading (here from the progress callback) still puts every
    mode back (the fixture checks them)."""
    seen = []

    def fail(qid):
        seen.append(repo_modes()[str(REPO_ROOT / "solutions")] & 0o007)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        grade_submission(
            make_submission(tmp_path / "s"), CONFIG, parts=["rnn"], only={"rnn_step_forward"}, progress=fail
        )
    assert seen == [0]  # closed while the student process ran


HOLD_AND_WAIT = """
import sys, time
from autograder.grade.running import fallback
fallback.hold(fallback.closing_plan(sys.argv[1], keep=[sys.argv[1] + "/public"]))
print("held", flush=True)
time.sleep(120)
"""


@ROOT_ONLY
def test_modes_left_by_a_killed_grader_are_put_back(tmp_path):
    tree = tmp_path / "tree"
    (tree / "public").mkdir(parents=True)
    (tree / "secret").mkdir()
    before = modes([tree, tree / "secret", tree / "public"])
    proc = subprocess.Popen([sys.executable, "-c", HOLD_AND_WAIT, str(tree)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        assert os.stat(tree / "secret").st_mode & 0o007 == 0
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert os.stat(tree / "secret").st_mode & 0o007 == 0  # killed: nothing put back yet
    done = subprocess.run(
        [sys.executable, "-m", "autograder.grade.running.fallback", "--restore"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "restored the modes of 2 paths" in done.stdout
    assert modes([tree, tree / "secret", tree / "public"]) == before


# -- a3 grade ------------------------------------------------------------------------------
def a3(*args, env=None, user=None, cwd=None):
    prefix = fallback.drop_to(user) if user is not None else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "autograder.cli", "grade", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=cwd or REPO_ROOT,
    )


@ROOT_ONLY
def test_a3_grade_not_root_without_bubblewrap_refuses_unless_trusted(fallback_host, tmp_path, fast_config_path):
    home = Path(tempfile.mkdtemp(prefix="a3-nobody-"))
    try:
        os.chown(home, NOBODY, NOBODY)
        sub = make_submission(home / "class" / "ann")
        shutil.copy(fast_config_path, home / "config.yml")
        for dirpath, _dirnames, filenames in os.walk(home):
            for name in [dirpath, *(os.path.join(dirpath, f) for f in filenames)]:
                os.chown(name, NOBODY, NOBODY)
        env = dict(os.environ, HOME=str(home), TMPDIR=str(home))
        refused = a3(sub, "--out", home / "out", "--parts", "rnn", env=env, user=NOBODY)
        assert refused.returncode == 2, refused.stderr[-2000:]
        assert re.search(r"install bubblewrap.*run the grader as root.*--trusted-submissions", refused.stderr)
        assert not (home / "out" / "grades.csv").exists()
        trusted = a3(
            sub,
            "--out",
            home / "out",
            "--parts",
            "rnn",
            "--config",
            home / "config.yml",
            "--workers",
            "1",
            "--quiet",
            "--trusted-submissions",
            env=env,
            user=NOBODY,
        )
        assert trusted.returncode == 0, trusted.stderr[-2000:]
        assert trusted.stderr.count("isolation:") == 1 and "isolation: NONE" in trusted.stderr
        grades = (home / "out" / "grades.csv").read_text().splitlines()
        assert grades[1].startswith("ann,") and grades[1].endswith(",23")
    finally:
        shutil.rmtree(home, ignore_errors=True)


@ROOT_ONLY
def test_a3_grade_in_the_fallback_closes_the_results_and_other_submissions(fallback_host, fast_config_path):
    """A class folder and its output folder readable by everyone (as in a shared home): while
    `a3 grade` runs in the fallback, the leak attack reads neither the other submissions nor
    the gradebook, and the honest submission gets full marks."""
    place = Path(tempfile.mkdtemp(prefix="a3-class-"))
    try:
        place.chmod(0o755)
        out = place / "out"
        make_submission(place / "class" / "honest")
        attack("leak_solution", place / "class" / "leak", OUT=str(out))
        before = modes([place / "class", place / "class" / "honest"])
        done = a3(
            place / "class",
            "--out",
            out,
            "--parts",
            "rnn",
            "--config",
            fast_config_path,
            "--workers",
            "1",
            "--quiet",
            env=dict(os.environ),
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stderr.count("isolation:") == 1 and "isolation: uid fallback" in done.stderr
        rows = {r["submission"]: r for r in csv.DictReader(open(out / "grades.csv"))}
        assert rows["honest"]["total"] == "23", (rows["honest"]["reason"], done.stderr[:6000])
        assert rows["leak"]["rnn_step_forward"] == "0"
        assert all(float(rows["leak"][q]) == CONFIG.questions[q].points for q in HONEST), rows["leak"]
        report = (out / "leak" / "results.json").read_text()
        assert "found nothing (uid=6" in report and not any(s in report for s in SECRETS), report[:3000]
        for name in ("feedback.md", "feedback.html", "graded.json"):
            text = (out / "leak" / name).read_text()
            assert not any(s in text for s in SECRETS) and "LEAK" not in text, name
        assert modes([place / "class", place / "class" / "honest"]) == before and os.stat(out).st_mode & 0o005
    finally:
        shutil.rmtree(place, ignore_errors=True)


# -- Gradescope ------------------------------------------------------------------------------
@ROOT_ONLY
def test_gradescope_without_bubblewrap_as_root_gives_attacks_nothing(fallback_host, tmp_path, fast_config_path):
    """The autograder zip unpacked into an /autograder-like tree readable by everyone (as
    Gradescope's), run_autograder run as root with bubblewrap off (as in Gradescope's Docker)
    on the leak of issue 15, an attack on the grader's processes and a forged results.json:
    each gains nothing, and the honest submission gets full marks. The development repository
    is closed as Gradescope's would not be there."""
    from autograder.build.gradescope_zip import make_gradescope_zip

    root = Path(tempfile.mkdtemp(prefix="a3-gradescope-"))
    try:
        root.chmod(0o755)
        with zipfile.ZipFile(make_gradescope_zip(tmp_path / "autograder.zip")) as zf:
            zf.extractall(root / "source")
        assert "the uid fallback" in (root / "source" / "setup.sh").read_text()  # says which isolation
        shutil.copy(fast_config_path, root / "config.yml")
        (root / "submission_metadata.json").write_text(json.dumps({"created_at": "2026-03-01T12:00:00Z"}))
        env = dict(os.environ, A3_AUTOGRADER_ROOT=str(root), A3_PYTHON=sys.executable, A3_BUBBLEWRAP="off")
        tree_before = modes(fallback.closing_plan(root, fallback.open_paths()))
        expected = {
            "leak_solution": "found nothing (uid=6",
            "kill_parents": "kill attack: killed []",
            "forge_results": "forge attack: wrote []",
            "honest": None,
        }
        with fallback.held(fallback.closing_plan(REPO_ROOT, fallback.open_paths())):
            for name, message in expected.items():
                shutil.rmtree(root / "submission", ignore_errors=True)
                shutil.rmtree(root / "results", ignore_errors=True)
                (root / "results").mkdir()  # as on Gradescope
                if name == "honest":
                    make_submission(root / "submission")
                else:
                    attack(name, root / "submission", OUT=str(root / "results"), MARKER=str(root / "marker"))
                proc = subprocess.run(
                    [
                        "bash",
                        str(root / "source" / "run_autograder"),
                        "--parts",
                        "rnn",
                        "--config",
                        str(root / "config.yml"),
                    ],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                assert proc.returncode == 0, f"{name}: {proc.stderr[-3000:]}"
                assert proc.stderr.count("isolation: uid fallback") == 1, proc.stderr[-2000:]
                results = json.loads((root / "results" / "results.json").read_text())
                by_name = {t["name"]: t for t in results["tests"]}
                text = json.dumps(results)
                assert not any(s in text for s in SECRETS) and "LEAK" not in text, f"{name}: {text[:3000]}"
                assert not (root / "marker").exists()
                if message is None:
                    assert results["score"] == 23, [t for t in results["tests"] if t["score"] < t["max_score"]]
                else:
                    assert message in by_name["rnn_step_forward: linspace"]["output"], by_name[
                        "rnn_step_forward: linspace"
                    ]
                    assert by_name["rnn_step_forward: linspace"]["score"] == 0 and results["score"] < 23
                    assert all(t["score"] == t["max_score"] for t in results["tests"] if t["name"].startswith(HONEST))
        assert modes(tree_before) == tree_before
    finally:
        shutil.rmtree(root, ignore_errors=True)
