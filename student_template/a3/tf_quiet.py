"""Keep TensorFlow's start-up lines out of ``a3 check``'s output.

TensorFlow writes ``I0000 ... port.cc:153] oneDNN custom operations are on`` and ``WARNING: All
log messages before absl::InitializeLog() is called ...`` from C++ when it is imported, before
``TF_CPP_MIN_LOG_LEVEL`` is read. :func:`without_tensorflow_logs` points the process's
standard error (file descriptor 2) at a temporary file while the checks run and then writes
every line of it but those. The grader's own filter (grade/reports/tf_logs.py) uses the same
pattern."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

TF_LOG_LINE = re.compile(
    rb"^(?:[IWEF]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ [\w./+-]+:\d+\]"  # absl / glog C++ lines
    rb"|WARNING: All log messages before absl::InitializeLog\(\) is called"
    rb"|(?:DEBUG|INFO|WARNING|ERROR):(?:tensorflow|absl|keras):)"
)  # Python loggers' default format


@contextmanager
def without_tensorflow_logs() -> Iterator[None]:
    """While the block runs, standard error goes to a temporary file; afterwards its lines,
    TensorFlow's and absl's log lines left out, go to the real standard error."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as kept:
        os.dup2(kept.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            kept.seek(0)
            lines = kept.read().splitlines(keepends=True)
            os.write(2, b"".join(line for line in lines if not TF_LOG_LINE.match(line)))
