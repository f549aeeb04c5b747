"""Helpers shared by the student-side calls of every part: `unpack` checks the tuple a
student function returned, `named_arrays` names its values (refusing None)."""
from __future__ import annotations


class CallError(Exception):
    """The student's function returned something of the wrong form; the message says what."""


def unpack(result, names, fname):
    """Check that ``fname`` returned a tuple of len(names) and return it."""
    if result is None:
        raise CallError(f"{fname} returned None; expected a tuple ({', '.join(names)}) "
                        f"(is the return statement missing?)")
    if len(names) == 1:
        return (result,)
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        got = f"a {type(result).__name__}" + (f" of length {len(result)}" if isinstance(result, (tuple, list)) else "")
        raise CallError(f"{fname} returned {got}; expected a tuple ({', '.join(names)})")
    return tuple(result)


def named_arrays(names, values, fname):
    """Name the returned values; None is reported clearly (the original stubs return None)."""
    out = {}
    for name, value in zip(names, values):
        if value is None:
            raise CallError(f"{fname} returned None for {name}")
        out[name] = value
    return out


