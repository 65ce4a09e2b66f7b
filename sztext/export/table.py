"""The measures table for researchers: one row per measure (a leaf numbered node)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence, TextIO

from ..models import Node, Notice

__all__ = ["MEASURE_COLUMNS", "RowWriter", "measure_rows", "write_csv", "write_parquet", "csv_text"]

MEASURE_COLUMNS = (
    "path", "index", "doc_number", "title", "issuer", "signed_date", "node_path", "marker", "heading",
    "lead_units", "responsible_units", "cooperating_units", "amount_count", "total_cny", "max_cny", "text",
)


def _units(node: Node, role: str) -> str:
    names = [u.name for group in node.unit_groups for u in group if u.role == role]
    return "；".join(dict.fromkeys(names))


def measure_rows(notice: Notice) -> Iterator[dict[str, Any]]:
    """The rows of one document's measures (leaf numbered nodes), in document order.

    ``total_cny`` sums only the exact, one-off CNY amounts (qualifier ``exact``, no ``per``): a
    cap (最高100万元), a threshold (5000万元以上), an estimate or a rate (每人每月1500元) does not add
    up with a grant. ``max_cny`` is the largest CNY amount of any kind (ranges count their upper
    bound); other currencies are counted but not converted.
    """
    title = notice.title or notice.main_title
    for node in notice.measures():
        singles = [(a, a.value) for a in node.amounts if a.currency == "CNY" and a.value is not None]
        cny = [v for a, v in singles if a.qualifier == "exact" and a.per is None]
        highs = [v for _, v in singles] + [a.high for a in node.amounts if a.currency == "CNY" and a.value is None and a.high is not None]
        yield {
            "path": notice.source.path,
            "index": notice.source.index,
            "doc_number": notice.doc_number.clean if notice.doc_number else None,
            "title": title.clean if title else None,
            "issuer": notice.issuer.clean if notice.issuer else None,
            "signed_date": notice.signed_date.value.isoformat() if notice.signed_date and notice.signed_date.value else None,
            "node_path": node.path,
            "marker": node.marker,
            "heading": node.heading,
            "lead_units": _units(node, "lead"),
            "responsible_units": _units(node, "responsible"),
            "cooperating_units": _units(node, "cooperating"),
            "amount_count": len(node.amounts),
            "total_cny": sum(cny, Decimal(0)) if cny else None,
            "max_cny": max(highs) if highs else None,
            "text": node.clean.strip(),
        }


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One CSV field: None as empty; a text starting with a formula character gets a leading
    single quote (OWASP), so a spreadsheet shows it as text and never evaluates it. Numbers
    (int, Decimal) are written as they are: a number is never a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class RowWriter:
    """CSV rows for a text stream; a row with a carriage return inside a cell is written with
    every field quoted: with LF line ends the csv module leaves a lone CR bare, and a reader
    would split the row there (CRLF sources put CRs inside measure texts)."""

    def __init__(self, out: IO[str], lineterminator: str = "\n") -> None:
        self.plain = csv.writer(out, lineterminator=lineterminator)
        self.quoted = csv.writer(out, lineterminator=lineterminator, quoting=csv.QUOTE_ALL)

    def writerow(self, cells: Sequence[Any]) -> None:
        has_cr = any(isinstance(c, str) and "\r" in c for c in cells)
        (self.quoted if has_cr else self.plain).writerow(cells)


def write_csv_rows(out: TextIO, rows: Iterable[dict[str, Any]]) -> None:
    """Write a header line and the rows as CSV to a text stream (None as an empty field, text
    cells neutralised against formula injection by :func:`csv_cell`, rows with a CR quoted)."""
    writer = RowWriter(out)
    writer.writerow(MEASURE_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(row.get(k)) for k in MEASURE_COLUMNS])


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as CSV text with a header line."""
    buf = io.StringIO()
    write_csv_rows(buf, rows)
    return buf.getvalue()


def write_csv(rows: Iterable[dict[str, Any]], path: str | Path) -> None:
    """Write the measures table as UTF-8 CSV (with BOM so spreadsheet programs read Chinese)."""
    Path(path).write_text(csv_text(rows), encoding="utf-8-sig")


_CENTS = Decimal("0.0001")


def _parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    """Money columns as decimal128(38, 4): rounded to 0.0001 (the CSV keeps every digit), and
    None when an amount does not fit, so one odd amount never stops a table."""
    out = dict(row)
    for key in ("total_cny", "max_cny"):
        value = out.get(key)
        if value is not None:
            q = Decimal(value).quantize(_CENTS)
            out[key] = q if q.adjusted() < 34 else None
    return out


def parquet_schema() -> Any:
    """The Arrow schema of the measures table (needs the ``tables`` extra: pyarrow)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("path", pa.string()), ("index", pa.int64()), ("doc_number", pa.string()), ("title", pa.string()),
            ("issuer", pa.string()), ("signed_date", pa.string()), ("node_path", pa.string()), ("marker", pa.string()),
            ("heading", pa.string()), ("lead_units", pa.string()), ("responsible_units", pa.string()),
            ("cooperating_units", pa.string()), ("amount_count", pa.int64()), ("total_cny", pa.decimal128(38, 4)),
            ("max_cny", pa.decimal128(38, 4)), ("text", pa.string()),
        ]
    )


def write_parquet(rows: Iterable[dict[str, Any]], target: str | Path | IO[bytes], batch_rows: int = 10_000) -> None:
    """Write the measures table as Parquet to a path or a binary stream, ``batch_rows`` rows at
    a time, so a table of any length is written in bounded memory (needs pyarrow)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with pq.ParquetWriter(target if not isinstance(target, Path) else str(target), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_parquet_row(row))
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
