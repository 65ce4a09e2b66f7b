"""A table of contents written without dot leaders and page numbers (issue 15, "Measures": a
table of contents is not measures): a run of heading lines that the body repeats later, word for
word, is a contents list; the headings of the body stay headings."""

from __future__ import annotations

import sztext

from shared_fixtures import outline

# devcorpus 0034 (国家智能制造标准体系建设指南（2015年版）, 工业和信息化部 国家标准化管理委员会),
# lines 10-19 (the title and the 目录, shortened to its first part) and 27-35 (the opening
# paragraph and the body, their sentences shortened)
TOC_0034 = (
    "国家智能制造标准体系建设指南（2015年版）\n"
    "（2015年12月）\n"
    "　　目录\n"
    "　　一、 总体要求 \n"
    "　　（一） 指导思想 \n"
    "　　（二） 基本原则 \n"
    "　　（三） 建设目标 \n"
    "　　二、 建设思路 \n"
    "　　（一） 智能制造系统架构 \n"
    "　　（二） 智能制造标准体系结构图 \n"
    "　　附件1：智能制造相关名词术语和缩略语\n"
)
BODY_0034 = (
    "　　加快推进智能制造，是实施《中国制造2025》的主攻方向。\n"
    "一、总体要求\n"
    "　　（一） 指导思想\n"
    "　　充分发挥标准在推进智能制造发展中的基础性和引导性作用。\n"
    "　　（二） 基本原则\n"
    "　　统筹规划，分类施策。\n"
    "　　（三） 建设目标\n"
    "　　根据当前制造业发展现状，智能制造标准体系将在5年内建成并逐步完善。\n"
    "二、建设思路\n"
    "　　国家智能制造标准体系按照“三步法”原则建设完成。\n"
    "　　（一） 智能制造系统架构\n"
    "　　智能制造系统架构通过生命周期、系统层级和智能功能三个维度构建完成。\n"
)


def test_contents_lines_that_the_body_repeats_are_not_headings(grammar: sztext.Grammar) -> None:
    # （二） 智能制造标准体系结构图 has no heading of its words in the body: it stays in the contents
    assert outline(sztext.parse(TOC_0034 + BODY_0034, grammar=grammar)) == [
        (0, "section", "一、总体要求"),
        (1, "subsection", "\u3000\u3000（一） 指导思想"),
        (1, "subsection", "\u3000\u3000（二） 基本原则"),
        (1, "subsection", "\u3000\u3000（三） 建设目标"),
        (0, "section", "二、建设思路"),
        (1, "subsection", "\u3000\u3000（一） 智能制造系统架构"),
    ]


def test_heading_lines_the_body_does_not_repeat_stay_headings(grammar: sztext.Grammar) -> None:
    # the same six lines without the body after them: nothing repeats, they are an outline
    got = outline(sztext.parse(TOC_0034, grammar=grammar))
    assert [row[2] for row in got if row[0] == 0] == ["\u3000\u3000一、 总体要求 ", "\u3000\u3000二、 建设思路 "]
