"""Beyond one machine: the same per-document function on a Dask bag (optional extra ``sztext[dask]``).

>>> from sztext.dask import records_for_text
>>> [r["doc_number"]["clean"] for r in records_for_text("深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n")]
['深府规〔2024〕6号']

A cluster is a deployment choice, not a rewrite::

    from dask.distributed import Client
    import dask.bag as db
    from sztext.dask import parse_paths, write_bag

    if __name__ == "__main__":                       # worker processes re-import the script
        client = Client("tcp://scheduler:8786")      # or Client(LocalCluster())
        bag = parse_paths(db.from_sequence(paths, npartitions=64))
        write_bag(bag, "out/")                       # notices-*.jsonl, errors-*.jsonl, measures/part-*.parquet
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .engine import parse_record
from .export.table import measure_rows
from .models import ErrorRecord, Notice
from .pipeline import Options, Pipeline

if TYPE_CHECKING:  # dask is an optional dependency
    import dask.bag

__all__ = ["records_for_path", "records_for_text", "parse_paths", "parse_texts", "write_bag"]

def _record(result: Notice | ErrorRecord | dict[str, Any]) -> dict[str, Any]:
    return result if isinstance(result, dict) else result.model_dump(mode="json")


def records_for_path(path: str, options: Options | None = None) -> list[dict[str, Any]]:
    """Every record (notice or error) of one input file: what ``sztext batch`` writes for it
    (:func:`sztext.engine.parse_record`, the engine-neutral function)."""
    return parse_record(path, options=options)


def records_for_text(text: str, path: str | None = None, options: Options | None = None) -> list[dict[str, Any]]:
    """Every record of one text (an archive is split into documents)."""
    return [_record(r) for r in Pipeline.for_options(options).iter_results(text, path=path)]


def parse_paths(paths: "dask.bag.Bag", options: Options | None = None) -> "dask.bag.Bag":
    """A bag of file paths → a bag of records (one per document, errors included)."""
    return paths.map(records_for_path, options=options).flatten()


def parse_texts(texts: "dask.bag.Bag", options: Options | None = None) -> "dask.bag.Bag":
    """A bag of texts → a bag of records."""
    return texts.map(records_for_text, options=options).flatten()


def _write_partition(records: Iterable[dict[str, Any]], out: str, index: int) -> tuple[int, int]:
    from .export.json import dumps
    from .export.table import write_parquet

    base = Path(out)
    notices: list[bytes] = []
    errors: list[bytes] = []
    rows: list[dict[str, Any]] = []
    for record in records:
        if "error" in record:
            errors.append(dumps(record) + b"\n")
            continue
        notices.append(dumps(record) + b"\n")
        rows.extend(measure_rows(Notice.model_validate(record)))
    (base / f"notices-{index:05d}.jsonl").write_bytes(b"".join(notices))
    (base / f"errors-{index:05d}.jsonl").write_bytes(b"".join(errors))
    (base / "measures").mkdir(exist_ok=True)
    write_parquet(rows, base / "measures" / f"part-{index:05d}.parquet")
    return len(notices), len(errors)


def write_bag(records: "dask.bag.Bag", out: str | Path) -> tuple[int, int]:
    """Write a bag of records as ``notices-NNNNN.jsonl``, ``errors-NNNNN.jsonl`` and a Parquet
    dataset ``measures/part-NNNNN.parquet`` (one file per partition, written by the workers).

    Returns:
        ``(documents, errors)`` written.
    """
    from dask.base import compute
    from dask.delayed import delayed

    Path(out).mkdir(parents=True, exist_ok=True)
    target = str(Path(out).resolve())
    tasks = [delayed(_write_partition)(part, target, i) for i, part in enumerate(records.to_delayed())]
    counts = compute(*tasks)
    return sum(c[0] for c in counts), sum(c[1] for c in counts)
