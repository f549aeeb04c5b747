"""Hidden tests of sample_noise: two calls with the same arguments must each give a
tf.Tensor of shape (batch_size, dim), uniform in [-1, 1], and different values. The
values are random, so the check looks at their range and statistics, not at fixtures."""
import numpy as np

from autograder.question_api import Check

CASES = {"small": lambda rng: dict(batch_size=np.array(3), dim=np.array(4)),
         "large": lambda rng: dict(batch_size=np.array(500), dim=np.array(40))}
EXPECTED = False


def check(case, got, expected, inputs, question):
    shape = (int(inputs["batch_size"]), int(inputs["dim"]))
    checks = []
    for name in ("first", "second"):
        z = got.get(name)
        if z is None or z.shape != shape:
            return [Check("shape", False, f"sample_noise({shape[0]}, {shape[1]}) returned shape "
                                          f"{None if z is None else z.shape}, expected {shape}")]
    if not np.all(got.get("is_tensor", [0, 0])):
        return [Check("type", False, "sample_noise must return a tf.Tensor (use tf.random), not a numpy array")]
    z = np.concatenate([got["first"].ravel(), got["second"].ravel()])
    if not np.all(np.isfinite(z)) or z.min() < -1 or z.max() > 1:
        return [Check("range", False, f"sample_noise: values from {z.min():.3g} to {z.max():.3g}; "
                                      f"they must lie in [-1, 1]")]
    checks.append(Check("range", True, "values in [-1, 1]"))
    if np.array_equal(got["first"], got["second"]):
        return [Check("fresh", False, "sample_noise returned the same values on two calls; each call must draw "
                                      "new noise (do not set a seed inside it)")]
    checks.append(Check("fresh", True, "two calls give different noise"))
    if z.size >= 1000:
        # Uniform on [-1, 1]: mean 0, standard deviation 1/sqrt(3) = 0.577, and both ends reached.
        mean, std = z.mean(), z.std()
        if abs(mean) > 0.05 or not 0.54 < std < 0.61 or z.min() > -0.98 or z.max() < 0.98:
            return [Check("uniform", False, f"sample_noise: {z.size} values with mean {mean:.3f}, standard deviation "
                                            f"{std:.3f}, from {z.min():.3f} to {z.max():.3f}; uniform noise in [-1, 1] "
                                            f"has mean 0, standard deviation 0.577 and covers the whole range")]
        checks.append(Check("uniform", True, f"mean {mean:.3f}, standard deviation {std:.3f}: uniform in [-1, 1]"))
    return checks
