"""Hidden tests of get_solvers: two separate Adam optimizers with learning rate 1e-3 and
beta1 0.5 by default, and with the learning rate and beta1 it is given."""
import numpy as np

from autograder.question_api import Check

SETTINGS = ("learning_rate", "beta_1", "beta_2", "epsilon")


def defaults(rng):
    return {}


def arguments(rng):
    return dict(learning_rate=np.array(2e-4), beta1=np.array(0.3))


CASES = {"defaults": defaults, "arguments": arguments}


def check(case, got, expected, inputs, question):
    call = "get_solvers()" if case == "defaults" else (f"get_solvers(learning_rate={float(inputs['learning_rate']):g}, "
                                                       f"beta1={float(inputs['beta1']):g})")
    if not int(got.get("separate", 0)):
        return [Check("separate", False, f"{call} returned the same optimizer twice; the discriminator and the "
                                         f"generator each need their own (Adam keeps moments per variable)")]
    checks = []
    for who in ("D_solver", "G_solver"):
        if not int(got.get(f"{who}_is_adam", 0)):
            return [Check(who, False, f"{call}: {who} is not a tf.keras.optimizers.Adam")]
        for name in SETTINGS:
            key = f"{who}_{name}"
            value, want = float(got.get(key, np.nan)), float(expected[key])
            if not abs(value - want) <= question.threshold * abs(want):
                return [Check(key, False, f"{call}: {who} has {name} {value:g}, expected {want:g}")]
        checks.append(Check(who, True, f"{who}: Adam with " + ", ".join(
            f"{n} {float(expected[f'{who}_{n}']):g}" for n in SETTINGS)))
    return checks
