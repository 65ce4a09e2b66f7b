"""Integers of 2**64 or more (10000亿亿元 = 10**20 yuan) are written as exact JSON integers by
every writer: parse CLI, batch, Dask. orjson refused them (TypeError: Integer exceeds 64-bit range)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sztext
from sztext.cli import main
from sztext.export.json import dumps, dumps_jsonl_line

TEXT = "关于资金安排的通知\n各区人民政府：\n一、安排资金10000亿亿元。\n"


def test_dumps_writes_huge_integers_exactly() -> None:
    assert dumps({"value": 10**20}) == b'{"value":100000000000000000000}'
    assert dumps({"v": 1, "s": "中文"}) == b'{"v":1,"s":"\xe4\xb8\xad\xe6\x96\x87"}'


def test_a_notice_with_a_huge_amount_is_written() -> None:
    notice = sztext.parse(TEXT)
    assert [a.value for a in notice.amounts] == [10**20]
    record = json.loads(dumps_jsonl_line(notice))
    assert record["amounts"][0]["value"] == 10**20


def test_cli_parse_and_batch_write_it(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    src = tmp_path / "big.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["parse", str(src)]) == 0
    assert b"100000000000000000000" in capsysbinary.readouterr().out
    from sztext.batch import run_batch

    run_batch([str(src)], tmp_path / "out", jobs=1, formats=("jsonl",), progress=False)
    lines = (tmp_path / "out" / "notices.jsonl").read_bytes().splitlines()
    assert json.loads(lines[0])["amounts"][0]["value"] == 10**20
