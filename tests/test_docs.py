"""Generated docs are current, and every record sztext writes validates against the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.export.json import json_schema
from sztext.export.reference import output_reference, schema_text

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_schema_json_is_current() -> None:
    assert (DOCS / "schema.json").read_text(encoding="utf-8") == schema_text(), "run: python -m sztext.export.reference"


def test_output_md_is_current() -> None:
    assert (DOCS / "output.md").read_text(encoding="utf-8") == output_reference(), "run: python -m sztext.export.reference"


@pytest.mark.parametrize("sample", sorted((ROOT / "samples").glob("*.txt")), ids=lambda p: p.name[:3])
def test_records_validate_against_schema(sample: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    for notice in sztext.parse_file(sample):
        errors = sorted(validator.iter_errors(notice.model_dump(mode="json")), key=str)
        assert not errors, errors[0].message


def test_schema_rejects_a_renamed_field() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    record = sztext.parse("各区人民政府：\n现印发。\n").model_dump(mode="json")
    record["docnumber"] = record.pop("doc_number")
    with pytest.raises(jsonschema.ValidationError, match="docnumber"):
        jsonschema.validate(record, json_schema(), cls=jsonschema.Draft202012Validator)
