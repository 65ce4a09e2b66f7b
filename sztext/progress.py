"""The progress bar of ``sztext batch``: bytes of input read, not files done.

One 2 GB archive is one file: a bar that counts files shows 0/1 until the end. This bar counts
the bytes of the inputs, so it moves while an archive is streamed. A file counts whole when it is
done; while it is being read, a watcher thread reads how far the process reading it has got —
the offset of its open file descriptor in ``/proc/<pid>/fdinfo`` (Linux), for this process and its
worker processes — every half second. Where ``/proc`` is not there, a file counts when it is done.
The bar is shown with tqdm, when it is installed, and only on a terminal unless asked for.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Callable, Iterable, Mapping

__all__ = ["batch_progress", "open_positions"]

POLL_SECONDS = 0.5


def open_positions(watched: Mapping[str, int], pids: Iterable[int] | None = None) -> dict[str, int]:
    """How far each watched file (absolute path → its size) is read by a process: the largest
    offset of any open descriptor of it in ``pids`` (this process and its children by default),
    at most its size. Files not open, and every file where ``/proc`` is missing, are left out."""
    found: dict[str, int] = {}
    for pid in _pids() if pids is None else pids:
        fd_dir = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"{fd_dir}/{fd}")
            except OSError:
                continue
            if target not in watched:
                continue
            try:
                with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as fh:
                    pos = next((int(line.split()[1]) for line in fh if line.startswith("pos:")), 0)
            except (OSError, ValueError, IndexError):
                continue
            found[target] = max(found.get(target, 0), min(pos, watched[target]))
    return found


def _pids() -> list[int]:
    """This process and its child processes (the batch's workers)."""
    me = os.getpid()
    pids = [me]
    try:
        entries = os.listdir("/proc")
    except OSError:
        return pids
    for name in entries:
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                # pid (comm) state ppid …: comm may hold spaces and parentheses
                if int(fh.read().rsplit(")", 1)[1].split()[1]) == me:
                    pids.append(int(name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def batch_progress(files: list[Path], enabled: bool | None) -> Callable[..., None]:
    """A progress callback ``update(n, close=False, path=None)`` for the inputs ``files``: ``n``
    files are done (``path``: the one that is), ``close`` ends the bar. A no-op when the bar is
    not shown (``enabled`` False, or None and stderr is not a terminal, or tqdm is missing)."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        return lambda n, close=False, path=None: None
    try:
        from tqdm import tqdm
    except ImportError:
        return lambda n, close=False, path=None: None
    sizes: dict[str, int] = {}
    for f in files:
        try:
            sizes[os.path.realpath(f)] = f.stat().st_size
        except OSError:
            sizes[os.path.realpath(f)] = 0
    total_files = len(files)
    bar = tqdm(total=sum(sizes.values()), unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr)
    lock = threading.Lock()
    state = {"done_bytes": 0, "done_files": 0}
    pending = dict(sizes)  # files not done yet
    stop = threading.Event()

    def show_at(reading: Mapping[str, int]) -> None:
        with lock:
            at = state["done_bytes"] + sum(pos for f, pos in reading.items() if f in pending)
            bar.set_postfix_str(f"{state['done_files']}/{total_files} files", refresh=False)
            if at > bar.n:
                bar.update(at - bar.n)
            else:
                bar.refresh()

    def watch() -> None:
        while not stop.wait(POLL_SECONDS):
            with lock:
                watched = dict(pending)
            if watched:
                show_at(open_positions(watched))

    watcher = threading.Thread(target=watch, name="sztext-progress", daemon=True) if os.path.isdir("/proc") else None
    if watcher is not None:
        watcher.start()

    def update(n: int, close: bool = False, path: str | os.PathLike[str] | None = None) -> None:
        if n:
            with lock:
                state["done_files"] += n
                key = os.path.realpath(path) if path is not None else None
                if key is not None and key in pending:
                    state["done_bytes"] += pending.pop(key)
                else:  # a file done without its name: count the smallest pending one
                    for _ in range(n):
                        if pending:
                            smallest = min(pending, key=lambda f: pending[f])
                            state["done_bytes"] += pending.pop(smallest)
            show_at({})
        if close:
            stop.set()
            if watcher is not None:
                watcher.join(timeout=2 * POLL_SECONDS)
            bar.close()

    return update
