"""A process that follows its parent: when the parent dies, its descendants go too."""

from __future__ import annotations

import os
import threading
import time


def watch_parent(parent: int) -> None:
    """When the process ``parent`` (a pid) is no longer this process's parent (it died), kill
    this process's descendants (grading and student processes) and exit: a pool worker's
    initializer (bookkeeping/pool.py) and the grading process (bookkeeping/task.py) call it.
    It also sets SIGINT (Ctrl-C) to raise KeyboardInterrupt in this process."""
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        try:
            import psutil

            for child in psutil.Process().children(recursive=True):
                child.kill()
        finally:
            os._exit(1)

    threading.Thread(target=watch, name="a3-watch-parent", daemon=True).start()
