"""Batch conversion: many inputs, all cores, nothing lost, deterministic output.

Every input file is processed on its own (in a worker process) into a *part* under
``OUT/.parts/``: its notice records, its error records and its measure rows. Parts are written
atomically, which makes ``--resume`` possible: an input whose part exists (same path and same
content hash) is not processed again. At the end the parts are concatenated in sorted input
order into ``notices.jsonl``, ``errors.jsonl``, ``measures.csv`` and ``measures.parquet``, each
through a temporary file and a rename, so the output is byte-identical whatever the job count
and a crash never leaves a truncated table that looks complete.

A large text file is read incrementally (:mod:`sztext.load.stream` decodes it in chunks exactly
as the whole file would decode; :meth:`~sztext.pipeline.Pipeline.iter_stream` splits the text
into documents chunk by chunk and carries the last, possibly incomplete, document of a chunk
into the next), so memory stays bounded by the chunk size plus the longest document.
"""

from __future__ import annotations

import hashlib
import json
import io
import os
import shutil
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator


from . import __version__
from .errors import ArgumentError, InputError, SztextError
from .export.json import dumps, dumps_jsonl_line
from .export.rows import TABLES
from .export.table import measure_rows, write_csv_rows, write_parquet
from .export.tablefiles import write_tables
from .grammar import Grammar
from .load import INPUT_SUFFIXES, Loaded, load_bytes, skip_reason
from .load.stream import TextStream, open_text_stream
from .load.paths import record_path, record_text
from .models import ErrorRecord, Notice
from .pipeline import Options, Pipeline, with_load_warnings
from .progress import batch_progress
from .workers import Interrupted, is_transient, lock_output, remove_stale_temporaries, stop_on_signals, stop_pool, worker_init

__all__ = ["BatchSummary", "BatchInterrupted", "find_inputs", "scan_inputs", "process_path", "run_batch", "iter_records"]

DEFAULT_FORMATS = ("jsonl", "csv", "parquet", "tables")
CHUNK_CHARS = 1_000_000  # characters read per step of a large archive (bench/memory.py)


