"""The processes of a batch: a signal stops the run cleanly, and no worker outlives its parent.

* :func:`stop_on_signals` turns SIGINT and SIGTERM into :class:`Interrupted` in the main thread
  (a ``BaseException``, so no ``except Exception`` on the way swallows it); ``run_batch`` then
  stops its workers, writes the outputs of the inputs already done and reports the signal.
* :func:`worker_init` runs first in every worker: SIGINT is ignored (Ctrl-C reaches the whole
  process group; the parent decides), SIGTERM kills, and the worker dies with its parent —
  through ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux (even after ``kill -9`` of the parent),
  and everywhere through a thread that checks twice a second whether the parent is still there.
* :func:`lock_output` holds an exclusive lock on ``OUT/.lock`` for the run, so a second batch
  (or a ``--resume``) on the same output refuses to start instead of racing the first;
  :func:`remove_stale_temporaries` then removes what a killed run left behind.
* :func:`is_transient` tells a fault of the moment (a full disk, an I/O error, a file that
  vanished or changed while it was read, a killed worker) from a verdict on the input: its error record is not final, and
  ``--resume`` tries the input again.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from .errors import SztextError

__all__ = [
    "Interrupted", "stop_on_signals", "worker_init", "stop_pool", "STOP_SIGNALS", "OutputLockedError", "lock_output",
    "remove_stale_temporaries", "is_transient", "TRANSIENT_ERRNOS",
]

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


class OutputLockedError(SztextError):
    """Another batch is writing to the same output directory (it holds ``OUT/.lock``)."""


@contextmanager
def lock_output(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir/.lock`` (``flock``; ``msvcrt.locking`` on Windows)
    for the block. The lock belongs to the open file, so it goes when the process dies, also
    after ``kill -9``: a stale lock file never blocks a later run.

    Raises:
        OutputLockedError: another process holds the lock.
    """
    fh = open(out_dir / ".lock", "a+b")
    try:
        if not _try_lock(fh):
            fh.seek(0)
            holder = fh.read(32).decode("ascii", "replace").strip() or "?"
            raise OutputLockedError(f"{out_dir} is in use by another sztext batch (pid {holder}); wait for it to finish")
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n".encode())
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the lock


def _try_lock(fh: IO[bytes]) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def remove_stale_temporaries(out_dir: Path) -> int:
    """Remove what an earlier run that was killed left behind: unfinished parts
    (``.parts/KEY.tmp/``) and temporary outputs (``.NAME.PID.HEX.tmp``). Only under the lock:
    then no other run is writing them. Returns how many were removed."""
    removed = 0
    for tmp in [*out_dir.glob(".*.tmp"), *(out_dir / "tables").glob(".*.tmp")]:
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed += 1
    part_dir = out_dir / ".parts"
    for tmp in part_dir.glob("*.tmp") if part_dir.is_dir() else ():
        if tmp.is_dir():
            for f in tmp.iterdir():
                f.unlink(missing_ok=True)
            tmp.rmdir()
            removed += 1
    return removed


#: errno values of faults of the moment: the same input may well succeed on a later run.
TRANSIENT_ERRNOS = frozenset(
    getattr(errno, name) for name in (
        "ENOSPC", "EDQUOT", "EIO", "EAGAIN", "EINTR", "EBUSY", "ENOMEM", "EMFILE", "ENFILE", "ESTALE", "ETIMEDOUT", "ENOENT",
    ) if hasattr(errno, name)
)


def is_transient(exc: BaseException) -> bool:
    """True for a fault of the moment rather than of the input: an ``OSError`` with an errno of
    :data:`TRANSIENT_ERRNOS` (a full disk, an I/O error, a file that vanished between the scan
    and the read), ``MemoryError``, a worker process that died (killed, out of memory), or a file
    that changed while it was streamed (:class:`~sztext.load.stream.InputChangedError`)."""
    if isinstance(exc, MemoryError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in TRANSIENT_ERRNOS
    return type(exc).__name__ in ("WorkerDiedError", "BrokenProcessPool", "InputChangedError")
