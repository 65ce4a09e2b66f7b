"""The command line: outputs, one-line errors, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sztext.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_004 = SAMPLES / "004_dc8ab61eb0bb8ed1.txt"


def test_parse_jsonl_one_line_per_document(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", str(SEED_004)]) == 0
    lines = capsysbinary.readouterr().out.splitlines()
    assert len(lines) == 37
    first = json.loads(lines[0])
    assert first["source"]["index"] == 0 and first["source"]["path"] == str(SEED_004)


def test_parse_json_md_csv(tmp_path: Path) -> None:
    sample = SAMPLES / "000_7295ffc925fab055.txt"
    for fmt in ("json", "md", "csv"):
        assert main(["parse", str(sample), "--format", fmt, "--out", str(tmp_path)]) == 0
    assert isinstance(json.loads((tmp_path / "000_7295ffc925fab055.json").read_text(encoding="utf-8")), list)
    assert (tmp_path / "000_7295ffc925fab055.md").read_text(encoding="utf-8").startswith("# ")
    header = (tmp_path / "000_7295ffc925fab055.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("path,index,doc_number,title")


def test_akn_needs_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_004), "--format", "akn"]) == 2
    assert capsys.readouterr().err.startswith("sztext: error: --format akn")


def test_missing_file_is_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sztext: error: cannot read") and err.count("\n") == 1


def test_binary_file_is_decode_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    assert main(["parse", str(binary)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sztext: error:") and err.count("\n") == 1
    assert "binary input" in err or "implausible" in err or "neither UTF-8" in err


def test_check_passes_on_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *map(str, sorted(SAMPLES.glob("*.txt")))]) == 0
    out = capsys.readouterr().out
    assert out.count(": ok (") == 5


def test_check_fails_on_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["check", str(empty)]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_schema_is_json_schema(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsysbinary.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "doc_number" in schema["properties"]


def test_usage_error_exits_2() -> None:
    proc = subprocess.run([sys.executable, "-m", "sztext", "parse"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "usage" in proc.stderr


def test_text_prints_what_spans_index(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(SAMPLES / "000_7295ffc925fab055.txt")]) == 0
    assert capsys.readouterr().out == (SAMPLES / "000_7295ffc925fab055.txt").read_text(encoding="utf-8")


def test_batch_says_what_a_scan_did_not_take(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # every input format is taken (.md and .markdown too); the rest is counted per reason, with
    # the first step a file needs, and --list-skipped names each
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    text = (SAMPLES / "000_7295ffc925fab055.txt").read_text(encoding="utf-8")
    for name in ("a.txt", "b.md", "sub/c.markdown", "d.TXT"):
        (src / name).write_text(text, encoding="utf-8")
    for name in ("scan1.png", "scan2.JPG", "old.doc", "sheet.xlsx", "README"):
        (src / name).write_bytes(b"x")
    (src / "sub" / "gone.txt").symlink_to(src / "nowhere.txt")
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--list-skipped", "--no-progress", "--format", "jsonl"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("sztext batch: 4 inputs (0 resumed), 4 documents, 0 errors")
    assert err[1] == (
        "sztext batch: not taken: 1 dangling symlink, 1 suffix (none), 1 suffix .doc (legacy Word: convert it to .docx), "
        "1 suffix .jpg (an image: run OCR first), 1 suffix .png (an image: run OCR first), 1 suffix .xlsx"
    )
    listed = sorted(line.split("\t") for line in err if line.startswith("skipped\t"))
    assert listed == sorted([
        ["skipped", "suffix (none)", str(src / "README")], ["skipped", "suffix .doc (legacy Word: convert it to .docx)", str(src / "old.doc")],
        ["skipped", "suffix .png (an image: run OCR first)", str(src / "scan1.png")], ["skipped", "suffix .jpg (an image: run OCR first)", str(src / "scan2.JPG")],
        ["skipped", "suffix .xlsx", str(src / "sheet.xlsx")], ["skipped", "dangling symlink", str(src / "sub" / "gone.txt")],
    ])
