"""Two-digit section numbers 01 / 02 … alone on a line with a short heading (headings.zero_padded):
a statistical bulletin (江西省统计局, devcorpus 0282) and a WeChat-edited explainer page (广州, 0271),
whose heading sections the HTML loader now keeps (sztext.load.html._widened)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DOCS = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"


def _tops(n: sztext.Notice) -> list[tuple[str | None, int | None]]:
    return [(node.marker, node.number) for node in n.body if node.marker is not None]


def _file(prefix: str) -> sztext.Notice:
    if not DOCS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    n = sztext.parse_file(next(DOCS.glob(prefix + "_*")))[0]
    n.verify()
    return n


def test_bulletin_sections_01_to_12() -> None:
    n = _file("0282")  # 01综合 / 02农业 / … / 12 (江西省2022年国民经济和社会发展统计公报)
    assert [m for m, _ in _tops(n)] == [f"{k:02d}" for k in range(1, 13)]
    assert [k for _, k in _tops(n)] == list(range(1, 13))
    assert n.body[[node.marker for node in n.body].index("02")].heading == "农业"


def test_wechat_page_headings_are_kept_and_numbered() -> None:
    n = _file("0271")  # 01 什么是电子居住证？ … 04 如何使用电子居住证？
    assert _tops(n) == [("01", 1), ("02", 2), ("03", 3), ("04", 4)]
    assert n.body[[node.marker for node in n.body].index("01")].heading == "什么是电子居住证？"


def test_two_digit_numbers_in_text_open_no_heading() -> None:
    # a count (12个区), a figure in a sentence and a number out of sequence are text
    n = sztext.parse("某某情况\n12个区完成任务\n01综合\n全年地区生产总值比上年增长4.7%。\n05农业\n02农业\n")
    assert _tops(n) == [("01", 1), ("02", 2)]
