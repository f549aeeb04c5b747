"""The Dask worker plugin that warms a cluster's workers as a local pool's initializer warms
its own (task.warm_up): registered by pool.DaskPool when a run begins, it starts on every
worker (and on any worker that joins later, e.g. one restarted after a crash) one grading
process per worker thread, and has it start its student processes' imports, so that the
first submission of each worker does not wait for TensorFlow. Its teardown (when the run
ends and DaskPool unregisters it) stops the worker's idle grading processes, which frees
the cluster's memory. Kept apart from pool.py so that a local run never imports Dask."""

from __future__ import annotations

from distributed import WorkerPlugin

PLUGIN_NAME = "a3-warm-graders"


class WarmGraders(WorkerPlugin):
    """``config`` and ``parts``: those of the run (pickled to each worker)."""

    def __init__(self, config, parts: list):
        self.config = config
        self.parts = list(parts)

    def setup(self, worker) -> None:
        """Start ``worker``'s grading processes (one per thread); never raises."""
        from autograder.grade.bookkeeping.task import warm_up

        warm_up(self.config, self.parts, count=max(1, worker.state.nthreads))

    def teardown(self, worker) -> None:
        from autograder.grade.bookkeeping.task import stop_idle

        stop_idle()
