"""Checks of the Part 5 questions (GANs): models by their size, variable shapes and output
for fixed weights; the noise by its range and statistics; the solvers by their settings;
the training steps by their losses and results."""

from __future__ import annotations

import numpy as np

from ..compare import Check, compare_array


def normalised_error(got, expected) -> float:
    """max |got - expected| / max |expected|: the error relative to the output's scale
    (an element-wise relative error means nothing for outputs near zero)."""
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    return float(np.max(np.abs(got - expected)) / max(np.max(np.abs(expected)), 1e-12))


def compare_scaled(name: str, got, expected, threshold: float) -> Check:
    """Shape and finiteness as compare_array, then the normalised error."""
    first = compare_array(name, got, expected, np.inf)
    if not first.passed:
        return first
    err = normalised_error(got, expected)
    if err > threshold:
        return Check(
            name, False, f"{name}: differs from the reference's by {err:.1e} of its largest value (> {threshold:.0e})"
        )
    return Check(name, True, f"{name}: error {err:.1e} of its largest value <= {threshold:.0e}")


def _shapes(table) -> list:
    return [tuple(int(d) for d in row if d >= 0) for row in np.asarray(table)]


IMAGE_SHAPES = {784: ((28, 28), (28, 28, 1))}  # flattened size -> the image shapes accepted for it


def as_flat_images(out, shape):
    """``out`` reshaped to ``shape`` (N, 784) if it holds images of the shape the course's
    networks also return, (N, 28, 28) or (N, 28, 28, 1) (the course's training loop
    reshaped them); else ``out`` unchanged."""
    if out is None or len(shape) != 2:
        return out
    out_shape = np.shape(out)
    if out_shape[:1] == shape[:1] and tuple(out_shape[1:]) in IMAGE_SHAPES.get(shape[1], ()):
        return np.reshape(out, shape)
    return out


def check_model(fname: str, got: dict, expected: dict, question) -> list:
    """A model of the student: its number of parameters, the shapes of its trainable
    variables (layer by layer), then its output for the same fixed weights."""
    n, want = got.get("n_params"), int(expected["n_params"])
    if n is None or int(n) != want:
        return [
            Check(
                "parameters",
                False,
                f"{fname}: the model has {int(n) if n is not None else 'no'} parameters, "
                f"expected {want:,} (check the layers and their sizes)",
            )
        ]
    shapes, ref = _shapes(got.get("variable_shapes", [])), _shapes(expected["variable_shapes"])
    if shapes != ref:
        diff = next((i for i, (a, b) in enumerate(zip(shapes, ref)) if a != b), min(len(shapes), len(ref)))
        got_s = shapes[diff] if diff < len(shapes) else "nothing"
        return [
            Check(
                "variables",
                False,
                f"{fname}: trainable variable {diff} has shape {got_s}, expected "
                f"{ref[diff] if diff < len(ref) else 'nothing'} (the reference's are "
                f"{ref}); check the order, sizes and kinds of the layers",
            )
        ]
    out = as_flat_images(got.get("output"), expected["output"].shape)
    if out is not None and np.shape(out) != expected["output"].shape:
        return [
            Check("output", False, f"{fname}: output of shape {np.shape(out)}, expected {expected['output'].shape}")
        ]
    c = compare_scaled("output", out, expected["output"], question.threshold)
    if not c.passed:
        c.message = (
            f"{fname}: with fixed weights, {c.message} (check the activations, their slopes, the "
            f"padding, pooling, batch normalization, reshapes and the output nonlinearity)"
        )
        return [c]
    return [
        Check("parameters", True, f"{fname}: {want:,} parameters"),
        Check("variables", True, f"{fname}: variable shapes {ref}"),
        c,
    ]


def check_discriminator(case, got, expected, inputs, question):
    return check_model("discriminator()", got, expected, question)


def check_generator(case, got, expected, inputs, question):
    return check_model(f"generator({int(inputs['noise_dim'])})", got, expected, question)


def check_dc_discriminator(case, got, expected, inputs, question):
    return check_model("dc_discriminator()", got, expected, question)


def check_dc_generator(case, got, expected, inputs, question):
    return check_model(f"dc_generator({int(inputs['noise_dim'])})", got, expected, question)


