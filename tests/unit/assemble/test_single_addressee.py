"""A 主送 line that names one body whose name ends in no word header.addressee knows (issue 14, helper addr):
北京工业大学： over 《关于报送…的函》…收悉 (交通运输部's 函, devcorpus 0075), 融通基金管理有限公司： over 你公司报送的…收悉
(中国证监会's 批复, 0138); real lines ending in a colon inside a text are no such line."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.normalize import normalize
from sztext.segment.archive import segment_archive

SHARED = Path(__file__).resolve().parents[4] / "shared"


def _source(name: str) -> Path:
    if not (SHARED / "devcorpus").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return next((SHARED / "devcorpus" / "docs").glob(name))


def _addressees(name: str) -> list[str]:
    notice = sztext.parse_file(_source(name))[0]
    notice.verify()  # every value's text is its span of the source
    return [a.clean for a in notice.addressees]


def test_a_university_addressed_alone_over_the_opening() -> None:
    # title-less 北大法宝 body cell: 北京工业大学： / 《关于报送〈交通强国建设北京工业大学试点实施方案〉的函》（工大函〔2022〕38号）收悉。
    assert _addressees("0075_*") == ["北京工业大学"]


def test_a_company_addressed_alone_is_read_as_before() -> None:
    assert _addressees("0138_*") == ["融通基金管理有限公司"]


def test_a_titleless_cell_opened_by_its_single_addressee_starts_a_text() -> None:
    # the last article of 中华人民共和国劳动合同法实施条例 (0295, Markdown), then the 北大法宝 cell of 0075
    before = _source("0295_*").read_text(encoding="utf-8").strip()
    cell = _source("0075_*").read_text(encoding="utf-8").strip()
    text = before + "\n\n" + cell + "\n"
    grammar = sztext.load_grammar()
    view = normalize(text, grammar)
    starts = [view.to_source_start(r.start) for r in segment_archive(view, grammar)]
    assert text[starts[-1] :].startswith("北京工业大学：")
    assert len(starts) == 2


@pytest.mark.parametrize(
    "line",
    [
        "中国南方人才市场管理委员会办公室意见:",  # a form's label (广州市人力资源和社会保障局, corpus 0021)
        "在工作中做到:",  # 山东 pkulaw body, devcorpus 0046
        "补贴条件:",  # 广州 page, devcorpus 0258
        "为此,我们倡议:",  # devcorpus 0052
    ],
)
def test_a_body_line_ending_in_a_colon_is_no_single_addressee(line: str) -> None:
    rule = sztext.load_grammar().rule("header.addressee_single")  # runs on the view (half-width colon)
    assert rule.pattern.match("北京工业大学:") is not None
    assert rule.pattern.match(line) is None
