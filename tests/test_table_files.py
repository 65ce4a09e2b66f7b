"""The five tables as files (sztext.write_tables, `sztext batch --format tables`): the same rows
as sztext.tables(), exact money in CSV and Parquet, the published Arrow schema, formula-safe
cells, Excel's BOM, --files-from, and no stale outputs left looking current."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import sztext
from sztext.export.rows import COLUMNS, TABLES
from sztext.export.table import csv_cell
from sztext.export.tablefiles import csv_text, write_tables

REPO = Path(__file__).parents[1]
SEED_000 = REPO / "samples" / "000_7295ffc925fab055.txt"
SEED_004 = REPO / "samples" / "004_dc8ab61eb0bb8ed1.txt"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_csv_rows_carry_real_values_exactly(tmp_path: Path) -> None:
    notices = sztext.parse_file(SEED_004)
    files = write_tables(notices, tmp_path, formats=["csv"])
    assert sorted(p.name for p in files) == sorted(f"{t}.csv" for t in TABLES)
    amounts = _rows(tmp_path / "amounts.csv")
    assert len(amounts) == sum(len(n.amounts) for n in notices)  # every amount once
    # samples/004 line 27: "每家企业最高奖励300万元。（牵头单位：市商务局；…"
    row = next(r for r in amounts if r["text"] == "每家企业最高奖励300万元")
    assert (row["value"], row["currency"], row["qualifier"], row["per"]) == ("3000000", "CNY", "max", "企业")
    docs = _rows(tmp_path / "documents.csv")
    six = next(r for r in docs if r["doc_number"] == "深府规〔2024〕6号")
    assert (six["issuer"], six["signed_date"], six["effective_from"], six["valid_years"]) == ("深圳市人民政府", "2024-05-18", "2024-06-01", "5")
    units = _rows(tmp_path / "units.csv")
    assert any(u["role"] == "lead" and u["name"] == "市商务局" for u in units)
    assert list(docs[0]) == list(COLUMNS["documents"])


def test_parquet_has_the_published_schema_and_exact_money(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from sztext.export.tablefiles import table_schemas

    write_tables(sztext.parse_file(SEED_004), tmp_path, formats=["parquet"])
    schemas = table_schemas()
    for name in TABLES:
        assert pq.read_schema(tmp_path / f"{name}.parquet").equals(schemas[name]), name
    amounts = pq.read_table(tmp_path / "amounts.parquet").to_pylist()
    row = next(r for r in amounts if r["text"] == "每家企业最高奖励300万元")
    assert row["value"] == Decimal("3000000") and row["value_float"] == 3_000_000.0
    docs = pq.read_table(tmp_path / "documents.parquet").to_pylist()
    assert any(str(d["signed_date"]) == "2024-05-18" for d in docs)


def test_the_files_hold_the_same_rows_as_the_dataframes(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    notices = sztext.parse_file(SEED_000)
    frames = sztext.tables(notices)
    write_tables(notices, tmp_path, formats=["csv"])
    for name in TABLES:
        ids = [r[COLUMNS[name][0]] for r in _rows(tmp_path / f"{name}.csv")]
        assert ids == list(frames[name][COLUMNS[name][0]]), name


def test_formula_cells_are_neutralised_and_numbers_kept() -> None:
    assert csv_cell("=1+2") == "'=1+2" and csv_cell("@SUM(A1)") == "'@SUM(A1)" and csv_cell("-x") == "'-x"
    assert csv_cell("+86 755") == "'+86 755" and csv_cell("\tx") == "'\tx"
    assert csv_cell("市商务局") == "市商务局"
    text = "=HYPERLINK(\"http://example.invalid\")\n深府规〔2024〕6号\n各区人民政府：\n现印发。\n"
    table = csv_text([sztext.parse(text)], "documents")
    assert "=HYPERLINK" not in table.replace("'=HYPERLINK", "")  # only the quoted form
    # a number column stays a number: start offsets are 0, never '0
    assert list(csv.DictReader(io.StringIO(table)))[0]["start"] == "0"


def test_a_carriage_return_inside_a_cell_keeps_the_row_whole(tmp_path: Path) -> None:
    # CRLF sources (北大法宝 exports) leave CRs inside measure texts
    text = "深府规〔2024〕6号\r\n各区人民政府：\r\n一、支持企业\r\n给予最高20万元奖励。\r\n"
    write_tables([sztext.parse(text)], tmp_path, formats=["csv"])
    rows = list(csv.reader(io.StringIO((tmp_path / "measures.csv").read_text(encoding="utf-8"), newline="")))
    assert len({len(r) for r in rows}) == 1  # every row has all its columns


def test_excel_csv_has_bom_and_crlf(tmp_path: Path) -> None:
    write_tables(sztext.parse_file(SEED_000), tmp_path, formats=["csv"], excel=True)
    data = (tmp_path / "documents.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    plain = tmp_path / "plain"
    write_tables(sztext.parse_file(SEED_000), plain, formats=["csv"])
    assert not (plain / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_failure_leaves_no_partial_table(tmp_path: Path) -> None:
    def boom():  # type: ignore[no-untyped-def]
        yield from sztext.parse_file(SEED_000)
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_tables(boom(), tmp_path, formats=["csv"])
    assert list(tmp_path.iterdir()) == []


def _batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sztext", "batch", "--no-progress", "--jobs", "1", *args],
                          capture_output=True, text=True, cwd=REPO)


def test_batch_writes_the_tables_and_removes_stale_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    listing = tmp_path / "inputs.txt"
    listing.write_bytes(f"{SEED_000}\r\n\n{SEED_004}\n".encode())
    done = _batch("--files-from", str(listing), "--out", str(out), "--format", "jsonl", "--format", "tables")
    assert done.returncode == 0, done.stderr
    docs = _rows(out / "tables" / "documents.csv")
    assert len(docs) == 38 and docs[0]["path"] == str(SEED_000)  # paths as given
    assert not (out / "measures.csv").exists()
    again = _batch(str(SEED_000), "--out", str(out), "--format", "csv")
    assert again.returncode == 0, again.stderr
    assert (out / "measures.csv").exists() and not (out / "tables" / "documents.csv").exists()


def test_batch_without_inputs_or_with_a_missing_list_says_so(tmp_path: Path) -> None:
    none = _batch("--out", str(tmp_path / "o"))
    assert none.returncode == 2 and "no inputs" in none.stderr and "Traceback" not in none.stderr
    missing = _batch("--files-from", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert missing.returncode != 0 and "--files-from" in missing.stderr and "Traceback" not in missing.stderr


def test_table_batch_gives_the_parquet_rows_of_parse_records(tmp_path: Path) -> None:
    # the engine-neutral pair of the Spark/Ray recipes: parse_record's records → one table as an
    # Arrow batch of the published schema, the same rows sztext batch writes to <table>.parquet
    pq = pytest.importorskip("pyarrow.parquet")
    from sztext.batch import run_batch

    sample = str((Path(__file__).resolve().parents[1] / "samples" / "004_dc8ab61eb0bb8ed1.txt").resolve())
    records = sztext.parse_record(sample) + sztext.parse_record(str(tmp_path / "missing.txt"))
    assert "error" in records[-1]  # an error record has no rows
    batch = sztext.table_batch(records, "amounts")
    assert batch.schema == sztext.table_schemas()["amounts"]
    run_batch([sample], tmp_path / "out", jobs=1, progress=False)
    written = pq.read_table(tmp_path / "out" / "tables" / "amounts.parquet")
    assert batch.to_pylist() == written.to_pylist()
    assert batch.num_rows == len(sztext.tables(sztext.parse_file(sample))["amounts"]) > 400  # every amount of seed 004's 37 notices
    with pytest.raises(ValueError, match="unknown table"):
        sztext.table_batch(records, "amount")
