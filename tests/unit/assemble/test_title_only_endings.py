"""doctypes.title_only_suffix: a 公文-shaped title ending in 公示 is the title, with doc_type null (公示 is
outside the doc_type vocabulary), on the real opening lines of two issuers (tests/devcorpus/extra
e141 四川省精神文明建设办公室, e149 海南省爱国卫生运动委员会办公室; dev files)."""

from __future__ import annotations

import pytest

import sztext
from sztext.grammar import load_grammar
from sztext.segment.kinds import LineKind
from sztext.segment.text import title_kind

SICHUAN = (
    "关于第四届四川省省级文明城市候选城市及第三届四川省省级文明城市示范城市复查合格城市名单的公示\n"
    "  根据《四川省文明城市(区)、文明县城创建与管理暂行办法》(川委办〔2006〕2号)规定,省级文明城市每三年一届。\n"
    "      四川省精神文明建设办公室\n      2017年5月25日\n"
)
HAINAN = (
    "海南省爱国卫生运动委员会办公室关于拟命名陵水黎族自治县城为“海南省卫生县城”的公示\n\n"
    "20.01.2016  15:22\n\n"
    "根据《海南省卫生城市、卫生镇(县城)、卫生村申报及考核管理办法》的有关规定,现予以公示。\n"
)


@pytest.mark.parametrize("text", [SICHUAN, HAINAN])
def test_a_notice_of_publicity_is_titled_without_a_type(text: str) -> None:
    n = sztext.parse(text)
    first = text.split("\n", 1)[0]
    assert n.title is not None and n.title.clean == first
    start, end = n.title.span
    assert text[start:end] == n.title.text
    assert n.doc_type is None


def test_a_line_ending_in_the_word_without_a_title_shape_is_no_title() -> None:
    grammar = load_grammar()
    assert title_kind("三、拟命名城市名单公示", grammar) is not LineKind.TITLE
    assert title_kind("结果公示", grammar) is None
