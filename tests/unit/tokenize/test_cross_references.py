"""A （X） followed by 项 is a cross-reference, not a heading (headings.cn_paren, headings.cn_paren_midline).

Real lines: 住房和城乡建设部 智能建造试点 (devcorpus 0088: 其中第（一）至（四）项为必选任务, in one line) and
济南市工业和信息化局 等 (0144: 附件2中第（五） / （十二）项规定提供相关材料, broken over two lines).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

SHARED = Path(__file__).resolve().parents[4] / "shared"

PILOT = (
    "　　三、试点任务\n"
    "　　试点城市重点开展以下工作，其中第（一）至（四）项为必选任务，第（五）至（八）项可结合地方实际自主选择。\n"
    "　　（一）完善政策体系。出台推动智能建造发展的政策文件或发展规划。\n"
    "　　（二）培育智能建造产业。建设智能建造产业基地，完善产业链。\n"
)


def test_a_reference_inside_a_line_opens_no_node() -> None:
    notice = sztext.parse(PILOT)
    notice.verify()
    assert [(n.marker, n.path) for n in notice.nodes() if n.marker] == [("三、", "3"), ("（一）", "3.1"), ("（二）", "3.2")]


def test_a_reference_broken_over_lines_opens_no_node() -> None:
    if not (SHARED / "devcorpus").is_dir():
        pytest.skip("no shared devcorpus")
    # (the file's 济南市 办法 ends at its 版记, …2022年3月10日印发; a 工业和信息化部 notice on 内河船舶 follows it: two documents)
    notice = sztext.parse_file(next((SHARED / "devcorpus" / "docs").glob("0144_*")))[0]
    markers = [n.text[:12] for n in notice.nodes() if n.marker and n.text.lstrip().startswith("（十二）项")]
    assert markers == []
    # the line still belongs to its article: no character is dropped
    assert any("（十二）项规定提供相关材料" in n.text for n in notice.nodes())


@pytest.mark.parametrize(
    ("text", "article"),
    [
        (  # 河南省 (devcorpus 0406, 第四十六条): the real sentence, wrapped before （四）项 as a fixed-width text wraps
            "# 河南省实施《中华人民共和国农产品质量安全法》办法\n\n第四十六条 违反本办法第三十二条第\n"
            "（四）项规定，使用保鲜剂、防腐剂、添加剂等材料不符合国家有关强制性的技术规范的，责令停止销售。\n",
            "第四十六条",
        ),
        (  # 交通部 1966 (devcorpus 0315, the second paragraph of 第八条, opened here with its article): ASCII brackets
            "# 国境河流外国籍船舶管理办法\n\n第八条 船舶在遇险或发生意外事故时，可启用本条前款\n"
            "(二)项所列的物品，但启用后应立即向港务监督报告。\n",
            "第八条",
        ),
    ],
)
def test_a_wrapped_reference_of_other_issuers_opens_no_node(text: str, article: str) -> None:
    notice = sztext.parse(text)
    notice.verify()
    assert [n.marker for n in notice.nodes() if n.marker] == [article]
