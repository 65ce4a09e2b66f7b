"""Every value in the units and money goldens (tests/devcorpus/golden_units, golden_money; issue 15)
still stands where the golden says: the source file has the recorded sha256, the recorded text occurs
at the recorded line and column, and each unit's printed text lies inside its group's text in order.
So a golden cannot silently rot when a source or the golden is edited. Sources under
../shared/devcorpus are outside the repository: their goldens are skipped when it is absent; the
extra plans (tests/devcorpus/extra) are always checked, with their sidecar naming the source URL."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest

import sztext

ROOT = Path(__file__).resolve().parents[1]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
EXTRA = ROOT / "tests" / "devcorpus" / "extra"
GOLDENS = sorted((ROOT / "tests" / "devcorpus" / "golden_units").glob("*.json")) + sorted(
    (ROOT / "tests" / "devcorpus" / "golden_money").glob("*.json")
)
ROLES = {"lead", "responsible", "cooperating"}
QUALIFIERS = {"exact", "max", "min", "approx"}


def source_of(gold: dict) -> Path:
    return (DEVCORPUS if gold["corpus"] == "devcorpus" else EXTRA) / gold["file"]


def test_there_are_goldens_of_both_kinds() -> None:
    kinds = {p.parent.name for p in GOLDENS}
    assert kinds == {"golden_units", "golden_money"}


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_values_are_where_they_say(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == gold["file"] + ".json"
    source = source_of(gold)
    if gold["corpus"] == "devcorpus" and not DEVCORPUS.is_dir():
        pytest.skip("../shared/devcorpus is absent")
    raw = source.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == gold["sha256"]
    number = gold["file"][:4]
    if number.isdigit():  # devcorpus rule: numbers ending in 3 or 7 are held out
        assert gold["split"] == ("heldout" if number[-1] in "37" else "dev")
    else:
        assert gold["split"] in ("dev", "heldout")
        assert json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))["found_with"]
    # an .html page is anchored in the text sztext reads from it (Notice.source_text), as bench/quality.py grades it
    text = sztext.parse_file(source)[0].source_text if source.suffix in (".html", ".htm") else raw.decode("utf-8")
    lines = text.split("\n")
    entries = gold.get("groups", gold.get("amounts"))
    # a plan read whole that has no responsibility note says so (no_notes): its parsed groups are false notes;
    # a text whose every number was read and none is money says so (no_amounts: e234, a blank budget form)
    assert entries or gold.get("no_notes") is True or gold.get("no_amounts") is True, "a golden lists something"
    for e in entries:
        line = lines[e["line"] - 1]
        assert line[e["col"] : e["col"] + len(e["text"])] == e["text"], (e["line"], e["text"])
    for g in gold.get("groups", []):
        pos = 0
        for u in g["units"]:
            i = g["text"].find(u["text"], pos)
            assert i >= 0, (g["line"], u["text"])
            pos = i + len(u["text"])
            assert u["role"] in ROLES and u["name"]
    for a in gold.get("amounts", []):
        assert a["qualifier"] in QUALIFIERS and a["currency"]
        assert (a["value"] is None) == (a["low"] is not None or a["high"] is not None), a
        for field in ("value", "low", "high"):
            assert a[field] is None or Decimal(str(a[field])) >= 0
    positions = [(e["line"], e["col"]) for e in entries]
    assert positions == sorted(positions), "in text order"
