"""The question API (autograder/question_api.py): hidden tests keep it, import only it from the
engine, and a broken hook stops load_config (so a3 build and a3 grade) with a clear message."""

from __future__ import annotations

import ast
import re
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from autograder.config import DEFAULT_CONFIG, ConfigError, load_config
from autograder.question_api import HiddenTestError, QuestionHooks, hooks_of, question_hooks

HIDDEN = Path(__file__).resolve().parent.parent / "autograder" / "hidden_tests"


def module(name="autograder.hidden_tests.fake", **attrs) -> types.ModuleType:
    mod = types.ModuleType(name)
    mod.__dict__.update(attrs)
    for value in attrs.values():
        if isinstance(value, types.FunctionType):
            value.__module__ = name
    return mod


def one_case(rng):
    return {"x": rng.randn(2)}


def test_every_hidden_test_keeps_the_api(config):
    for qid in config.questions:
        hooks = question_hooks(qid)
        assert isinstance(hooks, QuestionHooks) and set(config.questions[qid].cases) <= set(hooks.cases)


def test_hidden_tests_import_nothing_of_the_engine_but_the_api():
    # the API, the hidden tests' shared helpers, and the checks shared with the public cases
    allowed = ("autograder.question_api", "autograder.hidden_tests._", "autograder.student_tools.checks")
    for path in HIDDEN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                if name.startswith("autograder"):
                    assert name.startswith(allowed), f"{path.name} imports {name}"


def test_hooks_are_read_with_their_defaults():
    hooks = hooks_of(module(CASES={"a": one_case}, IMAGES=["img"]), "fake")
    assert hooks.cases["a"](np.random.RandomState(0))["x"].shape == (2,)
    assert hooks.images == ("img",) and hooks.uses == () and hooks.expected is True
    assert hooks.check is None and hooks.check_source is None and hooks.prepare is None


@pytest.mark.parametrize(
    "attrs, message",
    [
        ({}, "defines no CASES"),
        ({"CASES": [one_case]}, "CASES should be a non-empty dict"),
        ({"CASES": {"a": lambda: {}}}, "case 'a' should take 1 positional argument"),
        ({"check": lambda case, got, expected: []}, "check should take 5 positional argument"),
        ({"check_source": "no loops"}, "check_source should be a function"),
        ({"prepare": lambda model: None}, "prepare should take 0 positional argument"),
        ({"IMAGES": "saliency"}, "IMAGES should be a tuple of names"),
        ({"USES": ("a", 3)}, "USES should be a tuple of names"),
        ({"EXPECTED": 0}, "EXPECTED should be True or False"),
        ({"FIXTURE_TOLERANCE": 1e-3}, "FIXTURE_TOLERANCE should be a pair"),
        ({"CASE": {}}, "defines CASE, which is not a hook of the question API (did you mean CASES?"),
        ({"Check": lambda *a: []}, "did you mean check?"),
        ({"check_sources": lambda *a: []}, "did you mean check_source?"),
        ({"IMAGE": ("x",)}, "did you mean IMAGES?"),
    ],
)
def test_a_broken_hook_is_named(attrs, message):
    attrs = {"CASES": {"a": one_case}, **attrs} if "CASES" not in attrs and attrs != {} else attrs
    with pytest.raises(HiddenTestError, match=r"autograder/hidden_tests/fake.py: .*" + re.escape(message)):
        hooks_of(module(**attrs), "fake")


def test_own_names_that_are_no_hook_are_fine():
    hooks_of(module(CASES={"a": one_case}, causes=lambda: 0, SIZE=48, check_model=lambda: 0), "fake")


def test_load_config_stops_on_a_broken_hidden_test(tmp_path, monkeypatch):
    """What a3 build and a3 grade see: the config's file, the question and the hook."""
    mod = module(
        "autograder.hidden_tests.rnn_step_forward",
        CASES={"linspace": one_case, "random": one_case},
        check=lambda case, got: [],
    )
    monkeypatch.setitem(sys.modules, "autograder.hidden_tests.rnn_step_forward", mod)
    with pytest.raises(
        ConfigError,
        match=r"question 'rnn_step_forward': autograder/hidden_tests/"
        r"rnn_step_forward.py: check should take 5 positional",
    ):
        load_config(DEFAULT_CONFIG)


def test_uses_must_name_configured_questions(monkeypatch):
    import autograder.hidden_tests.style_transfer as st

    monkeypatch.setattr(st, "USES", ("content_loss", "content_los"))
    with pytest.raises(ConfigError, match="USES names unknown question.s. content_los"):
        load_config(DEFAULT_CONFIG)


def test_a_shipped_check_is_registered_once_in_the_checks_package():
    from autograder.student_tools.checks import CHECKS, SOURCE_CHECKS

    assert hooks_of(module(CASES={"a": one_case}), "rnn_sample").check is CHECKS["rnn_sample"]
    assert hooks_of(module(CASES={"a": one_case}), "tv_loss").check_source is SOURCE_CHECKS["tv_loss"]
    with pytest.raises(HiddenTestError, match="defines check, but the check of rnn_sample is registered in"):
        hooks_of(module(CASES={"a": one_case}, check=lambda case, got, expected, inputs, question: []), "rnn_sample")