@dataclass
class BatchSummary:
    """What a batch run did (printed on stderr at the end)."""

    inputs: int = 0
    skipped: int = 0
    documents: int = 0
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    error_inputs: list[str] = field(default_factory=list)
    not_taken: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) a directory scan left out

    def skipped_line(self) -> str:
        """What a directory scan did not take, a count per reason (empty when it took everything)."""
        counts: dict[str, int] = {}
        for _, reason in self.not_taken:
            counts[reason] = counts.get(reason, 0) + 1
        if not counts:
            return ""
        return "sztext batch: not taken: " + ", ".join(f"{n} {r}" for r, n in sorted(counts.items()))

    def line(self) -> str:
        rate = self.chars / self.seconds / 1e6 if self.seconds > 0 else 0.0
        return (
            f"sztext batch: {self.inputs} inputs ({self.skipped} resumed), {self.documents} documents, "
            f"{self.errors} errors, {self.seconds:.1f} s, {rate:.2f} M chars/s"
        )


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to convert: the given files, and files under the given directories (recursively),
    with a known suffix, sorted and without repeats.

    Raises:
        InputError: a path does not exist.
    """
    return scan_inputs(paths)[0]


def scan_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """``find_inputs`` and what a directory scan did not take, with the reason: ``suffix``
    (not an input format), ``dangling symlink``, ``symlink loop``, ``not a regular file``
    (FIFOs, sockets, devices), ``unreadable directory``. Never follows a directory symlink out of
    the scan twice and never opens a FIFO, so a scan cannot hang.

    Raises:
        InputError: a named path does not exist.
    """
    out: set[Path] = set()
    skipped: list[tuple[Path, str]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            _scan_dir(path, out, skipped)
        elif path.exists() or path.is_symlink():
            out.add(path.absolute() if not path.exists() else path.resolve())  # named: read, or an error record
        else:
            raise InputError(f"no such file or directory: {path}")
    return sorted(out), sorted(skipped)


def _scan_dir(root: Path, out: set[Path], skipped: list[tuple[Path, str]]) -> None:
    seen_dirs: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen_dirs:
                skipped.append((d, "symlink loop"))
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            skipped.append((d, "unreadable directory"))
            continue
        for e in entries:
            f = Path(e.path)
            if e.name == ".parts":
                continue
            try:
                if e.is_dir():
                    stack.append(f)
                    continue
                if e.is_symlink() and not f.exists():
                    skipped.append((f, "dangling symlink"))
                    continue
                if not e.is_file():
                    skipped.append((f, "not a regular file"))
                    continue
            except OSError as exc:
                skipped.append((f, "symlink loop" if exc.errno == 40 else "unreadable"))
                continue
            if f.suffix.lower() in INPUT_SUFFIXES:
                out.add(f.resolve())
            else:
                skipped.append((f, skip_reason(f.suffix)))


def _error(path: str | Path, index: int | None, exc: BaseException) -> ErrorRecord:
    """The error record of an input: its path and message as valid Unicode (a file name that is
    not UTF-8, also inside the message, is written as :func:`~sztext.load.paths.record_path`)."""
    record = ErrorRecord.from_exception(record_path(path), index, exc)
    message = record_text(record.error.message)
    if message != record.error.message:
        record = record.model_copy(update={"error": record.error.model_copy(update={"message": message})})
    return record


def _read_text(path: Path, chunk_chars: int, grammar: Grammar) -> tuple[TextStream | None, Loaded | None]:
    """A large plain text file as a :class:`~sztext.load.stream.TextStream`; any other file
    (small, HTML, binary, or one the stream would not decode as ``decode`` does) loaded whole,
    PDF and OFD layout repair by ``grammar``'s ``layout`` section (a ``--grammar`` overlay's too)."""
    size = path.stat().st_size
    if size > chunk_chars * 2 and path.suffix.lower() not in (".html", ".htm", ".shtml", ".xhtml"):
        # HTML is parsed whole: its text only exists once the page is extracted
        stream = open_text_stream(path)
        if stream is not None:
            return stream, None
    return None, load_bytes(path.read_bytes(), str(path), grammar=grammar)


def iter_records(
    path: Path, pipeline: Pipeline, chunk_chars: int | None = None, *, raise_transient: bool = False,
) -> Iterator[Notice | ErrorRecord]:
    """Parse one input into notices and error records; an undecodable input or a failing
    document becomes an :class:`ErrorRecord`. A plain text file of more than ``2 × chunk_chars``
    bytes (default :data:`CHUNK_CHARS`) is read in chunks of ``chunk_chars`` characters
    (:mod:`sztext.load.stream`, :meth:`~sztext.pipeline.Pipeline.iter_stream`) and gives the
    same records as the whole file would. Records name the input by
    :func:`~sztext.load.paths.record_path` (valid Unicode always).

    With ``raise_transient`` a transient fault (:func:`~sztext.workers.is_transient`: a full
    disk, an I/O error, a vanished file, a file that changed while it was streamed) is raised
    instead, so that ``run_batch`` records it as retryable and none of the input's records is
    kept. Without it the fault is the last record, an error record with no index: the records
    before it are void (``parse_record`` returns the error record alone)."""
    p = record_path(path)
    size = chunk_chars if chunk_chars is not None else CHUNK_CHARS
    try:
        stream, loaded = _read_text(path, size, pipeline.grammar)
        if stream is None:
            assert loaded is not None
            for k, result in enumerate(pipeline.iter_results(loaded.text, path=p, pages=loaded.pages)):
                yield with_load_warnings(result, loaded.warnings) if k == 0 and isinstance(result, Notice) else result
            return
        # no whole-file max_chars for a streamed file (docs/guarantees.md): a 1 GB archive is
        # what streaming is for; it is the one case where parse_file (which refuses) differs
        yield from pipeline.iter_stream(stream.chunks(size), path=p, chars=stream.chars)
    except (SztextError, OSError, UnicodeDecodeError) as exc:
        if raise_transient and is_transient(exc):
            raise  # not a verdict on the input: recorded as retryable by run_batch
        yield _error(path, None, exc)


class WorkerDiedError(SztextError):
    """The process parsing an input died (killed, out of memory, a crash in native code)."""


def _row_json(row: dict[str, Any]) -> bytes:
    return dumps({k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}) + b"\n"


def process_path(path: str, part_dir: str, options: Options, key: str) -> tuple[str, int, int, int]:
    """Worker: parse one input and write its part files atomically.

    Returns:
        ``(path, documents, errors, chars)``.
    """
    pipeline = Pipeline.for_options(options)
    docs = errors = chars = 0
    final = Path(part_dir) / key
    tmp = final.with_suffix(".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    with (tmp / "notices.jsonl").open("wb") as notices, (tmp / "errors.jsonl").open("wb") as errs, (tmp / "rows.jsonl").open("wb") as rows:
        for result in iter_records(Path(path), pipeline, raise_transient=True):
            if isinstance(result, ErrorRecord):
                errs.write(dumps_jsonl_line(result))
                errors += 1
                continue
            notices.write(dumps_jsonl_line(result))
            for row in measure_rows(result):
                rows.write(_row_json(row))
            chars += result.source.span[1] - result.source.span[0]
            docs += 1
    (tmp / "done").write_text(f"{docs} {errors} {chars}\n")
    if final.exists():
        for f in final.iterdir():
            f.unlink()
        final.rmdir()
    tmp.rename(final)
    return path, docs, errors, chars


def _input_key(path: Path, salt: str = "") -> str:
    """Identity of an input's part: its path and bytes, and (``salt``) the sztext version, the
    grammar digest and the options, so --resume never reuses a part made differently."""
    h = hashlib.sha256(salt.encode() + b"\0" + str(path.resolve()).encode("utf-8", "surrogateescape"))
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:32]


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    jobs: int | None = None,
    resume: bool = False,
    formats: Iterable[str] = DEFAULT_FORMATS,
    options: Options | None = None,
    progress: bool | None = None,
    excel: bool = False,
    keep_parts: bool = False,
) -> BatchSummary:
    """Convert inputs into ``OUT/notices.jsonl``, ``errors.jsonl``, ``measures.csv``, ``measures.parquet``.

    Args:
        inputs: files and directories (searched recursively for .txt .text .html .htm .shtml).
        out: output directory (created).
        jobs: worker processes; all cores by default; 1 runs in this process.
        resume: skip inputs whose part from an earlier run exists (same path and content).
        formats: which outputs to write: ``jsonl`` (notices.jsonl; errors.jsonl is always
            written), ``csv`` and ``parquet`` (measures.csv/.parquet, one row per measure),
            ``tables`` (the five researcher tables in ``OUT/tables/``, CSV and, with pyarrow,
            Parquet; docs/tables.md). An output of an earlier run that this run does not
            write is removed, so nothing in ``OUT`` looks current that is not.
        excel: CSV for Excel on Chinese Windows (the tables with a BOM and CRLF line ends;
            measures.csv always has a BOM).
        keep_parts: keep ``OUT/.parts/`` after a complete run, so that a later ``resume``
            run converts only new or changed inputs (an archive that grows). By default the
            parts are removed once every input is converted and none is left to retry; an
            interrupted run or one with retryable faults always keeps them.
        options: parse options.
        progress: show a progress bar (default: when stderr is a terminal and tqdm is installed).
    Returns:
        A :class:`BatchSummary`. An input path that does not exist, like an undecodable or empty
        file, becomes an error record; nothing is raised for it.
    """
    started = time.perf_counter()
    opts = options or Options()
    given = [Path(p) for p in inputs]
    missing = [p for p in given if not p.exists()]  # an error record each, the batch goes on
    found, not_taken = scan_inputs(p for p in given if p.exists())
    files = sorted(set(found) | set(missing))
    out_dir = Path(out)
    part_dir = out_dir / ".parts"
    try:
        part_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgumentError(f"cannot create the output directory {record_path(out_dir)}: {exc.strerror or exc}") from exc
    summary = BatchSummary(inputs=len(files), not_taken=[(str(p), r) for p, r in not_taken])
    keys: dict[Path, str] = {}
    stopped: int | None = None
    with lock_output(out_dir), stop_on_signals():
        remove_stale_temporaries(out_dir)
        try:
            _convert(files, keys, part_dir, opts, resume, jobs, progress, summary)
        except Interrupted as exc:
            stopped = exc.signum
        remove_stale_temporaries(out_dir)  # the unfinished parts of stopped workers
        try:
            _assemble_outputs([f for f in files if f in keys], keys, part_dir, out_dir, set(formats), summary, excel)
        except Interrupted as exc:
            raise BatchInterrupted(exc.signum, summary, out_dir, written=False) from None
        if stopped is None and not keep_parts and not _any_retry(part_dir):
            shutil.rmtree(part_dir, ignore_errors=True)  # complete: nothing for --resume to do
    summary.seconds = time.perf_counter() - started
    if stopped is not None:
        raise BatchInterrupted(stopped, summary, out_dir, written=True)
    return summary


def _any_retry(part_dir: Path) -> bool:
    """Whether an input's part is marked for a retry (a transient fault), so --resume has work."""
    return any(True for _ in part_dir.glob("*/retry"))


