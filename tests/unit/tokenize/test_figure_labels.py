"""A bare-number line (headings.decimal_1, ``1　总则``) opens a node only as 1 or as the next number
after the last such heading: a figure label whose 图 the PDF text lost is text (issue 15,
"Measures": figure labels are not measures)."""

from __future__ import annotations

from pathlib import Path

import sztext

from shared_fixtures import outline

# devcorpus 0094 (国家智能制造标准体系建设指南（2021 版）, 工业和信息化部 国家标准化管理委员会),
# lines 201-208: the label of 图 4 lost its 图 (``如图 4 所示`` two lines before it)
TEXT_0094 = (
    "四、建设内容\n"
    "（一）基础共性标准\n"
    "主要包括通用、安全、可靠性、检测、评价、人员能力\n"
    "等 6 个部分，如图 4 所示。主要用于统一智能制造相关概念。\n"
    "解决智能制造基础共性关键问题。\n"
    "4 基础共性标准子体系\n"
    "10\n"
    "1. 通用标准\n"
    "主要包括术语定义、参考模型、元数据与数据字典、标\n"
)


def test_a_figure_label_out_of_sequence_is_no_heading(grammar: sztext.Grammar) -> None:
    assert [row[2] for row in outline(sztext.parse(TEXT_0094, grammar=grammar))] == [
        "四、建设内容", "（一）基础共性标准", "1. 通用标准",
    ]


def test_bare_numbers_in_sequence_stay_headings(grammar: sztext.Grammar, shared_dir: Path) -> None:
    # corpus 0016 (国家粮食应急预案, 国办函〔2005〕57号, 国务院办公厅): its 目录 (no leaders) and body
    # give 1　总则 … 7　附则 once each, in order
    notice = sztext.parse_file(shared_dir / "corpus" / "0016_gov_cn_guobanhan_2005_57.html", grammar=grammar)[0]
    assert [str(n.marker) for n in notice.body if n.marker is not None] == ["1", "2", "3", "4", "5", "6", "7"]
