"""Where grading tasks run: a local pool of worker processes, or a Dask cluster, behind one
small interface (``submit``, ``as_completed``, ``close``), so that the batch code and the
task (:func:`autograder.grade.bookkeeping.task.grade_task`) are the same in both cases.

- :class:`LocalPool`: ``concurrent.futures.ProcessPoolExecutor`` (spawned processes), by
  default one worker per core. Each worker watches its parent: if the ``a3 grade`` process
  dies (SIGKILL, a closed terminal), the worker kills its own grading and student processes
  and exits, so nothing is left running. A worker never grades itself: the task runs each
  submission in a grading process of its own with a deadline and a memory limit
  (grade/bookkeeping/task.py), so a submission that hangs or exhausts the grader costs only itself, never
  the pool (no ``BrokenProcessPool``).
- :class:`DaskPool`: a ``dask.distributed.Client`` connected to ``--scheduler
  tcp://HOST:8786``; tasks are submitted with ``pure=False`` (never deduplicated or cached by
  Dask: the grader's records decide what is already graded). Each task carries its
  submission (grade/bookkeeping/parcel.py): the workers need no shared file system. Its
  workers warm up when the run begins (grade/bookkeeping/dask_warm.py). A worker that dies
  mid-run loses only its tasks' progress: the scheduler gives them to another worker.

``carry(path)`` is what a task gets for a submission: its path for a local pool (the
workers share this machine's files; copying each one would only cost a copy, and a zip of a
folder), a Parcel for Dask (may raise parcel.ParcelTooLarge, that submission's failure).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed

from autograder.grade.running.parent_watch import watch_parent


def _start_worker(parent: int, warm: tuple | None) -> None:
    """Worker initializer: watch the parent (parent_watch.watch_parent); with ``warm`` = ``(config,
    parts)``, start the grading process and its student processes' imports now
    (task.warm_up: never raises, which would break the pool)."""
    watch_parent(parent)
    if warm is not None:
        from autograder.grade.bookkeeping.task import warm_up

        warm_up(*warm)


class LocalPool:
    """Worker processes on this machine (``workers``, default the number of cores), all
    started at once. ``warm``: ``(config, parts)`` to have each one start its grading
    process and student processes' imports before its first task (see task.warm_up)."""

    def __init__(self, workers: int | None = None, warm: tuple | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(os.getpid(), warm),
        )
        for _ in range(self.workers):  # each submit() with no idle worker starts one: all
            self._executor.submit(int)  # start now, not when the batch submits its tasks

    def describe(self) -> str:
        return f"local pool of {self.workers} worker process{'es' if self.workers > 1 else ''}"

    def carry(self, path) -> str:
        return str(path)

    def submit(self, fn: Callable, *args: object) -> Future:
        return self._executor.submit(fn, *args)

    def as_completed(self, futures: list[Future]) -> Iterator[Future]:
        return as_completed(futures)

    def close(self, cancel: bool = False) -> None:
        """Shut down; with ``cancel``, drop queued tasks and kill the workers now (each one's
        student processes go with it, see parent_watch.watch_parent, and SIGKILL of their group)."""
        if not cancel:
            self._executor.shutdown(wait=True)
            return
        procs = list(getattr(self._executor, "_processes", {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        import psutil

        for proc in procs:
            try:
                for child in psutil.Process(proc.pid).children(recursive=True):
                    child.kill()
                proc.kill()
            except (psutil.Error, OSError):
                pass


class DaskPool:
    """A Dask cluster reached through its scheduler's address (``tcp://HOST:8786``).
    ``warm``: ``(config, parts)`` to have every worker start its grading processes now (a
    worker plugin, unregistered by close); ``max_bytes``: what one task may carry."""

    def __init__(self, address: str, timeout: float = 30, warm: tuple | None = None, max_bytes: int | None = None):
        from distributed import Client

        from autograder.grade.bookkeeping.parcel import MAX_PARCEL_BYTES

        self.address = address
        self.max_bytes = max_bytes or MAX_PARCEL_BYTES
        self.client = Client(address, timeout=timeout)  # the default client: distributed.as_completed needs one
        self._futures = []
        self._plugin = None
        if warm is not None:
            from autograder.grade.bookkeeping.dask_warm import PLUGIN_NAME, WarmGraders

            self.client.register_plugin(WarmGraders(*warm), name=PLUGIN_NAME)
            self._plugin = PLUGIN_NAME

    def describe(self) -> str:
        n = len(self.client.scheduler_info().get("workers", {}))
        return f"Dask cluster at {self.address} ({n} worker{'s' if n != 1 else ''})"

    def carry(self, path):
        """The Parcel of the submission at ``path`` (raises parcel.ParcelTooLarge)."""
        from autograder.grade.bookkeeping.parcel import pack

        return pack(path, self.max_bytes)

    def submit(self, fn: Callable, *args: object) -> object:
        future = self.client.submit(fn, *args, pure=False)
        self._futures.append(future)
        return future

    def as_completed(self, futures: list) -> Iterator:
        from distributed import as_completed as dask_as_completed

        return dask_as_completed(futures)

    def close(self, cancel: bool = False) -> None:
        if cancel and self._futures:
            self.client.cancel(self._futures)
        if self._plugin is not None:
            try:  # its teardown stops the workers' idle grading processes
                self.client.unregister_worker_plugin(self._plugin)
            except Exception:  # a closing cluster: the workers' own exit stops them
                pass
        self.client.close()


def open_pool(
    workers: int | None = None, scheduler: str | None = None, warm: tuple | None = None
) -> LocalPool | DaskPool:
    """A DaskPool when a scheduler address is given, else a LocalPool (``warm``: see each)."""
    return DaskPool(scheduler, warm=warm) if scheduler else LocalPool(workers, warm)
