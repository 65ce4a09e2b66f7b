"""A regulation text that starts at 第一条 and reaches 第二章 later: its 第一章 line is not printed,
so the articles before 第二章 are the first chapter's (an implied node: no marker, no heading, an
empty span), and 第二章 stays in the document's own part (before, its path was A1/2)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DOCS = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"


def test_articles_before_the_second_chapter_go_under_an_unprinted_first() -> None:
    if not DOCS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    # 浙江省实施《中华人民共和国农业技术推广法》办法 (LawRefBook record): 第一条 follows INFO END directly
    n = sztext.parse_file(next(DOCS.glob("0424_*")))[0]
    n.verify()
    tops = [node for node in n.body if node.kind == "chapter"]
    assert [(c.marker, c.path) for c in tops[:3]] == [(None, "1"), ("第二章", "2"), ("第三章", "3")]
    first = tops[0]
    assert first.heading is None and first.text == "" and first.span[0] == first.span[1]
    assert [(a.marker, a.path) for a in first.children] == [("第一条", "1.1"), ("第二条", "1.2"), ("第三条", "1.3"), ("第四条", "1.4"), ("第五条", "1.5")]
    assert first.children[0].span[0] == first.span[1]  # the outline still tiles the text


def test_sections_before_the_second_chapter_go_under_an_unprinted_first() -> None:
    if not DOCS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    # 城市公共交通智能化应用示范工程 建设指南 (交通运输部, 北大法宝 body): a preamble, 一、建设目的 … 七、建设任务,
    # then 第二章　系统架构 with its own 一、业务架构
    n = sztext.parse_file(next(DOCS.glob("0038_*")))[0]
    n.verify()
    heads = [node for node in n.body if node.marker is not None or node.kind == "chapter"]
    assert [(c.marker, c.path) for c in heads[:2]] == [(None, "1"), ("第二章", "2")]
    assert [c.marker for c in heads[0].children][:2] == ["一、", "二、"] and heads[0].children[-1].marker == "七、"
    assert heads[1].children[0].marker == "一、" and heads[1].children[0].path == "2.1"


def test_a_printed_first_chapter_and_a_list_style_are_left_alone() -> None:
    n = sztext.parse("第一章 总则\n第一条 为加强管理，制定本办法。\n第二章 附则\n第二条 本办法自公布之日起施行。\n")
    assert [(c.marker, c.path) for c in n.body] == [("第一章", "1"), ("第二章", "2")]
    # articles then a 第三章: not the shape of an unprinted 第一章 alone
    n = sztext.parse("第一条 为加强管理，制定本办法。\n第二条 适用范围。\n第三章 附则\n第三条 本办法自公布之日起施行。\n")
    assert [c.marker for c in n.body][:2] == ["第一条", "第二条"]
    # 1. items before 二、 are not wrapped: only regulation styles (章, 节, 编) imply their first
    n = sztext.parse("关于某事的通知\n1.加强领导。\n2.落实责任。\n二、保障措施\n")
    assert "1." in [c.marker for c in n.body]
    # an enclosed text's own 第一章 after a notice's 一、 二、: nothing is implied
    n = sztext.parse("关于某事的通知\n一、总体要求\n二、工作措施\n第一章 总则\n第一条 为加强管理。\n第二章 附则\n")
    assert [c.marker for c in n.body if c.marker][:3] == ["一、", "二、", "第一章"]
