"""Student-side calls of Part 5 (GANs, TensorFlow 2; the student's ``cs231n/gan.py``).

The models run in float64 (``floatx`` is set before any student model is built), so that
the reference's outputs, stored as fixtures, are the same on every CPU (float32 kernels
round differently from one instruction set to another). What the student's functions are
handed keeps the course's kinds (calls/notebook_kinds.py): the losses get float32 tensors,
as the course's discriminator produced them, train_step float32 images and noise, the
builders and sample_noise Python ints. Models get fixed weights drawn
from a seeded generator (``set_weights``), never weights sent in every case.
"""

from __future__ import annotations

import numpy as np

from .common import CallError, keras_float, named_arrays, scalar, unpack

_tf = None
MAX_VARIABLES = 64


def tf():
    """TensorFlow, imported on the first GAN question (Parts 1-2 never pay for it),
    single-threaded, and in float64 on every call: float type and dtype policy (after
    ``keras.models.load_model`` the global policy stays float32 whatever the float type;
    the public cases, run in a student's notebook, put both back after each case)."""
    global _tf
    if _tf is None:
        import tensorflow

        try:
            tensorflow.config.threading.set_intra_op_parallelism_threads(1)
            tensorflow.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:  # already initialised (by the student's import): keep its setting
            pass
        _tf = tensorflow
    keras_float("float64")  # on every call: a part graded before in this process may have set float32
    return _tf


def _gan(pkg, name):
    tf()
    return pkg.function("gan", name)


