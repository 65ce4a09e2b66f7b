"""Stage 7 — export: JSON/JSONL (canonical), CSV/Parquet measure tables, Markdown, Akoma Ntoso."""

from __future__ import annotations

from .json import dumps_json, dumps_jsonl_line, json_schema, to_record
from .markdown import to_markdown
from .table import MEASURE_COLUMNS, measure_rows, write_csv, write_parquet

__all__ = [
    "MEASURE_COLUMNS",
    "dumps_json",
    "dumps_jsonl_line",
    "json_schema",
    "measure_rows",
    "to_markdown",
    "to_record",
    "write_csv",
    "write_parquet",
]
