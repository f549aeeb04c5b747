"""What the student process runs for each question: one function per question id.

Each function takes the :class:`~autograder.student_process.package.StudentPackage` and the case's
inputs (arrays, as named by the cases of the question's hidden test) and returns a dict of
plain arrays. These functions only call the student's code; they never compare or score.
"""

from . import captioning
from . import gans, net_visualization, style_transfer
from .common import CallError

# One module per part (or per notebook); each defines CALLS = {question id: function}.
CALLS = {}
for _part in (captioning, net_visualization, style_transfer, gans):
    CALLS.update(_part.CALLS)

# Questions whose calls import TensorFlow: a pre-started student process (zygote.py) for
# them imports it once per grading process.
TENSORFLOW = frozenset(q for _part in (net_visualization, style_transfer, gans) for q in _part.CALLS)

__all__ = ["CALLS", "TENSORFLOW", "CallError"]