def _numpy(value, what, fname):
    """A returned tensor (or array-like) as a float64 numpy array."""
    if value is None:
        raise CallError(f"{fname} returned None for {what} (is the return statement missing?)")
    try:
        return np.asarray(value.numpy() if hasattr(value, "numpy") else value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CallError(f"{fname}: {what} is a {type(value).__name__}, not a tensor of numbers ({exc})") from None


# ---------------------------------------------------------------- models with fixed weights
def variable_shapes(model) -> np.ndarray:
    """The shapes of the model's trainable variables, in order, as an int array
    (n_variables, 4), padded with -1."""
    shapes = [tuple(int(d) for d in v.shape) for v in model.trainable_variables]
    if len(shapes) > MAX_VARIABLES or any(len(s) > 4 for s in shapes):
        raise CallError(
            f"the model has {len(shapes)} trainable variables (or one of more than 4 dimensions); "
            f"expected a small Sequential model"
        )
    out = -np.ones((len(shapes), 4), dtype=np.int64)
    for i, s in enumerate(shapes):
        out[i, : len(s)] = s
    return out


def set_weights(model, seed: int, init: bool = False) -> None:
    """Give every trainable variable fixed values from ``seed``.

    - init=False (forward checks): kernels normal with standard deviation 1/sqrt(fan-in),
      batch-norm scales 1 + 0.1 * normal, other vectors (biases, shifts) 0.1 * normal, so
      that a wrong bias or scale shows in the output.
    - init=True (training checks): a usual initialisation, kernels Glorot-uniform, biases
      and shifts 0, scales 1.
    """
    rng = np.random.RandomState(int(seed))
    for v in model.trainable_variables:
        shape = tuple(int(d) for d in v.shape)
        gamma = str(getattr(v, "path", None) or v.name).endswith("gamma")
        if len(shape) >= 2:
            fan_in = np.prod(shape[:-1])
            if init:
                fan_out = shape[-1] * np.prod(shape[:-2])
                limit = np.sqrt(6.0 / (fan_in + fan_out))
                value = rng.uniform(-limit, limit, size=shape)
            else:
                value = rng.randn(*shape) / np.sqrt(fan_in)
        elif init:
            value = np.ones(shape) if gamma else np.zeros(shape)
        else:
            value = 1.0 + 0.1 * rng.randn(*shape) if gamma else 0.1 * rng.randn(*shape)
        v.assign(value)


def _build(pkg, name, args, inputs, seed, init=False):
    """Call the student's model builder, run it once on ``inputs`` (so that it is built),
    and set fixed weights (see set_weights)."""
    model = _gan(pkg, name)(*args)
    if model is None:
        raise CallError(f"{name} returned None; expected a Keras model (is `return model` missing?)")
    if not callable(model) or not hasattr(model, "trainable_variables"):
        raise CallError(f"{name} returned a {type(model).__name__}; expected a Keras model")
    model(inputs, training=True)
    set_weights(model, seed, init)
    return model


def model_outputs(pkg, name, args, x, seed):
    """The model's size, variable shapes and output on ``x`` with fixed weights."""
    model = _build(pkg, name, args, x, seed)
    out = _numpy(model(x, training=True), "the output", name)
    return {
        "n_params": np.array(int(model.count_params())),
        "n_trainable": np.array(int(sum(int(np.prod(v.shape)) for v in model.trainable_variables))),
        "variable_shapes": variable_shapes(model),
        "output": out,
    }


def discriminator(pkg, x, seed):
    return model_outputs(pkg, "discriminator", (), x, seed)


def generator(pkg, z, noise_dim, seed):
    return model_outputs(pkg, "generator", (int(noise_dim),), z, seed)


def dc_discriminator(pkg, x, seed):
    return model_outputs(pkg, "dc_discriminator", (), x, seed)


def dc_generator(pkg, z, noise_dim, seed):
    return model_outputs(pkg, "dc_generator", (int(noise_dim),), z, seed)


# ---------------------------------------------------------------- functions
def leaky_relu(pkg, x, alpha=None):
    """leaky_relu(tf.constant(x)) (the notebook passes a tensor), alpha a Python float."""
    fn = _gan(pkg, "leaky_relu")
    x = _tf.constant(x)
    out = fn(x) if alpha is None else fn(x, alpha=float(alpha))
    return {"out": _numpy(out, "the output", "leaky_relu")}


def sample_noise(pkg, batch_size, dim):
    """Two calls with the same arguments: both results, and whether each was a tf.Tensor."""
    fn = _gan(pkg, "sample_noise")
    first, second = fn(int(batch_size), int(dim)), fn(int(batch_size), int(dim))
    is_tensor = [int(_tf.is_tensor(z)) for z in (first, second)]
    return {
        "first": _numpy(first, "the noise", "sample_noise"),
        "second": _numpy(second, "the noise", "sample_noise"),
        "is_tensor": np.array(is_tensor),
    }


def _scores(values):
    """Logits or scores as the course's discriminator produced them: a float32 tf.Tensor
    (a loss written as ``scores_real - tf.ones(N)`` mixes in float32)."""
    return _tf.constant(np.asarray(values, dtype=np.float32))


def gan_loss(pkg, logits_real, logits_fake):
    d_loss = _gan(pkg, "discriminator_loss")(_scores(logits_real), _scores(logits_fake))
    g_loss = _gan(pkg, "generator_loss")(_scores(logits_fake))
    return {
        "d_loss": _numpy(d_loss, "the loss", "discriminator_loss"),
        "g_loss": _numpy(g_loss, "the loss", "generator_loss"),
    }


def ls_gan_loss(pkg, scores_real, scores_fake):
    d_loss = _gan(pkg, "ls_discriminator_loss")(_scores(scores_real), _scores(scores_fake))
    g_loss = _gan(pkg, "ls_generator_loss")(_scores(scores_fake))
    return {
        "d_loss": _numpy(d_loss, "the loss", "ls_discriminator_loss"),
        "g_loss": _numpy(g_loss, "the loss", "ls_generator_loss"),
    }


def _solver_settings(opt, who):
    """Optimizer settings as numbers: is it Adam, learning rate, beta_1, beta_2, epsilon."""
    if opt is None:
        raise CallError(f"get_solvers returned None for {who}")

    def number(attr):
        value = getattr(opt, attr, None)
        if value is None:
            return np.nan
        try:
            return float(np.asarray(value.numpy() if hasattr(value, "numpy") else value))
        except (TypeError, ValueError):
            return np.nan  # e.g. a learning-rate schedule

    return {
        f"{who}_is_adam": np.array(int(isinstance(opt, _tf.keras.optimizers.Adam))),
        f"{who}_learning_rate": np.array(number("learning_rate")),
        f"{who}_beta_1": np.array(number("beta_1")),
        f"{who}_beta_2": np.array(number("beta_2")),
        f"{who}_epsilon": np.array(number("epsilon")),
    }


def get_solvers(pkg, learning_rate=None, beta1=None):
    fn = _gan(pkg, "get_solvers")
    kwargs = {} if learning_rate is None else {"learning_rate": float(learning_rate), "beta1": float(beta1)}
    D_solver, G_solver = unpack(fn(**kwargs), ("D_solver", "G_solver"), "get_solvers")
    out = _solver_settings(D_solver, "D_solver")
    out.update(_solver_settings(G_solver, "G_solver"))
    out["separate"] = np.array(int(D_solver is not G_solver))
    return out


def gan_training(pkg, real, noise, noise_dim, seed_D, seed_G):
    """A few steps of the student's train_step with the student's networks, losses and
    solvers (fixed initial weights; the noise of each step is an input).

    Returns the losses of every step; ``d_loss_after_first``: the discriminator loss on the
    first step's own batch (the real images and the images of the generator before the
    step) once the first step is done, which the discriminator's update must have lowered;
    and, after all steps, the discriminator's logits on the real images and the
    generator's first two images."""
    real, noise = real.astype(np.float32), noise.astype(np.float32)  # as the course's loader and sample_noise
    D = _build(pkg, "discriminator", (), 2 * real - 1, int(seed_D), init=True)
    G = _build(pkg, "generator", (int(noise_dim),), noise[0], int(seed_G), init=True)
    D_solver, G_solver = unpack(_gan(pkg, "get_solvers")(), ("D_solver", "G_solver"), "get_solvers")
    step = _gan(pkg, "train_step")
    d_loss_fn, g_loss_fn = _gan(pkg, "discriminator_loss"), _gan(pkg, "generator_loss")
    real_in = _tf.constant(2 * real - 1)
    fake_first = G(_tf.constant(noise[0]), training=True)
    d_losses, g_losses, d_after = [], [], None
    for k in range(len(noise)):
        d_loss, g_loss = unpack(
            step(D, G, D_solver, G_solver, _tf.constant(real), _tf.constant(noise[k]), d_loss_fn, g_loss_fn),
            ("d_loss", "g_loss"),
            "train_step",
        )
        d_losses.append(scalar(d_loss, "d_loss", "train_step"))
        g_losses.append(scalar(g_loss, "g_loss", "train_step"))
        if k == 0:
            d_after = d_loss_fn(D(real_in, training=True), D(fake_first, training=True))
    logits = _numpy(D(real_in, training=True), "the logits", "discriminator")
    images = _numpy(G(_tf.constant(noise[0][:2]), training=True), "the images", "generator")
    return named_arrays(
        ["d_losses", "g_losses", "d_loss_after_first", "logits_real", "images"],
        [
            np.array(d_losses),
            np.array(g_losses),
            np.array(scalar(d_after, "the loss", "discriminator_loss")),
            logits,
            images,
        ],
        "train_step",
    )


CALLS = {
    "leaky_relu": leaky_relu,
    "sample_noise": sample_noise,
    "discriminator": discriminator,
    "generator": generator,
    "gan_loss": gan_loss,
    "get_solvers": get_solvers,
    "gan_training": gan_training,
    "ls_gan_loss": ls_gan_loss,
    "dc_discriminator": dc_discriminator,
    "dc_generator": dc_generator,
}
