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
    # the same lines without their 目录 label and without the body after them: nothing repeats and
    # nothing calls them contents, they are an outline
    got = outline(sztext.parse(TOC_0034.replace("\u3000\u3000目录\n", ""), grammar=grammar))
    assert [row[2] for row in got if row[0] == 0] == ["\u3000\u3000一、 总体要求 ", "\u3000\u3000二、 建设思路 "]


# devcorpus 0154 (青岛市, 人工智能产业园房租补贴), lines 62-137 without their blank lines:
# each article repeats （一）申报条件 and 1.申报主体是…企业； word for word, with no text between the heading lines. Lines that hold a
# sentence (；。) are no contents entries, so no run of them is taken for a 目录.
ARTICLES_0154 = (
    "\u3000\u3000第七条\u2002\u3000\u2002经认定新入驻园区的人工智能企业，租赁自用办公场所和生产经营场地面积超过300平方米（含）的，给予最长五年的房租补贴，其中前两年100%、后三年50%，单个企业累计补贴金额不超过1000万元，补贴期间不得转租。（责任单位：崂山区政府）\n"
    "\u3000\u3000（一）申报条件\n"
    "\u3000\u30001.申报主体是2023年2月22日以后注册成立或迁址（迁入企业原注册地需在崂山区外）、经专家评审及园区管理机构研究同意且已入驻园区内崂山区政府指定发展载体的人工智能企业；\n"
    "\u3000\u30002.申报主体上一年度租赁自用办公场所和生产经营场地面积超过300平方米（含）；\n"
    "\u3000\u30003.申报主体已签订招商协议的，应达到招商协议履约条件。\n"
    "\u3000\u3000（二）申报材料\n"
    "\u3000\u30001.青岛市人工智能产业园房租补贴申请表；\n"
    "\u3000\u30002.申报主体已签订招商协议的，提供招商协议以及招商单位出具的项目履约情况证明；\n"
    "\u3000\u30003.房屋租赁合同及租金缴纳证明材料（含房租缴纳明细表以及对应的发票、付款凭证等）；\n"
    "\u3000\u30004.会计师事务所出具的企业年度财务审计报告；\n"
    "\u3000\u30005.申报资料真实性承诺书。\n"
    "\u3000\u3000（三）政策咨询\n"
    "\u3000\u3000青岛高科技工业园管委会，联系电话：0532-88999976。\n"
    "\u3000\u3000第八条\u2002\u3000\u2002经认定新入驻园区的人工智能企业，且年营业收入达到2000万元以上或年纳税额达到200万元以上、每年保持稳定增长的，给予五年100%房租补贴，单个企业累计补贴金额不超过1000万元，补贴期间不得转租。（责任单位：崂山区政府）\n"
    "\u3000\u3000（一）申报条件\n"
    "\u3000\u30001.申报主体是2023年2月22日以后注册成立或迁址（迁入企业原注册地需在崂山区外）、经专家评审及园区管理机构研究同意且已入驻园区内崂山区政府指定发展载体的人工智能企业；\n"
    "\u3000\u30002.年营业收入达到2000万元以上或年纳税额达到200万元以上、每年保持稳定增长；\n"
    "\u3000\u30003.申报主体已签订招商协议的，应达到招商协议履约条件。\n"
    "\u3000\u3000（二）申报材料\n"
    "\u3000\u30001.青岛市人工智能产业园房租补贴申请表；\n"
    "\u3000\u30002.申报主体已签订招商协议的，提供招商协议以及招商单位出具的项目履约情况证明；\n"
    "\u3000\u30003.房屋租赁合同及租金缴纳证明材料（含房租缴纳明细表以及对应的发票、付款凭证等）；\n"
    "\u3000\u30004.会计师事务所出具的企业年度财务审计报告；\n"
    "\u3000\u30005.企业增值税纳税申报表；\n"
    "\u3000\u30006.申报资料真实性承诺书。\n"
    "\u3000\u3000（三）政策咨询\n"
)