class BatchInterrupted(SztextError):
    """SIGINT or SIGTERM stopped a batch. Inputs already converted are written to the outputs
    (``written``; unless a second signal arrived while they were written) and a ``--resume``
    run converts the rest. ``exit_status`` is 128 + the signal number (130, 143)."""

    def __init__(self, signum: int, summary: BatchSummary, out: Path, *, written: bool) -> None:
        self.signum = signum
        self.summary = summary
        self.written = written
        self.exit_status = 128 + signum
        name = signal.Signals(signum).name
        done = f"{summary.documents} documents and {summary.errors} errors written to {out}" if written else "outputs not written"
        super().__init__(f"interrupted by {name}: {done}; run again with --resume to finish")


def _convert(
    files: list[Path], keys: dict[Path, str], part_dir: Path, opts: Options, resume: bool, jobs: int | None,
    progress: bool | None, summary: BatchSummary,
) -> None:
    """Make the part of every input (``keys`` gets each input's part name as it is known)."""
    todo: list[Path] = []
    salt = f"{__version__}|{Pipeline.for_options(opts).grammar.digest}|{opts!r}"
    for f in files:
        if f.exists() and not f.is_file():  # a FIFO or device named directly: never opened
            keys[f] = hashlib.sha256(str(f).encode("utf-8", "surrogateescape")).hexdigest()[:32]
            _fail_input(part_dir / keys[f], f, InputError(f"{f}: not a regular file"))
            continue
        try:
            key = _input_key(f, salt)
        except OSError as exc:
            keys[f] = hashlib.sha256(str(f).encode("utf-8", "surrogateescape")).hexdigest()[:32]
            _fail_input(part_dir / keys[f], f, exc)
            continue
        keys[f] = key
        if resume and (part_dir / key / "done").exists() and not (part_dir / key / "retry").exists():
            summary.skipped += 1
        else:
            todo.append(f)
    workers = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    bar = batch_progress(todo, progress)  # bytes read (sztext.progress), not files done
    try:
        if workers == 1 or len(todo) <= 1:
            for f in todo:
                try:
                    process_path(str(f), str(part_dir), opts, keys[f])
                except Exception as exc:  # a bug in sztext on this input: recorded, the batch goes on
                    _fail_input(part_dir / keys[f], f, exc)
                bar(1, path=f)
        else:
            _convert_in_pool(todo, keys, part_dir, opts, min(workers, len(todo)), bar)
    finally:
        bar(0, close=True)


