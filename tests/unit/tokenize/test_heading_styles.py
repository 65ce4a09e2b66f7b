"""Every line-start style of grammars/headings.toml opens its own outline node: the heading shapes
live only in the headings section (Grammar.headings), which both the line classifier and
tokenize ask. Before, segment knew 4 styles of its own, and a line of another style that ends
like an enclosed text's title (…标准, …措施) was typed ENCLOSED_TITLE and run into the previous node.
"""

from __future__ import annotations

import sztext
from sztext.normalize import normalize
from sztext.segment import DocumentRange, LineKind, classify, split_lines
from sztext.tokenize import tokenize

from shared_fixtures import outline




def test_arabic_paren_headings_ending_like_a_title_are_nodes(grammar: sztext.Grammar) -> None:
    # devcorpus 0069 (石化行业智能制造标准体系建设指南, 工业和信息化部), lines 279-284
    text069 = (
        "一、智能装备标准\n"
        "（1）传感器与仪器仪表标准\n"
        "主要包括面向石化复杂生产过程中的微型化、智能化、\n"
        "（2）自动识别设备标准\n"
        "主要包括石化专有自动识别设备的数据编码、接口规范\n"
    )
    # devcorpus 0030 (化工行业智能制造标准体系建设指南), lines 32-37
    text030 = (
        "1.资产数据及模型标准\n"
        "(1)资产数据及模型标准\n"
        "资产数据及模型标准包括化工智能工厂设计、智能工厂运行等标准。\n"
        "(2)市场数据及模型标准\n"
        "市场数据及模型标准包括市场分析、营销分析与产品策略分析等标准。\n"
    )
    assert outline(sztext.parse(text069, grammar=grammar)) == [
        (0, "section", "一、智能装备标准"),
        (1, "subitem", "（1）传感器与仪器仪表标准"),
        (1, "subitem", "（2）自动识别设备标准"),
    ]
    assert outline(sztext.parse(text030, grammar=grammar)) == [
        (0, "item", "1.资产数据及模型标准"),
        (1, "subitem", "(1)资产数据及模型标准"),
        (1, "subitem", "(2)市场数据及模型标准"),
    ]


def test_part_heading_with_a_title_ending_is_a_node(grammar: sztext.Grammar) -> None:
    # 第X编 is a style of headings.toml (its example: 第一编 总则); no devcorpus file has one,
    # so the line is the example's shape under a heading that ends like a title (…保障措施)
    text = "第一编 总则\n为了规范管理，制定本办法。\n第二编 保障措施\n各部门要做好保障。\n"
    v = normalize(text, grammar)
    kinds = [classify(v.text, ln, grammar)[0] for ln in split_lines(v.text)]
    assert kinds == [LineKind.HEADING, LineKind.TEXT, LineKind.HEADING, LineKind.TEXT]
    blocks = tokenize(v, DocumentRange(0, len(v.text)), grammar)
    assert [(b.style, b.number) for b in blocks if b.style] == [("headings.part", 1), ("headings.part", 2)]
    assert outline(sztext.parse(text, grammar=grammar)) == [(0, "part", "第一编 总则"), (0, "part", "第二编 保障措施")]


def test_every_line_start_style_is_a_heading_line(grammar: sztext.Grammar) -> None:
    """The first example of each line-start rule, alone on a line, is typed HEADING and cut by
    tokenize with that rule's style: a style added to the TOML needs no Python."""
    h = grammar.headings
    assert h.line, "headings.toml has line-start rules"
    for rule in h.line:
        example = rule.spec.examples[0].text
        v = normalize(example + "\n", grammar)
        (line,) = split_lines(v.text)[:1]
        assert classify(v.text, line, grammar)[0] is LineKind.HEADING, (rule.id, example)
        blocks = tokenize(v, DocumentRange(0, len(v.text)), grammar)
        assert blocks[0].style == rule.id, (rule.id, example, blocks[0])


def test_a_number_that_is_no_style_is_not_a_heading(grammar: sztext.Grammar) -> None:
    # corpus 0041 (卫生部 诊疗科目 notice): 04.01普通外科专业 — 04. was a heading start in segment's
    # own list but is no style of headings.toml; its output is the same as before (no node)
    v = normalize("04.01普通外科专业\n", grammar)
    assert classify(v.text, split_lines(v.text)[0], grammar)[0] is LineKind.TEXT


def test_a_sequel_counts_headings_across_page_furniture(grammar: sztext.Grammar) -> None:
    """Lines holding no anchor of a mid-line rule (a page's menu: 设为首页/工作邮箱/搜索 of
    国家能源局江苏监管办公室, devcorpus 0239; 下载文字版/政策解读 of 重庆市经济和信息化委员会, corpus
    0042) skip the mid-line rules in one scan, and the numbering a sequel continues still counts
    the line-start heading before them: 二、 after 一、 opens a node (headings.toml's example of
    国家电网, devcorpus 0229), 四、 with no 三、 before it does not."""
    for menu in ("设为首页\n工作邮箱\n搜索\n", "下载文字版\n下载图片版\n政策解读\n"):
        text = "一、总体要求\n" + menu + "自文件印发之日起至2021年1月8日止二、对象范围总部各部门\n"
        v = normalize(text, grammar)
        blocks = tokenize(v, DocumentRange(0, len(v.text)), grammar)
        assert [(b.style, b.number, v.text[b.marker_start : b.marker_end]) for b in blocks if b.style] == [
            ("headings.cn_comma", 1, "一、"), ("headings.cn_comma", 2, "二、"),
        ]
        skipped = text.replace("二、对象范围", "四、对象范围")
        v = normalize(skipped, grammar)
        blocks = tokenize(v, DocumentRange(0, len(v.text)), grammar)
        assert [(b.style, b.number) for b in blocks if b.style] == [("headings.cn_comma", 1)]
        # 1　总则 … 2　组织机构和职责 (国家粮食应急预案, 国办函〔2005〕57号, corpus 0016): lines with no
        # anchor at all, so 2 opens a node only if 1 was counted when the mid-line rules were skipped
        text = "1\u3000总则\n" + menu + "2\u3000组织机构和职责\n"
        v = normalize(text, grammar)
        blocks = tokenize(v, DocumentRange(0, len(v.text)), grammar)
        assert [(b.style, b.number) for b in blocks if b.style] == [("headings.decimal_1", 1), ("headings.decimal_1", 2)]
