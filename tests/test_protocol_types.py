"""The typed messages between the grader and the student process (protocol.py) and its
zygote (control.py): the JSON on the wire is what it was as plain dicts, and what the
grader reads back is taken apart as untrusted. Pure Python: no process is started."""

from __future__ import annotations

import math

from autograder.student_process.control import Clean, Cleaned, Fork, Forked, Hello, Refused, order_from_wire
from autograder.student_process.protocol import MAX_CASE_MESSAGE, READY, CaseReply, Reply, Request


def test_the_json_on_the_pipes_is_the_dicts_it_was():
    request = Request("3-ab", "rnn_step_forward", ("a", "b"), "/io/in/3-rnn_step_forward")
    assert request.to_wire() == {
        "id": "3-ab",
        "question": "rnn_step_forward",
        "cases": ["a", "b"],
        "in_dir": "/io/in/3-rnn_step_forward",
    }
    assert Request.from_wire(request.to_wire()) == request
    answers = {"a": CaseReply("ok", arrays=[["next_h", 96]]), "b": CaseReply("error", "ValueError: no")}
    assert Reply("3-ab", "q", answers).to_wire() == {
        "id": "3-ab",
        "question": "q",
        "cases": {
            "a": {"status": "ok", "arrays": [["next_h", 96]]},
            "b": {"status": "error", "message": "ValueError: no"},
        },
    }
    assert Reply("3-ab", "q", {}, ("numpy.savez",)).to_wire()["tampered"] == ["numpy.savez"]
    assert READY == {"ready": True}
    assert Fork("/submission/x", 231).to_wire() == {"op": "fork", "submission": "/submission/x", "seed": 231}
    assert Clean(2.5).to_wire() == {"op": "clean", "wait": 2.5}
    assert Hello(1, 7).to_wire() == {"zygote": True, "threads": 1, "pid": 7}
    assert Forked(8).to_wire() == {"forked": 8}
    assert Cleaned(True, [], -9, 1.5).to_wire() == {"clean": True, "changed": [], "status": -9, "cpu": 1.5}
    assert Refused("no").to_wire() == {"error": "no"}


def test_a_reply_round_trips_and_keeps_only_the_requested_cases_in_their_order():
    reply = Reply("1-x", "q", {"b": CaseReply("not_implemented", "todo"), "a": CaseReply("ok", arrays=[])})
    assert Reply.from_wire(reply.to_wire(), ("b", "a")) == reply
    read = Reply.from_wire(reply.to_wire(), ("a", "b", "c"))
    assert list(read.cases) == ["a", "b", "c"] and read.cases["c"] is None


def test_a_forged_reply_is_read_as_untrusted():
    cases = ("a", "b", "c", "d", "e")
    forged = {
        "id": 5,
        "cases": {
            "a": "ok",  # not an object
            "b": {"status": "passed"},  # no such status
            "c": {"status": "error", "message": {"x": 1}, "arrays": [["y", 8]]},  # arrays of an error
            "d": {"status": "ok", "message": "m" * (MAX_CASE_MESSAGE + 10), "arrays": "lots"},
            "zz": {"status": "ok", "arrays": []},  # not asked for
        },
    }
    read = Reply.from_wire(forged, cases)
    assert list(read.cases) == list(cases)
    assert read.cases["a"] is None and read.cases["b"] is None and read.cases["e"] is None
    assert read.cases["c"] == CaseReply("error", "{'x': 1}", None)
    assert (
        read.cases["d"].message == "m" * MAX_CASE_MESSAGE and read.cases["d"].arrays == "lots"
    )  # check_layout's to refuse
    assert all(answer is None for answer in Reply.from_wire({"cases": ["a"]}, cases).cases.values())
    for tampered, names in (
        (None, ()),
        ([], ()),
        (0, ()),
        ("", ()),
        (["np.abs", 3], ("np.abs", "3")),
        (7, ("7",)),
        (True, ("True",)),
    ):
        assert Reply.from_wire({"tampered": tampered}, ()).tampered == names, tampered


def test_the_zygotes_answers_are_read_as_untrusted_and_its_orders_are_bounded():
    assert Hello.from_wire(None) is None and Hello.from_wire({"threads": 1}) is None
    assert Hello.from_wire({"zygote": True, "threads": 3, "pid": 9}) == Hello(3, 9)
    assert Forked.from_wire({"forked": 0}) is None and Forked.from_wire({"error": "x"}) is None
    assert Cleaned.from_wire({"error": "x"}) is None
    assert Cleaned.from_wire({"clean": "yes", "cpu": 1}).clean is False
    assert Cleaned.from_wire({"clean": True, "cpu": "lots"}).cpu == math.inf
    assert order_from_wire({"op": "clean", "wait": 99}) == Clean(10.0)
    assert order_from_wire({"op": "fork", "submission": "/s"}) == Fork("/s", 231)
    assert order_from_wire({"op": "exec"}) is None
