"""JSON and JSONL: the canonical output, one object per document, and its JSON Schema."""

from __future__ import annotations

import json as _stdlib_json
from typing import Any

import orjson

from ..models import ErrorRecord, Notice

__all__ = ["to_record", "dumps", "dumps_json", "dumps_jsonl_line", "json_schema", "SCHEMA_ID"]

SCHEMA_ID = "https://sztext.invalid/schema/notice.json"


def to_record(notice: Notice | ErrorRecord) -> dict[str, Any]:
    """The JSON-ready dict of a notice (the output contract) or of an error record."""
    return notice.model_dump(mode="json")


def dumps(data: Any, indent: bool = False) -> bytes:
    """``data`` as UTF-8 JSON bytes (no trailing newline). Every writer of the project goes
    through here. Integers of 2**64 or more (``10000亿亿元`` is 10**20 yuan), which orjson
    refuses, are written as exact JSON integers by the standard library encoder instead.

    >>> dumps({"value": 10**21})
    b'{"value":1000000000000000000000}'
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0)
    except TypeError as exc:
        if "64-bit" not in str(exc):
            raise
    text = _stdlib_json.dumps(
        data, ensure_ascii=False, allow_nan=False, indent=2 if indent else None,
        separators=(",", ": ") if indent else (",", ":"),
    )
    return text.encode("utf-8", "surrogateescape")


def dumps_jsonl_line(record: Notice | ErrorRecord | dict[str, Any]) -> bytes:
    """One JSONL line (UTF-8, no ASCII escaping, ending in a newline)."""
    data = record if isinstance(record, dict) else to_record(record)
    return dumps(data) + b"\n"


def dumps_json(records: list[Notice] | list[dict[str, Any]]) -> bytes:
    """A JSON array of records, indented for people."""
    data = [r if isinstance(r, dict) else to_record(r) for r in records]
    return dumps(data, indent=True) + b"\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one document record, generated from the models.

    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    schema = Notice.model_json_schema(mode="serialization", by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
