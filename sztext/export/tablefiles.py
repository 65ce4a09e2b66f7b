"""The five researcher tables written as files: CSV and Parquet, streamed, with one Arrow schema.

``sztext.tables()`` gives the tables as pandas DataFrames for what fits in memory; this module
writes the same rows (``rows.table_rows``) to ``DIR/<table>.csv`` and ``DIR/<table>.parquet``
for an archive of any size: CSV rows are written as they come and Parquet in row batches, so
memory is bounded by one batch per table. ``sztext batch`` calls it for ``--format tables``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterable

from ..models import Notice
from .rows import COLUMNS, TABLES, table_rows
from .table import RowWriter, csv_cell

__all__ = ["table_schemas", "table_batch", "write_tables"]

# Columns whose values are numbers or flags: written as they are (a negative number is data,
# not a formula). Every other cell is text and is neutralised (csv_cell).
_INT_COLUMNS = frozenset({
    "index", "doc_year", "doc_serial", "duplicate_of", "valid_years", "number", "level", "group",
    "measure_count", "unit_count", "amount_count", "citation_count", "start", "end",
    "page", "first_page", "last_page",
})
_BOOL_COLUMNS = frozenset({"effective_on_issue", "is_leaf"})
_MONEY_COLUMNS = frozenset({"value", "low", "high"})
_DATE_COLUMNS = frozenset({"signed_date", "published_date", "effective_from", "effective_until", "printed_date"})

def _csv_value(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in _BOOL_COLUMNS:
        return "true" if value else "false"
    if column in _MONEY_COLUMNS:
        return format(value, "f")  # exact: every digit, never an exponent
    if column in _INT_COLUMNS:
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(csv_cell(str(value)))  # a text cell: never a formula (OWASP)


def table_schemas() -> dict[str, Any]:
    """The published Arrow schema of each table (needs pyarrow: ``pip install 'sztext[tables]'``).

    Money is ``decimal128(38, 4)`` (exact to 0.0001 yuan; an amount that does not fit is null
    there and kept in the ``*_float`` column and in the CSV) plus ``float64``; dates are
    ``date32``; offsets and counts ``int64``; flags ``bool``; everything else ``string``.
    """
    import pyarrow as pa

    schemas: dict[str, Any] = {}
    for name in TABLES:
        fields = []
        for col in COLUMNS[name]:
            if col in _MONEY_COLUMNS:
                fields.append(pa.field(col, pa.decimal128(38, 4)))
                continue
            if col in _INT_COLUMNS:
                kind = pa.int64()
            elif col in _BOOL_COLUMNS:
                kind = pa.bool_()
            elif col in _DATE_COLUMNS:
                kind = pa.date32()
            else:
                kind = pa.string()
            fields.append(pa.field(col, kind))
        if name == "amounts":
            fields += [pa.field(f"{col}_float", pa.float64()) for col in ("value", "low", "high")]
        schemas[name] = pa.schema(fields)
    return schemas


_QUANTUM = Decimal("0.0001")


def _arrow_row(name: str, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for col in _DATE_COLUMNS & out.keys():
        value = out[col]
        if isinstance(value, str):
            out[col] = dt.date.fromisoformat(value)
    if name == "amounts":
        for col in ("value", "low", "high"):
            value = out[col]
            out[f"{col}_float"] = float(value) if value is not None else None
            if value is not None:
                q = Decimal(value).quantize(_QUANTUM)
                out[col] = q if q.adjusted() < 34 else None
    return out


class _Writers:
    """One CSV stream and/or one Parquet writer per table, rows buffered per table."""

    def __init__(self, directory: Path, formats: set[str], excel: bool, batch_rows: int) -> None:
        self.directory = directory
        self.batch_rows = batch_rows
        self.csv: dict[str, tuple[IO[str], Any]] = {}
        self.parquet: dict[str, Any] = {}
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.tmp: list[tuple[Path, Path]] = []
        if "csv" in formats:
            for name in TABLES:
                fh = self._open(f"{name}.csv", "w", encoding="utf-8-sig" if excel else "utf-8", newline="")
                writer = RowWriter(fh, "\r\n" if excel else "\n")
                writer.writerow(list(COLUMNS[name]))
                self.csv[name] = (fh, writer)
        if "parquet" in formats:
            import pyarrow.parquet as pq

            self.schemas = table_schemas()
            for name in TABLES:
                path = self._path(f"{name}.parquet")
                self.parquet[name] = pq.ParquetWriter(str(path), self.schemas[name])

    def _path(self, filename: str) -> Path:
        final = self.directory / filename
        tmp = final.with_name(f".{filename}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        self.tmp.append((tmp, final))
        return tmp

    def _open(self, filename: str, mode: str, **kw: Any) -> IO[str]:
        return open(self._path(filename), mode, **kw)  # noqa: SIM115 - closed in close()

    def add(self, notice: Notice) -> None:
        for name, rows in table_rows(notice).items():
            if name in self.csv:
                _, writer = self.csv[name]
                columns = COLUMNS[name]
                for row in rows:
                    writer.writerow([_csv_value(c, row.get(c)) for c in columns])
            if self.parquet:
                pending = self.pending[name]
                pending.extend(_arrow_row(name, row) for row in rows)
                if len(pending) >= self.batch_rows:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa

        self.parquet[name].write_table(pa.Table.from_pylist(self.pending[name], schema=self.schemas[name]))
        self.pending[name] = []

    def close(self, ok: bool) -> None:
        try:
            if ok:
                for name in self.parquet:
                    if self.pending[name]:
                        self._flush(name)
        finally:
            for fh, _ in self.csv.values():
                if ok:
                    fh.flush()
                    os.fsync(fh.fileno())
                fh.close()
            for pw in self.parquet.values():
                pw.close()
        for tmp, final in self.tmp:
            if ok:
                os.replace(tmp, final)
            else:
                tmp.unlink(missing_ok=True)


def table_batch(records: Iterable[Notice | dict[str, Any]], table: str) -> Any:
    """One table of ``records`` as a ``pyarrow.RecordBatch`` with the published schema
    (:func:`table_schemas`): the rows ``sztext batch`` writes to ``<table>.parquet``.

    ``records`` are notices, or the JSON-ready dicts of :func:`sztext.parse_record` (error
    records are skipped: they have no rows). This is what an engine's Arrow map needs (Spark's
    ``mapInArrow``, Ray's ``map_batches``; docs/cookbook.md).

    >>> import sztext
    >>> path = "samples/000_7295ffc925fab055.txt"
    >>> batch = table_batch(sztext.parse_record(path), "measures")
    >>> batch.schema == sztext.table_schemas()["measures"], batch.num_rows == len(sztext.tables(sztext.parse_file(path))["measures"])
    (True, True)
    """
    import pyarrow as pa

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {list(TABLES)}")
    rows: list[dict[str, Any]] = []
    for record in records:
        if isinstance(record, dict):
            if "error" in record:
                continue
            record = Notice.model_validate(record)
        rows.extend(_arrow_row(table, row) for row in table_rows(record)[table])
    return pa.RecordBatch.from_pylist(rows, schema=table_schemas()[table])


def write_tables(
    notices: Iterable[Notice],
    directory: str | Path,
    *,
    formats: Iterable[str] = ("csv", "parquet"),
    excel: bool = False,
    batch_rows: int = 10_000,
) -> list[Path]:
    """Write the five tables of ``notices`` to ``directory`` (created) as ``<table>.csv`` and/or
    ``<table>.parquet``; returns the files written.

    Each file is written under a temporary name and renamed at the end, so a failure leaves
    the previous tables, never a truncated one. CSV is UTF-8 (``excel=True``: with a BOM and
    CRLF line ends, which Excel on Chinese Windows opens as UTF-8); money is exact (every
    digit), dates ISO, flags ``true``/``false``, null an empty cell, and text cells that a
    spreadsheet would read as a formula start with ``'`` (:func:`csv_cell`).

    >>> import sztext, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     files = write_tables(sztext.parse_file("samples/000_7295ffc925fab055.txt"), d, formats=["csv"])
    ...     sorted(p.name for p in files)
    ['amounts.csv', 'citations.csv', 'documents.csv', 'measures.csv', 'units.csv']
    """
    wanted = set(formats)
    unknown = wanted - {"csv", "parquet"}
    if unknown:
        raise ValueError(f"unknown table format(s) {sorted(unknown)}; choose csv and/or parquet")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    writers = _Writers(out, wanted, excel, batch_rows)
    ok = False
    try:
        for notice in notices:
            writers.add(notice)
        ok = True
    finally:
        writers.close(ok)
    return [final for _, final in writers.tmp]


def csv_text(notices: Iterable[Notice], table: str) -> str:
    """One table as CSV text (for tests and small outputs)."""
    buf = io.StringIO()
    writer = RowWriter(buf)
    writer.writerow(list(COLUMNS[table]))
    for notice in notices:
        for row in table_rows(notice)[table]:
            writer.writerow([_csv_value(c, row.get(c)) for c in COLUMNS[table]])
    return buf.getvalue()
