"""Faults, signals and hostile input (issue 16): nothing lost, nothing hung."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal
from pathlib import Path

from sztext.batch import run_batch
from sztext.export.table import MEASURE_COLUMNS, write_csv_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_002 = SAMPLES / "002_2dc559b6324d11b4.txt"


# --- 1. CSV formula injection -------------------------------------------------------------

def test_csv_cells_starting_with_a_formula_character_are_quoted() -> None:
    row = dict.fromkeys(MEASURE_COLUMNS, "plain")
    row.update(path="=HYPERLINK(\"http://x\",\"y\")", title="+1+2", issuer="-2+3", heading="@SUM(A1)",
               marker="\tx", text="\rcmd", index=-1, total_cny=Decimal("-5"), amount_count=3,
               doc_number="深府办〔2024〕1号")
    buf = io.StringIO()
    write_csv_rows(buf, [row])
    (got,) = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert got["path"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert (got["title"], got["issuer"], got["heading"]) == ("'+1+2", "'-2+3", "'@SUM(A1)")
    assert (got["marker"], got["text"]) == ("'\tx", "'\rcmd")
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
