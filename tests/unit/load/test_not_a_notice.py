"""Random bytes and non-Chinese text are not silently taken for a notice (issue 16)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import sztext
from sztext.load import decode

ROOT = Path(__file__).resolve().parents[3]
LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n" * 5
ENGLISH = "Notice of the State Council on Issuing the Plan\nTo all provincial governments:\nThe plan is hereby issued.\n"


def test_random_blobs_are_decode_errors() -> None:
    rng = random.Random(16)
    accepted = []
    for _ in range(2_000):
        blob = bytes(rng.randrange(256) for _ in range(20))
        try:
            accepted.append(decode(blob)[1])
        except sztext.DecodeError:
            pass
    assert len(accepted) <= 10  # of 2,000 (was 9%: about 190, most read as UTF-16 Hangul and private use)


def test_real_gb18030_big5_and_utf16_still_decode() -> None:
    line = "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府，市政府直属各单位：\n"
    assert decode(line.encode("gb18030"))[:2] == (line, "gb18030")
    big5 = "廣州市人民政府辦公廳關於印發實施方案的通知\n穗府辦規〔2021〕7號\n各區人民政府：\n"
    assert decode(big5.encode("big5"))[:2] == (big5, "big5")
    assert decode(line.encode("utf-16-le"))[:2] == (line, "utf-16")


@pytest.mark.parametrize("text", [LOREM, ENGLISH], ids=["lorem", "english"])
def test_text_without_chinese_is_flagged_not_a_notice(text: str, tmp_path: Path) -> None:
    notice = sztext.parse(text)
    notice.verify()
    [warning] = [w for w in notice.warnings if w.code == "not_a_notice"]
    assert warning.span == (0, len(text))
    path = tmp_path / "lorem.txt"
    path.write_text(text, encoding="utf-8")
    assert "not_a_notice" in [w.code for n in sztext.parse_file(path) for w in n.warnings]


def test_notices_are_not_flagged() -> None:
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for notice in sztext.parse_file(path):
            assert "not_a_notice" not in [w.code for w in notice.warnings], (path.name, notice.source.index)
