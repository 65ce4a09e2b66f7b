"""One engine-neutral function per input, for any cluster or dataframe engine (Dask, Ray Data,
Spark): ``parse_record(path_or_bytes)`` gives every record of one input — a notice's JSON record
per document, or one error record — exactly what ``sztext batch`` writes for it.

It never raises for a bad input (the error record says what went wrong), holds no state beyond
the pipeline cache, and takes and returns plain Python values, so it pickles and maps anywhere.

>>> [r["doc_number"]["clean"] for r in parse_record("深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n".encode())]
['深府规〔2024〕6号']
>>> parse_record(b"")[0]["error"]["type"]   # bad input: an error record, never an exception
'DecodeError'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import SztextError
from .load import load_bytes
from .models import ErrorRecord, Notice
from .pipeline import Options, Pipeline, with_load_warnings

__all__ = ["parse_record"]


def _plain(result: Notice | ErrorRecord) -> dict[str, Any]:
    return result.model_dump(mode="json")


def parse_record(source: str | Path | bytes, *, path: str | None = None, options: Options | None = None) -> list[dict[str, Any]]:
    """Every record of one input.

    Args:
        source: a file path (``str`` or ``Path``), or the file's bytes (any supported encoding,
            or an HTML page).
        path: the path to record for bytes (``source.path`` of each record); ignored for a path.
        options: parse options (grammar directory, limits).
    Returns:
        A list of JSON-ready dicts: one per document found, or a single error record.
    """
    pipeline = Pipeline.for_options(options)
    if isinstance(source, (str, Path)):
        from .batch import iter_records  # on first use: the batch machinery (process pools) is ~15 ms of import

        records = list(iter_records(Path(source), pipeline))
        if len(records) > 1 and isinstance(records[-1], ErrorRecord) and records[-1].index is None:
            records = records[-1:]  # the input failed as a whole (it changed while streamed): no partial result
        return [_plain(r) for r in records]
    if not isinstance(source, (bytes, bytearray, memoryview)):
        return [ErrorRecord.from_exception(path, None, TypeError(f"expected a path or bytes, got {type(source).__name__}")).model_dump(mode="json")]
    try:
        loaded = load_bytes(bytes(source), path, max_chars=pipeline.options.max_chars, grammar=pipeline.grammar)
    except SztextError as exc:
        return [ErrorRecord.from_exception(path, None, exc).model_dump(mode="json")]
    results = list(pipeline.iter_results(loaded.text, path=path, pages=loaded.pages))
    if results and isinstance(results[0], Notice):
        results[0] = with_load_warnings(results[0], loaded.warnings)
    return [_plain(r) for r in results]
