"""Golden files of the samples (STYLE.md G34): the full record of every document of every
sample, minus the node ``text``/``clean`` strings (they are the source under the node's span,
which ``verify()`` re-checks here), in ``tests/golden/<sample id>.json``.

The goldens are rewritten only by ``pytest --update-golden`` and reviewed in the diff. The
fields a reader checked line by line have their own tests: every document start and header
of seed 004 (tests/unit/segment/test_archive_004.py), every unit group of seeds 000/001/003
(tests/unit/extract/test_units.py), every gloss and mojibake spot (test_mojibake.py), and the
money, date and repeal tables of tests/unit/extract/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sztext

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent


def _strip(record: Any) -> Any:
    """The record without node text/clean (kept: spans), and without the version stamps."""
    if isinstance(record, dict):
        out = {}
        for key, value in record.items():
            if key in ("sztext_version", "grammar_digest"):
                continue
            if key in ("text", "clean") and "children" in record:
                continue
            out[key] = _strip(value)
        return out
    if isinstance(record, list):
        return [_strip(v) for v in record]
    return record


def _records(sample: Path) -> list[Any]:
    notices = sztext.parse_file(sample)
    for notice in notices:
        notice.verify()
    records = [_strip(n.model_dump(mode="json")) for n in notices]
    for record in records:
        record["source"]["path"] = f"samples/{sample.name}"
    return records


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_matches_golden(sample: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{sample.name[:3]}.json"
    records = _records(sample)
    if update_golden:
        golden.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden and review it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert len(records) == len(expected)
    for got, want in zip(records, expected):
        assert got == want, f"document {want['source']['index']} of {sample.name} differs from {golden.name}"
