"""Faults, signals and hostile input (issue 16): nothing lost, nothing hung."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import sztext
from sztext.batch import run_batch
from sztext.normalize import line_ends_as_lf
from sztext.export.table import MEASURE_COLUMNS, write_csv_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_000 = SAMPLES / "000_7295ffc925fab055.txt"
SAMPLE_002 = SAMPLES / "002_2dc559b6324d11b4.txt"


# --- 1. CSV formula injection -------------------------------------------------------------

def test_csv_cells_starting_with_a_formula_character_are_quoted() -> None:
    row = dict.fromkeys(MEASURE_COLUMNS, "plain")
    row.update(path="=HYPERLINK(\"http://x\",\"y\")", title="+1+2", issuer="-2+3", heading="@SUM(A1)",
               marker="\tx", text="\rcmd", lead_units="甲\r乙", index=-1, total_cny=Decimal("-5"), amount_count=3,
               doc_number="深府办〔2024〕1号")
    buf = io.StringIO()
    write_csv_rows(buf, [row])
    (got,) = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert got["path"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert (got["title"], got["issuer"], got["heading"]) == ("'+1+2", "'-2+3", "'@SUM(A1)")
    assert (got["marker"], got["text"]) == ("'\tx", "'\rcmd")
    assert got["lead_units"] == "甲\r乙"  # a CR inside a cell stays in its cell
    # numbers stay numbers (a number is never a formula); other text is untouched
    assert (got["index"], got["total_cny"], got["amount_count"]) == ("-1", "-5", "3")
    assert got["doc_number"] == "深府办〔2024〕1号"


def test_batch_csv_neutralises_a_formula_heading(tmp_path: Path) -> None:
    # sample 002: "一、工作背景" — made hostile: "一、=HYPERLINK(...)工作背景"
    text = SAMPLE_002.read_text(encoding="utf-8")
    assert "一、工作背景" in text
    (tmp_path / "in.txt").write_text(text.replace("一、工作背景", '一、=HYPERLINK("http://x")工作背景', 1), encoding="utf-8")
    run_batch([tmp_path / "in.txt"], tmp_path / "out", jobs=1, progress=False, formats=("jsonl", "csv"))
    rows = list(csv.DictReader((tmp_path / "out" / "measures.csv").open(encoding="utf-8-sig")))
    assert rows[0]["heading"] == "'=HYPERLINK(\"http://x\")工作背景"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    # JSON keeps the value as written: only the spreadsheet format is neutralised
    assert '"heading":"=HYPERLINK' in (tmp_path / "out" / "notices.jsonl").read_text(encoding="utf-8").replace(" ", "")


# --- 2. CR-only line ends, U+2028 and U+2029 ----------------------------------------------

@pytest.mark.parametrize("sep", ["\r", "\u2028", "\u2029"], ids=["CR", "LS", "PS"])
@pytest.mark.parametrize("sample", [SAMPLE_000, SAMPLE_002], ids=lambda p: p.name[:3])
def test_other_line_ends_keep_the_structure(sample: Path, sep: str) -> None:
    # 000 reads "  一、政務服務" and has 28 measures; before, CR-only text gave 0 of them
    lf = sample.read_text(encoding="utf-8")
    base, other = sztext.parse(lf), sztext.parse(lf.replace("\n", sep))
    other.verify()
    assert other.source_text == lf.replace("\n", sep)  # spans index the text as given, nothing dropped
    assert len(other.measures()) == len(base.measures()) > 20
    assert [(n.marker, n.path, n.span) for n in other.nodes()] == [(n.marker, n.path, n.span) for n in base.nodes()]
    # the same record, value for value and span for span; only the line ends in ``text`` differ
    escaped = json.dumps(sep)[1:-1]
    assert json.dumps(other.model_dump(mode="json")).replace(escaped, "\\n") == json.dumps(base.model_dump(mode="json"))


def test_line_ends_as_lf_is_one_for_one() -> None:
    text = "一、总则\r（一）\u2028二、\r\n三\u2029"
    assert line_ends_as_lf(text) == "一、总则\n（一）\n二、\r\n三\n"
    assert len(line_ends_as_lf(text)) == len(text)