def _convert_in_pool(todo: list[Path], keys: dict[Path, str], part_dir: Path, opts: Options, workers: int, bar: Callable[..., None]) -> None:
    broken: list[Path] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_init, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(process_path, str(f), str(part_dir), opts, keys[f]): f for f in todo}
        for fut in as_completed(futures):
            f = futures[fut]
            try:
                fut.result()
            except BrokenProcessPool:
                broken.append(f)  # a worker died: this input may be innocent, retried below
                continue
            except Exception as exc:  # recorded as this input's error record
                _fail_input(part_dir / keys[f], f, exc)
            bar(1, path=f)
    except BaseException:
        stop_pool(pool)  # a signal (or a bug): no worker goes on parsing
        raise
    pool.shutdown()
    # When a worker dies (killed, out of memory, a crash in a C extension) every pending
    # input of the pool fails with it. Each is retried alone in a fresh process, so that
    # only the input that really kills its worker becomes an error record.
    for f in sorted(broken):
        alone = ProcessPoolExecutor(max_workers=1, initializer=worker_init, initargs=(os.getpid(),))
        try:
            alone.submit(process_path, str(f), str(part_dir), opts, keys[f]).result()
        except BrokenProcessPool:
            _fail_input(part_dir / keys[f], f, WorkerDiedError(f"the worker process died while parsing {f}"))
        except Exception as exc:  # recorded as this input's error record
            _fail_input(part_dir / keys[f], f, exc)
        except BaseException:
            stop_pool(alone)
            raise
        alone.shutdown()
        bar(1, path=f)


RETRY_NOTE = " (a transient fault: --resume tries this input again)"


