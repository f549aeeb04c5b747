"""Written questions' points in grading_config.yml (validated like the rest, checked against
the notebooks by the build), and per-student extensions (extensions.csv beside the
submissions) applied before the late penalty and shown in the feedback."""

from __future__ import annotations

import csv
import datetime
import json
import os
import re

import pytest
import yaml

from autograder.build import BuildError
from autograder.build.notebooks import check_masters
from autograder.config import REPO_ROOT, ConfigError, load_config
from autograder.grade.bookkeeping.batch import find_submissions, grade_many
from autograder.grade.bookkeeping.late import Extension, late_penalty, read_extensions
from conftest import make_submission

CONFIG_TEXT = (REPO_ROOT / "grading_config.yml").read_text()


def write_config(tmp_path, text):
    path = tmp_path / "grading_config.yml"
    path.write_text(text)
    return path


def line_of(text, needle):
    return text.splitlines().index(needle) + 1


def test_written_points_count_in_the_part_and_are_validated_with_file_and_line(tmp_path):
    # points taken from an autograded question: accepted, the part's total unchanged
    text = CONFIG_TEXT.replace("      rnn_inline_question_1: 0", "      rnn_inline_question_1: 3")
    text = text.replace("      rnn_sample:\n        points: 4", "      rnn_sample:\n        points: 1")
    config = load_config(write_config(tmp_path, text), check_tests=False)
    assert config.parts["rnn"].written == {"rnn_inline_question_1": 3.0}
    assert config.parts["rnn"].points == 25 and config.parts["rnn"].autograded_points == 22
    # added on top: the part's total no longer adds up
    bad = CONFIG_TEXT.replace("      rnn_inline_question_1: 0", "      rnn_inline_question_1: 3")
    path = write_config(tmp_path, bad)
    with pytest.raises(
        ConfigError,
        match=rf"{path}:{line_of(bad, '    points: 25')}: part 'rnn' is worth 25 "
        r"points but its questions add up to 28 \(written questions included\)",
    ):
        load_config(path, check_tests=False)
    for value, message in (
        ("-1", "points must be >= 0"),
        ("lots", "should be int/float"),
        ("true", "must not be a boolean"),
    ):
        bad = CONFIG_TEXT.replace("      rnn_inline_question_1: 0", f"      rnn_inline_question_1: {value}")
        path = write_config(tmp_path, bad)
        with pytest.raises(
            ConfigError,
            match=rf"{path}:{line_of(bad, f'      rnn_inline_question_1: {value}')}: "
            rf".*{message}",
        ):
            load_config(path, check_tests=False)
    bad = CONFIG_TEXT.replace(
        "    written:\n      rnn_inline_question_1: 0", "    writen:\n      rnn_inline_question_1: 0"
    )
    with pytest.raises(ConfigError, match=r"unknown key 'writen' in part 'rnn' \(did you mean 'written'\?\)"):
        load_config(write_config(tmp_path, bad), check_tests=False)


def test_the_build_matches_written_questions_with_the_notebooks(tmp_path):
    masters = REPO_ROOT / "assignment" / "notebooks"
    config = load_config(check_tests=False)
    check_masters(config, masters)  # the shipped config and notebooks agree
    missing = CONFIG_TEXT.replace("      netvis_inline_question_1: 0\n", "")
    with pytest.raises(BuildError, match="netvis_inline_question_1' is a written question but part 'netvis'"):
        check_masters(load_config(write_config(tmp_path, missing), check_tests=False), masters)
    extra = CONFIG_TEXT.replace(
        "      netvis_inline_question_1: 0\n", "      netvis_inline_question_1: 0\n      netvis_inline_question_9: 0\n"
    )
    with pytest.raises(BuildError, match="written question 'netvis_inline_question_9' of part 'netvis'"):
        check_masters(load_config(write_config(tmp_path, extra), check_tests=False), masters)


# -- extensions ----------------------------------------------------------------------------
RULES = load_config(check_tests=False).late
DUE = RULES.due


def test_an_extension_moves_the_due_date_before_the_penalty():
    two_days_late = DUE + datetime.timedelta(days=1, hours=12)
    assert late_penalty(two_days_late, RULES).days == 2
    late = late_penalty(two_days_late, RULES, Extension(extra_days=3))
    assert (late.days, late.factor) == (0, 1.0) and "3 extra days" in late.extension
    late = late_penalty(two_days_late, RULES, Extension(extra_days=1))
    assert late.days == 1 and late.factor == pytest.approx(0.9)
    late = late_penalty(two_days_late, RULES, Extension(due=DUE + datetime.timedelta(days=2)))
    assert late.days == 0 and late.extension.startswith("due ")