def test_repeated_items_that_are_sentences_stay_measures(grammar: sztext.Grammar) -> None:
    got = outline(sztext.parse(ARTICLES_0154, grammar=grammar))
    assert [row[2].strip("\u3000\u2002 ")[:4].strip() for row in got] == [
        "第七条", "（一）申", "1.申报", "2.申报", "3.申报", "（二）申", "1.青岛", "2.申报", "3.房屋", "4.会计",
        "5.申报", "（三）政", "第八条", "（一）申", "1.申报", "2.年营", "3.申报", "（二）申", "1.青岛", "2.申报",
        "3.房屋", "4.会计", "5.企业", "6.申报", "（三）政",
    ]


def _overlay(tmp_path, body: str) -> sztext.Grammar:  # type: ignore[no-untyped-def]
    (tmp_path / "headings.toml").write_text('version = 1\ndescription = "contents threshold"\n' + body, encoding="utf-8")
    return sztext.load_grammar(tmp_path)


def test_the_contents_run_threshold_is_read_from_headings_toml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 0034's 目录 has six heading lines the body repeats: with [table.contents] min_run = 7 they
    # are not a contents list any more, and its 一、 总体要求 opens the outline (its 目录 label taken
    # out: under a label, headings.toml toc_label, seven heading lines are a contents list)
    strict = _overlay(tmp_path, "[table.contents]\nmin_run = 7\n")
    got = outline(sztext.parse(TOC_0034.replace("\u3000\u3000目录\n", "") + BODY_0034, grammar=strict))
    assert [row[2] for row in got if row[0] == 0][:1] == ["\u3000\u3000一、 总体要求 "]
    loose = _overlay(tmp_path, "[table.contents]\nmin_run = 6\n")
    got = outline(sztext.parse(TOC_0034 + BODY_0034, grammar=loose))
    assert [row[2] for row in got if row[0] == 0] == ["一、总体要求", "二、建设思路"]


def test_a_bad_contents_threshold_fails_at_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    with pytest.raises(sztext.GrammarError, match="table.contents"):
        _overlay(tmp_path, "[table.contents]\nmin_run = 0\n")


# tests/devcorpus/extra e112 (齐齐哈尔市人民政府办公室, 齐政办规〔2019〕13号, qqhr.gov.cn): the enclosed 预案's
# 目 录, shortened to its first entries, and the excerpt's last line, the body's first heading
TOC_E112 = (
    "齐齐哈尔市环境污染和生态破坏突发事件应急预案\n\n(2019年修订)\n\n \n\n"
    "  目 录\n  1  总则\n  1.1编制目的\n  1.2编制依据\n  2 组织指挥体系及职责\n  2.1领导机构与职责\n"
    "  3 预警和预防机制\n  8  预案管理\n  8.3预案生效时间\n  1 总则\n"
)
# tests/devcorpus/extra e116 (阿拉善盟行政公署办公室, 阿署办发〔2007〕22号): the 细则's 目 录 and its first
# article, shortened
TOC_E116 = (
    "阿拉善盟行政公署办公室公文处理实施细则及文种式样\n目 录\n第一章 总则\n第二章 公文种类\n第三章 公文格式\n"
    "第八章 附则\n第一章 总则\n第一条 为使全盟行政机关公文处理工作规范化、制度化、科学化,制定本实施细则。\n"
)


def test_the_entries_under_a_contents_label_are_not_headings(grammar: sztext.Grammar) -> None:
    # the body does not repeat the entries (the excerpt ends at its first heading): the 目录 label
    # (headings.toml toc_label) makes them contents all the same
    assert [row[2].strip() for row in outline(sztext.parse(TOC_E112, grammar=grammar)) if row[0] == 0] == ["1 总则"]
    assert [row[2].strip() for row in outline(sztext.parse(TOC_E116, grammar=grammar)) if row[0] == 0] == ["第一章 总则"]
