"""The processes of a batch: a signal stops the run cleanly, and no worker outlives its parent.

* :func:`stop_on_signals` turns SIGINT and SIGTERM into :class:`Interrupted` in the main thread
  (a ``BaseException``, so no ``except Exception`` on the way swallows it); ``run_batch`` then
  stops its workers, writes the outputs of the inputs already done and reports the signal.
* :func:`worker_init` runs first in every worker: SIGINT is ignored (Ctrl-C reaches the whole
  process group; the parent decides), SIGTERM kills, and the worker dies with its parent —
  through ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux (even after ``kill -9`` of the parent),
  and everywhere through a thread that checks twice a second whether the parent is still there.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterator

__all__ = ["Interrupted", "stop_on_signals", "worker_init", "stop_pool", "STOP_SIGNALS"]

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.5


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived while :func:`stop_on_signals` was active."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` (in the main thread only:
    elsewhere Python cannot install handlers, and the block runs unchanged)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    old = {s: signal.signal(s, handler) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def worker_init(parent_pid: int) -> None:
    """Initializer of a batch worker: default signals, and death with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watch thread below still works
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="sztext-parent-watch", daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        if os.getppid() != parent_pid:  # re-parented: the batch is gone
            os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: pending inputs are cancelled and running workers killed (their unfinished
    parts are temporary directories, removed by the caller). Waits at most a few seconds."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + 3.0
    for p in processes:
        p.join(max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(1.0)