def check_sample_noise(case, got, expected, inputs, question):
    shape = (int(inputs["batch_size"]), int(inputs["dim"]))
    checks = []
    for name in ("first", "second"):
        z = got.get(name)
        if z is None or z.shape != shape:
            return [
                Check(
                    "shape",
                    False,
                    f"sample_noise({shape[0]}, {shape[1]}) returned shape "
                    f"{None if z is None else z.shape}, expected {shape}",
                )
            ]
    if not np.all(got.get("is_tensor", [0, 0])):
        return [Check("type", False, "sample_noise must return a tf.Tensor (use tf.random), not a numpy array")]
    z = np.concatenate([got["first"].ravel(), got["second"].ravel()])
    if not np.all(np.isfinite(z)) or z.min() < -1 or z.max() > 1:
        return [
            Check("range", False, f"sample_noise: values from {z.min():.3g} to {z.max():.3g}; they must lie in [-1, 1]")
        ]
    checks.append(Check("range", True, "values in [-1, 1]"))
    if np.array_equal(got["first"], got["second"]):
        return [
            Check(
                "fresh",
                False,
                "sample_noise returned the same values on two calls; each call must draw "
                "new noise (do not set a seed inside it)",
            )
        ]
    checks.append(Check("fresh", True, "two calls give different noise"))
    if z.size >= 1000:
        # Uniform on [-1, 1]: mean 0, standard deviation 1/sqrt(3) = 0.577, and both ends reached.
        mean, std = z.mean(), z.std()
        if abs(mean) > 0.05 or not 0.54 < std < 0.61 or z.min() > -0.98 or z.max() < 0.98:
            return [
                Check(
                    "uniform",
                    False,
                    f"sample_noise: {z.size} values with mean {mean:.3f}, standard deviation "
                    f"{std:.3f}, from {z.min():.3f} to {z.max():.3f}; uniform noise in [-1, 1] "
                    f"has mean 0, standard deviation 0.577 and covers the whole range",
                )
            ]
        checks.append(Check("uniform", True, f"mean {mean:.3f}, standard deviation {std:.3f}: uniform in [-1, 1]"))
    return checks


SETTINGS = ("learning_rate", "beta_1", "beta_2", "epsilon")


def check_get_solvers(case, got, expected, inputs, question):
    call = (
        "get_solvers()"
        if case == "defaults"
        else (f"get_solvers(learning_rate={float(inputs['learning_rate']):g}, beta1={float(inputs['beta1']):g})")
    )
    if not int(got.get("separate", 0)):
        return [
            Check(
                "separate",
                False,
                f"{call} returned the same optimizer twice; the discriminator and the "
                f"generator each need their own (Adam keeps moments per variable)",
            )
        ]
    checks = []
    for who in ("D_solver", "G_solver"):
        if not int(got.get(f"{who}_is_adam", 0)):
            return [Check(who, False, f"{call}: {who} is not a tf.keras.optimizers.Adam")]
        for name in SETTINGS:
            key = f"{who}_{name}"
            value, want = float(got.get(key, np.nan)), float(expected[key])
            if not abs(value - want) <= question.threshold * abs(want):
                return [Check(key, False, f"{call}: {who} has {name} {value:g}, expected {want:g}")]
        checks.append(
            Check(
                who, True, f"{who}: Adam with " + ", ".join(f"{n} {float(expected[f'{who}_{n}']):g}" for n in SETTINGS)
            )
        )
    return checks


WHAT = {
    "d_losses": "the discriminator loss of each step",
    "g_losses": "the generator loss of each step",
    "d_loss_after_first": "the discriminator loss on the first batch after the first step",
    "logits_real": "the discriminator's logits on the real images after the steps",
    "images": "the generator's images after the steps",
}


def check_gan_training(case, got, expected, inputs, question):
    checks = []
    got = dict(got, images=as_flat_images(got.get("images"), expected["images"].shape))
    for name, what in WHAT.items():
        c = compare_scaled(name, got.get(name), expected[name], question.threshold)
        if not c.passed:
            c.message = (
                f"train_step, {what}: {c.message} (update D first with D_solver on D's variables, then G "
                f"with G_solver on G's variables; real images go through preprocess_img)"
            )
            return [c]
        checks.append(c)
    before, after = float(got["d_losses"][0]), float(np.asarray(got.get("d_loss_after_first", np.nan)))
    if not after < before:
        return [
            Check(
                "d_loss falls",
                False,
                f"train_step: the discriminator's update did not lower its loss on the "
                f"batch it was trained on ({before:.4f} before, {after:.4f} after)",
            )
        ]
    checks.append(
        Check(
            "d_loss falls",
            True,
            f"the first step lowered the discriminator loss on its batch from {before:.4f} to {after:.4f}",
        )
    )
    return checks