def test_bad_extension_rows_are_named_by_file_and_line(tmp_path):
    (tmp_path / "extensions.csv").write_text(
        "student_id,due,extra_days,reason\n"
        "s1,,3,illness\n"
        "s2,2027-06-14T23:59:00-07:00,,\n"
        "s3,,,\n"
        "s4,next week,,\n"
        "s5,,-2,\n"
        "s1,,5,\n"
        "s6,2027-06-14T23:59:00,,\n"
    )
    exts, problems = read_extensions(tmp_path)
    assert exts == {
        "s1": Extension(extra_days=3.0),
        "s2": Extension(due=datetime.datetime.fromisoformat("2027-06-14T23:59:00-07:00")),
    }
    where = str(tmp_path / "extensions.csv")
    assert [p.split(": ")[0] for p in problems] == [f"{where}:{n}" for n in (4, 5, 6, 7, 8)]
    assert "either due or extra_days" in problems[0] and "time zone" in problems[1] and "time zone" in problems[4]
    (tmp_path / "extensions.csv").write_text("student,days\nx,1\n")
    assert "the header should name student_id" in read_extensions(tmp_path)[1][0]


@pytest.fixture(scope="module")
def rnn_only_config(tmp_path_factory):
    """grading_config.yml without the overfit question (a submission grades in a second)."""
    data = yaml.safe_load(CONFIG_TEXT)
    part = data["parts"]["rnn"]
    removed = part["questions"].pop("rnn_overfit")["points"]
    part["points"] -= removed
    data["points"] -= removed  # the assignment's total follows its parts
    path = tmp_path_factory.mktemp("config") / "fast.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_config(path)


def test_a_class_with_extensions_file(rnn_only_config, tmp_path, capsys):
    """Two students hand in 2 days late; one has 3 extra days (by student id, from the
    metadata), the other none. The extension is in the gradebook's factor and the feedback;
    a bad row is reported and the file itself is not graded as a submission. Each part and
    total agree in grades.csv, lms.csv, the class page, results.json and the feedback
    (Markdown and HTML), all after the penalty (ben: factor 0.8); the class page names both
    the penalty and the extension."""
    folder = tmp_path / "class"
    late = (DUE + datetime.timedelta(days=1, hours=12)).isoformat()
    for name, sid in (("ann", "s100"), ("ben", "s200")):
        make_submission(folder / name)
        (folder / f"{name}.meta.json").write_text(json.dumps({"submitted_at": late, "student_id": sid}))
    (folder / "extensions.csv").write_text("student_id,extra_days,reason\ns100,3,illness\ns999,soon,\n")
    out = tmp_path / "out"
    assert grade_many(find_submissions([folder]), rnn_only_config, ["rnn"], out, quiet=True, workers=1) == 0
    assert f"{folder / 'extensions.csv'}:3: s999" in capsys.readouterr().err
    rows = {r["submission"]: r for r in csv.DictReader(open(out / "grades.csv"))}
    assert set(rows) == {"ann", "ben"}
    assert (rows["ann"]["late_days"], rows["ann"]["late_factor"]) == ("0", "1")
    assert (rows["ben"]["late_days"], rows["ben"]["late_factor"]) == ("2", "0.8")
    md = (out / "ann" / "feedback.md").read_text()
    assert "**Extension:** due " in md and "(3 extra days)" in md and "**Late:**" not in md
    assert "Extension" in (out / "ann" / "feedback.html").read_text()
    assert "Extension" in json.loads((out / "ann" / "results.json").read_text())["output"]
    assert "Extension" not in (out / "ben" / "feedback.md").read_text()
    assert os.path.exists(out / "ben" / "feedback.md")
    points = rnn_only_config.parts["rnn"].points
    grades = rows
    lms = {r["student_id"]: r for r in csv.DictReader(open(out / "lms.csv"))}
    page = (out / "index.html").read_text()
    for name, sid, factor in (("ann", "s100", 1.0), ("ben", "s200", 0.8)):
        expected = f"{points * factor:g}"  # the reference passes every question
        assert grades[name]["part:rnn"] == grades[name]["total"] == expected, grades[name]
        assert lms[sid]["rnn"] == lms[sid]["total"] == expected, lms[sid]
        assert json.loads((out / name / "results.json").read_text())["score"] == float(expected)
        headline = f"Autograded: {expected} / {points:g}"
        assert f"**{headline}" in (out / name / "feedback.md").read_text()
        assert f"<b>{headline}" in (out / name / "feedback.html").read_text()
        row = re.search(rf"<tr><td><a [^>]*>{name}</a>.*?</tr>", page).group(0)
        assert re.findall(r"<td class='n'>([^<]*)</td>", row) == [expected, expected], row
    ben = (out / "ben" / "feedback.md").read_text()
    assert f"({points:g} before the late penalty)" in ben and "2 days late: -20% of the score" in ben
    assert "extension: due " in page and "2 days late: -20% of the score" in page
    assert "extension: due" not in (out / "ann" / "feedback.md").read_text()  # said once: **Extension:** due ...