def _fail_input(final: Path, path: Path, exc: BaseException) -> None:
    """Record that an input failed. A transient fault (:func:`~sztext.workers.is_transient`) is
    marked ``retry`` in its part, so ``--resume`` does not count the input as done. When even
    the record cannot be written (the disk is full) the input is left without a part: it is
    not done, and ``--resume`` tries it again."""
    record = _error(path, None, exc)
    retry = is_transient(exc)
    if retry:
        record = record.model_copy(update={"error": record.error.model_copy(update={"message": record.error.message + RETRY_NOTE})})
    try:
        _write_error_part(final, record, retry=retry)
    except OSError:
        pass


def _write_error_part(final: Path, record: ErrorRecord, *, retry: bool = False) -> None:
    tmp = final.with_suffix(".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "notices.jsonl").write_bytes(b"")
    (tmp / "rows.jsonl").write_bytes(b"")
    (tmp / "errors.jsonl").write_bytes(dumps_jsonl_line(record))
    if retry:
        (tmp / "retry").write_bytes(b"")
    (tmp / "done").write_text("0 1 0\n")
    if final.exists():
        for f in final.iterdir():
            f.unlink()
        final.rmdir()
    tmp.rename(final)


def _atomic(path: Path, writer: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file beside it and a rename. The temporary file is
    created with mode 0666 less the umask, as an ordinary output file would be."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _assemble_outputs(files: list[Path], keys: dict[Path, str], part_dir: Path, out_dir: Path, formats: set[str], summary: BatchSummary, excel: bool = False) -> None:
    parts = [part_dir / keys[f] for f in files if (part_dir / keys[f] / "done").exists()]
    for part in parts:
        docs, errors, chars = (int(x) for x in (part / "done").read_text().split())
        summary.documents += docs
        summary.errors += errors
        summary.chars += chars

    def concat(name: str) -> Callable[[IO[bytes]], None]:
        def write(fh: IO[bytes]) -> None:
            for part in parts:
                with (part / name).open("rb") as src:
                    for block in iter(lambda: src.read(1 << 20), b""):
                        fh.write(block)

        return write

    _atomic(out_dir / "notices.jsonl", concat("notices.jsonl"))
    _atomic(out_dir / "errors.jsonl", concat("errors.jsonl"))
    if "csv" in formats:
        _atomic(out_dir / "measures.csv", lambda fh: _write_csv_rows(fh, parts))
    if "parquet" in formats:
        _write_parquet_rows(out_dir / "measures.parquet", parts)
    if "tables" in formats:
        _write_table_files(out_dir / "tables", parts, excel)
    _remove_stale(out_dir, formats)


def _iter_notices(parts: list[Path]) -> Iterator[Notice]:
    for part in parts:
        with (part / "notices.jsonl").open("rb") as fh:
            for line in fh:
                yield Notice.model_validate_json(line)


def _write_table_files(directory: Path, parts: list[Path], excel: bool) -> None:
    kinds = ["csv"]
    try:
        import pyarrow  # noqa: F401
        kinds.append("parquet")
    except ImportError:
        print("sztext batch: pyarrow is not installed, tables/*.parquet skipped (install it with: pip install 'sztext[tables]')", file=sys.stderr)
        for name in TABLES:  # never leave an earlier run's Parquet beside this run's CSV
            (directory / f"{name}.parquet").unlink(missing_ok=True)
    write_tables(_iter_notices(parts), directory, formats=kinds, excel=excel)


# What each format writes, so that a run removes what an earlier run wrote and this one does not.
_OUTPUTS = {
    "csv": ("measures.csv",),
    "parquet": ("measures.parquet",),
    "tables": tuple(f"tables/{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")),
}


def _remove_stale(out_dir: Path, formats: set[str]) -> None:
    for fmt, names in _OUTPUTS.items():
        if fmt not in formats:
            for name in names:
                (out_dir / name).unlink(missing_ok=True)


def _iter_rows(parts: list[Path]) -> Iterator[dict[str, Any]]:
    for part in parts:
        with (part / "rows.jsonl").open("rb") as fh:
            for line in fh:
                yield json.loads(line)


def _write_csv_rows(fh: IO[bytes], parts: list[Path]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    write_csv_rows(text, _iter_rows(parts))
    text.flush()
    text.detach()


def _write_parquet_rows(path: Path, parts: list[Path]) -> None:
    try:
        import pyarrow  # noqa: F401  (only to say clearly when it is missing)
    except ImportError:
        print("sztext batch: pyarrow is not installed, measures.parquet skipped (install it with: pip install 'sztext[tables]')", file=sys.stderr)
        return
    _atomic(path, lambda fh: write_parquet(_iter_rows(parts), fh))
