"""A compiled grammar kept on disk per content digest, so that a new process does not compile it again.

Compiling the shipped grammar (reading and validating 24 TOML files with pydantic, ~200 regex
compiles in the ``regex`` module's pure-Python parser) is most of a cold start's first parse
(issue 19: ~0.24 of 0.81 s CPU). A compiled :class:`~sztext.grammar.Grammar` pickles, and a
``regex`` pattern pickles as its compiled code (unpickling calls the C compiler with it, not
the parser), so the pickle of a grammar loads ~8× faster than compiling it.

The file also keeps the tables the stages derive from the grammar (``Grammar.derived``: the
view table, segment's prepared rules, the lexicons; ~55 ms of a cold process's first parse,
~5 ms to unpickle), written once a process has built tables the file lacks
(:meth:`~sztext.grammar.Grammar.persist_derived`). So the file is named by a key that covers
everything the grammar and those tables depend on: the grammar files' content digest and
directory, the Python, ``regex``, ``pydantic`` and OpenCC versions (the view table is
OpenCC's), sztext's version and the source of every module of the package: an edited grammar
file or any edited module gets another key, so a cached grammar or table is never one that the
current code would not build. A grammar that fails to compile is never written. Reading or writing that fails
(a read-only home, a full disk, a truncated or foreign file) falls back to compiling.

Where: ``$SZTEXT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sztext``, else ``~/.cache/sztext``; the
variable set to the empty string (or ``off``) turns the cache off. The directory is the
user's own (created with mode 0700): its files are pickles, which run code when loaded, so a
directory that another user owns or that group or others can write is neither read nor written. At most :data:`KEEP` files are kept (the
most recently written), so overlays edited again and again do not fill the disk.

The same directory keeps jieba's dictionary split by first character (:mod:`sztext.wordfreq`,
``kind="words"``), read by mojibake repair.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Mapping

__all__ = ["cache_dir", "cache_key", "read_cached", "write_cached", "write_with_derived", "KEEP"]

KEEP = 8  # files of one kind kept in the directory (grammars; jieba's dictionary by first character)


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when the cache is off (``SZTEXT_CACHE_DIR=""``)."""
    chosen = os.environ.get("SZTEXT_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip() in ("", "off") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sztext"


@functools.cache
def _code_fingerprint() -> str:
    """sha256 of the library's version, the runtime's, OpenCC's and every module's source."""
    import importlib.util

    import pydantic
    import regex

    sha = hashlib.sha256()
    version = getattr(sys.modules.get(__package__ or ""), "__version__", "")
    sha.update(f"{version}\0{sys.version}\0{regex.__version__}\0{pydantic.VERSION}\0".encode())
    # OpenCC's files without importing it (the import costs ~10 ms): an upgrade rewrites them
    spec = importlib.util.find_spec("opencc")
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        for entry in sorted(os.scandir(location), key=lambda e: e.name):
            st = entry.stat()
            sha.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    here = Path(__file__).resolve().parent
    for path in sorted(here.rglob("*.py")):
        sha.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()


def cache_key(digest: str, directory: str, standalone: bool) -> str:
    """The file stem for a grammar of this content ``digest``, loaded from ``directory``."""
    sha = hashlib.sha256(f"{digest}\0{directory}\0{standalone}\0".encode())
    sha.update(_code_fingerprint().encode())
    return sha.hexdigest()[:32]


def read_cached(key: str, kind: str = "grammar") -> object | None:
    """The object written under ``key``, or ``None`` (no cache, no file, or one that does not load)."""
    folder = cache_dir()
    if folder is None:
        return None
    if not _private(folder):
        return None
    try:
        data = (folder / f"{key}.{kind}.pickle").read_bytes()
    except OSError:
        return None
    try:
        value: object = pickle.loads(data)
    except Exception:  # a truncated or foreign file: compile instead (and overwrite it)
        return None
    return value


def _private(folder: Path) -> bool:
    """True when ``folder`` is a directory of the current user that no other user can write: its
    files are pickles, which run code when loaded, so a shared or foreign directory is not read."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    if not hasattr(os, "getuid"):  # Windows: no POSIX owner or mode bits to check
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def write_cached(key: str, value: object, kind: str = "grammar") -> None:
    """Write ``value`` under ``key`` (atomically: a reader sees the old file or the new one, whole)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        suffix = f".{kind}.pickle"
        import tempfile  # only when a file is written: ~4 ms of import

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=suffix)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, folder / (key + suffix))
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder, suffix)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return  # a read-only or full disk, a grammar that does not pickle: the cache is only a speed-up


def write_with_derived(key: str, grammar: object, derived: Mapping[Any, Any]) -> None:
    """Write ``(grammar, derived tables, how many were built)`` under ``key``, in one pickle so that
    a table's rules are the grammar's own objects when read back. A table that does not pickle is
    left out (each process builds it again) but counted, so a reader does not write the file again."""
    kept = {}
    for build, value in derived.items():
        try:
            pickle.dumps((build, value), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            continue
        kept[build] = value
    write_cached(key, (grammar, kept, len(derived)))


def _prune(folder: Path, suffix: str) -> None:
    """Keep the :data:`KEEP` most recently written files of one kind."""
    files = []
    for entry in os.scandir(folder):
        if entry.name.endswith(suffix) and not entry.name.startswith("."):
            try:
                files.append((entry.stat().st_mtime_ns, entry.path))
            except OSError:
                continue
    files.sort(reverse=True)
    for _, path in files[KEEP:]:
        try:
            os.unlink(path)
        except OSError:
            pass
