"""grading_config.yml: the shipped one is valid and adds up; mistakes name the line and key."""

from __future__ import annotations

import pytest

from autograder.config import DEFAULT_CONFIG, ConfigError, load_config

TEXT = DEFAULT_CONFIG.read_text()


def test_shipped_config_adds_up(config):
    course = {"rnn": 25, "lstm": 30, "netvis": 15, "style": 15, "gan": 15}  # the original course's points per part
    for part_id, points in course.items():
        assert config.parts[part_id].points == points, part_id
    assert config.total_points == sum(p.points for p in config.parts.values())
    assert all(set(q.cases.values()) <= {"public", "hidden"} for q in config.questions.values())
    assert all("hidden" in q.cases.values() for q in config.questions.values())


def load_variant(tmp_path, text):
    path = tmp_path / "grading_config.yml"
    path.write_text(text)
    return load_config(path)


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "        threshold: 1.0e-8\n        cases:\n          linspace: public\n          random: hidden\n      rnn_step_backward",  # noqa: E501
            "        threshhold: 1.0e-8\n        cases:\n          linspace: public\n          random: hidden\n      rnn_step_backward",  # noqa: E501
            "unknown key 'threshhold' in question 'rnn_step_forward' (did you mean 'threshold'?)",
        ),
        (
            "          linspace: public\n          random: hidden\n      rnn_step_backward",
            "          linspace: publik\n          random: hidden\n      rnn_step_backward",
            "visibility 'publik' (did you mean 'public'?)",
        ),
        (
            "depends_on: [rnn_step_forward]\n        cases:\n          random: public\n          random_large: hidden\n      rnn_forward",  # noqa: E501
            "depends_on: [rnn_step_forwrd]\n        cases:\n          random: public\n          random_large: hidden\n      rnn_forward",  # noqa: E501
            "depends on unknown question 'rnn_step_forwrd' (did you mean 'rnn_step_forward'?)",
        ),
    ],
)
def test_typos_name_the_line_and_key(tmp_path, old, new, expected):
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    with pytest.raises(ConfigError) as err:
        load_variant(tmp_path, text)
    msg = str(err.value)
    assert expected in msg
    assert f"grading_config.yml:{line_of(text, new.split(chr(10))[0].strip())}" in msg


def test_points_must_add_up(tmp_path):
    text = TEXT.replace("      rnn_step_forward:\n        points: 2", "      rnn_step_forward:\n        points: 3", 1)
    with pytest.raises(ConfigError, match="part 'rnn' is worth 25 points but its questions add up to 26"):
        load_variant(tmp_path, text)


def test_parts_must_add_up_to_the_assignment_total(tmp_path):
    """A part raised with its question (the part adds up, the assignment is 101) is refused,
    naming the line of ``points: 100`` and each part's points."""
    text = TEXT.replace("      rnn_step_forward:\n        points: 2", "      rnn_step_forward:\n        points: 3", 1)
    text = text.replace("vanilla RNN\"\n    points: 25", "vanilla RNN\"\n    points: 26", 1)
    assert text.count("points: 26") == 1
    with pytest.raises(ConfigError) as err:
        load_variant(tmp_path, text)
    where = f"grading_config.yml:{line_of(text, 'points: 100')}"
    assert f"{where}: the assignment is worth 100 points but its parts add up to 101 (rnn 26, lstm 30" in str(err.value)


def test_a_case_may_have_its_own_threshold(tmp_path):
    old = "          linspace: public\n          random: hidden\n      rnn_step_backward"
    text = TEXT.replace(old, old.replace("public", "{visibility: public, threshold: 1.0e-6}"), 1)
    q = load_variant(tmp_path, text).questions["rnn_step_forward"]
    assert (q.threshold, q.case_thresholds, q.cases["linspace"]) == (1e-8, {"linspace": 1e-6}, "public")
    bad = text.replace("{visibility: public, threshold: 1.0e-6}", "{visibility: public, treshold: 1.0e-6}")
    with pytest.raises(ConfigError, match="unknown key 'treshold' in question 'rnn_step_forward': case 'linspace'"):
        load_variant(tmp_path, bad)


def test_case_missing_from_hidden_tests(tmp_path):
    text = TEXT.replace(
        "          linspace: public\n          random: hidden\n      rnn_step_backward",
        "          linspace: public\n          rando: hidden\n      rnn_step_backward",
        1,
    )
    with pytest.raises(
        ConfigError, match=r"case\(s\) rando are not defined in autograder/hidden_tests/rnn_step_forward.py"
    ):
        load_variant(tmp_path, text)


def test_bad_yaml_and_wrong_types(tmp_path):
    with pytest.raises(ConfigError, match=r"grading_config.yml:\d+: not valid YAML"):
        load_variant(tmp_path, TEXT.replace("parts:\n", "parts:\n  - [\n", 1))
    with pytest.raises(ConfigError, match=r"question 'rnn_step_forward': points should be int/float, got 'two'"):
        load_variant(
            tmp_path,
            TEXT.replace(
                "      rnn_step_forward:\n        points: 2", "      rnn_step_forward:\n        points: two", 1
            ),
        )
