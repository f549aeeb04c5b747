"""Plausible wrong versions of sample_noise."""
from mutants import edit

TARGET = "cs231n/gan.py::sample_noise"

RETURN = "return tf.random.uniform([batch_size, dim], minval=-1, maxval=1)"

MUTANTS = [
    edit("zero_to_one", "Uniform noise in [0, 1] (tf.random.uniform's default range).",
         (RETURN, "return tf.random.uniform([batch_size, dim])")),
    edit("gaussian", "Standard normal noise instead of uniform in [-1, 1].",
         (RETURN, "return tf.random.normal([batch_size, dim])")),
    edit("same_noise_every_call", "Sets a seed inside the function: every call returns the same noise.",
         (RETURN, "tf.random.set_seed(231)\n    " + RETURN)),
    edit("transposed_shape", "Returns noise of shape (dim, batch_size).",
         ("[batch_size, dim]", "[dim, batch_size]")),
    edit("numpy_array", "Returns a numpy array instead of a tf.Tensor.",
         (RETURN, "return np.random.uniform(-1, 1, size=(batch_size, dim))")),
    edit("narrow_range", "Uniform in [-0.5, 0.5]: the right mean, but not the range [-1, 1].",
         ("minval=-1, maxval=1", "minval=-0.5, maxval=0.5")),
]
