"""Helpers shared by the student-side calls of every part: `unpack` checks the tuple a
student function returned, `named_arrays` names its values (refusing None), `scalar` takes
a returned loss as a float, `keras_float` sets the float type Keras builds layers in."""

from __future__ import annotations

import numpy as np


class CallError(Exception):
    """The student's function returned something of the wrong form; the message says what."""


def unpack(result, names, fname):
    """Check that ``fname`` returned a tuple of len(names) and return it."""
    if result is None:
        raise CallError(
            f"{fname} returned None; expected a tuple ({', '.join(names)}) (is the return statement missing?)"
        )
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


def scalar(value, what: str, fname: str) -> float:
    """A loss the student's code returned (a number, a 0-d or one-element array or tensor)
    as a Python float, as the course's loops took it with ``float(loss)`` (numpy 2 refuses
    ``float`` of a one-element array that is not 0-d: ``.item()`` does not)."""
    try:
        arr = np.asarray(value.numpy() if hasattr(value, "numpy") else value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CallError(f"{fname}: {what} is a {type(value).__name__}, not a number ({exc})") from None
    if arr.size != 1:
        raise CallError(f"{fname}: {what} has shape {arr.shape}; expected a scalar")
    return float(arr.item())


def keras_float(name: str) -> None:
    """Make Keras build new layers in ``name`` ("float32" or "float64"): its floatx and its
    global dtype policy (Keras 3 fixes the policy when the first layer is built, and
    set_floatx alone does not change it). The TensorFlow parts share one student process
    (grade/running/preload.py, process_groups), so each part's calls set the type they need
    rather than rely on what an earlier part left."""
    import keras

    if keras.config.floatx() != name or keras.config.dtype_policy().name != name:
        keras.config.set_floatx(name)
        keras.config.set_dtype_policy(name)
