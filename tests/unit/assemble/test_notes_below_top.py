"""Numbered notes after the end of the outline are not top-level headings (sztext.assemble._below_top).

In a document whose top-level style is 一、, a lower list style (1. / 1．) met once no node is open
any more — after the signature and date, after 附件 — numbers the notes of a 回执 or a glossary, not
the document's outline. Real fragments: 工业和信息化部办公厅 《中小企业数字化转型指南》 (devcorpus
0072, 附件 名词解释) and 山东省人民政府办公厅 清洁取暖建设推进会议 (0212, single-line OCR, 回执).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext import Notice

SHARED = Path(__file__).resolve().parents[4] / "shared"

GLOSSARY = (
    "　　三、提升转型供给水平\n"
    "　　（一）增强供需匹配度\n"
    "　　互联网平台企业和数字化转型服务商等供给方主体，聚焦中小企业共性需求。\n"
    "　　四、加大转型政策支持\n"
    "　　（一）加强转型引导\n"
    "　　实施中小企业数字化转型促进工程，深入开展大中小企业“携手行动”。\n"
    "　　附件：名词解释\n"
    "　　附件\n"
    "　　名词解释\n"
    "　　1．订阅式产品服务：指在规定的期限内提供软件租借，用户通过向软件服务商支付一定的费用，获得一定时间内软件使用权。\n"
    "　　2．SaaS（软件即服务）：指一种基于互联网提供软件服务的应用模式。\n"
    "　　3．CAD（计算机辅助设计）：利用计算机及其图形设备帮助设计人员进行设计工作。\n"
)

def _top(notice: Notice) -> list[str]:
    return [n.marker.strip() for n in notice.body if n.marker is not None and n.number is not None]


def _parse(text: str) -> Notice:
    notice = sztext.parse(text)
    notice.verify()
    return notice


def test_glossary_after_attachment_label_is_no_top_heading() -> None:
    notice = _parse(GLOSSARY)
    assert _top(notice) == ["三、", "四、"]
    assert not [n for n in notice.nodes() if n.kind == "item"]  # the glossary's 1．2．3． are its text
    assert "订阅式产品服务" in notice.body[-1].text


@pytest.mark.parametrize("name", ["0072_*", "0212_*"])
def test_whole_documents(name: str) -> None:
    """0212 is one OCR line: 四、会议报名… 山东省人民政府办公厅2021年4月1日会议报名回执… 1.带车参会者… 2.不带车参会人员…"""
    if not (SHARED / "devcorpus").is_dir():
        pytest.skip("no shared devcorpus")
    (notice,) = sztext.parse_file(next((SHARED / "devcorpus" / "docs").glob(name)))
    assert _top(notice) == ["一、", "二、", "三、", "四、"]
    assert not [n for n in notice.body if n.kind == "item"]
