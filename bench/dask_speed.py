#!/usr/bin/env python
"""A class graded on a two-worker Dask cluster on this machine against ``--workers 2``, in
one run: the same N submissions (bench/batch_speed.make_class: the examples cycled), the
wall seconds of ``a3 grade <class> --out <fresh> --quiet`` with ``--workers 2`` and with
``--scheduler`` (a ``dask scheduler`` and two ``dask worker --nworkers 1 --nthreads 1``
processes started here beforehand, so their own start-up is not counted; their grading
processes start when the run begins, as a local pool's do), alternating which goes first in
each round; and whether the gradebooks are equal. Printed only.

    .venv/bin/python bench/dask_speed.py [--n 10] [--rounds 2] [--parts rnn lstm]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import batch_speed as bs  # noqa: E402  (sets the BLAS threads to 1 before numpy)


def start_cluster(workers: int, logs: Path) -> tuple:
    """A ``dask scheduler`` on a free port of 127.0.0.1 and ``workers`` ``dask worker``
    processes (one thread each), each in a session of its own; returns (address, Popens)
    once every worker has joined."""
    from distributed import Client

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    dask = str(bs.BIN / "dask")
    argvs = [[dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"]]
    argvs += [[dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"]] * workers
    procs = []
    for i, argv in enumerate(argvs):
        with open(logs / f"dask-{i}.log", "wb") as log:
            procs.append(subprocess.Popen(argv, stdout=log, stderr=log, cwd="/", start_new_session=True))
    with Client(address, timeout=60, set_as_default=False) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, procs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10, help="submissions in the class")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--parts", nargs="*", default=[], help="a3 grade --parts (default: all)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="a3-dask-bench-") as tmp:
        tmp = Path(tmp)
        folder = bs.make_class(args.n, tmp)[0]
        address, procs = start_cluster(2, tmp)
        parts = ["--parts", *args.parts] if args.parts else []
        times, books = {"--workers 2": [], "--scheduler": []}, set()
        try:
            print(f"uptime before: {bs.uptime()}", flush=True)
            for r in range(args.rounds):
                order = [("--workers 2", ["--workers", "2"]), ("--scheduler", ["--scheduler", address])]
                for name, how in order if r % 2 == 0 else order[::-1]:
                    out = tmp / f"out-{r}-{name.strip('-').split()[0]}"
                    cmd = [str(bs.BIN / "a3"), "grade", str(folder), "--out", str(out), "--quiet", *parts, *how]
                    seconds = bs.timed_run(cmd)["seconds"]
                    times[name].append(seconds)
                    books.add((out / "grades.csv").read_text())
                    print(f"round {r + 1}: {name}: {seconds:.1f} s", flush=True)
            print(f"uptime after: {bs.uptime()}")
        finally:
            for proc in procs:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
        print(f"{args.n} submissions, parts {' '.join(args.parts) or 'all'}, {os.cpu_count()} cores:")
        for name, secs in times.items():
            print(f"  {name}: median {statistics.median(secs):.1f} s ({', '.join(f'{s:.1f}' for s in secs)})")
        print(f"  gradebooks equal: {len(books) == 1}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
