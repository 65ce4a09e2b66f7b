"""One document per document: lines that look like a new document's start but come before any
body text of the current one (a page's byline, a title set again or broken over lines, a second
decree note), form labels inside an attachment, and CRLF line ends. Real files of the dev corpus
(../shared/devcorpus), each class with examples from at least two issuers."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DEV = Path(__file__).parents[3].parent / "shared" / "devcorpus" / "docs"


def _one(number: str) -> sztext.Notice:
    if not DEV.is_dir():
        pytest.skip("../shared/devcorpus is not beside this checkout")
    path = next(DEV.glob(number + "_*"))
    notices = sztext.parse_file(path)
    assert len(notices) == 1, [n.source.span for n in notices]
    return notices[0]


@pytest.mark.parametrize(
    ("number", "title"),
    [
        # page byline after the article title: 发表时间：2026-04-29 09:22:29 信息来源：南方+ (Tianhe, Guangzhou)
        ("0249", "小学招生5月7日起网上报名！天河区义务教育阶段学校招生工作细则公布"),
        # page dump: title / 2018-09-29 16:45 / 来源：江苏能源监管办 (NEA Jiangsu office)
        ("0239", "关于开展江苏售电企业电力市场交易规则执行情况专项监管工作的通知"),
        # the title printed twice on a page dump (North China energy regulator; Sichuan office)
        ("0246", "华北能源监管局关于公示内蒙古电力调峰辅助服务市场模拟运行试结算报告的公告"),
        ("0248", "关于征求《四川自动发电控制辅助服务市场交易细则（试行）（2020年修订版）》（征求意见稿）意见的函"),
        # two decree lines under a regulation's title: …常务会议通过 / …国务院令第421号公布 (Markdown)
        ("0289", "企业事业单位内部治安保卫条例"),
        ("0291", "全民所有制小型工业企业租赁经营暂行条例"),
        # a title broken over lines: 国务院办公厅转发国家地震局 / 关于1997年地震趋势和加强防震减灾 / 工作意见报告的通知
        ("0016", "国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知"),
        # joint issuers above the title and the title over two lines (Guangzhou HRSS and police)
        ("0272", "广州市人力资源和社会保障局 广州市公安局关于印发广州市引进人才入户管理办法实施细则的通知"),
    ],
)
def test_header_lines_before_body_stay_in_the_document(number: str, title: str) -> None:
    notice = _one(number)
    assert notice.title is not None and notice.title.clean == title


def test_enclosed_report_stays_with_its_notice() -> None:
    # 国办发〔1997〕2号 forwards a report printed after its signature: 国务院办公厅 / 一九九七年二月四日 /
    # （本文有删减） / 关于1997年地震趋势和 / 加强防震减灾工作意见的报告
    notice = _one("0016")
    assert "加强防震减灾工作意见的报告" in notice.text


@pytest.mark.parametrize("number", ["0074", "0091"])
def test_attachment_form_labels_are_not_addressees_of_a_new_document(number: str) -> None:
    # 附件4-1 智能制造试点示范项目申报书 … 申报单位： / （盖章） / 推荐单位： (MIIT et al. 2022; SAMR and MIIT 2022)
    if not DEV.is_dir():
        pytest.skip("../shared/devcorpus is not beside this checkout")
    path = next(DEV.glob(number + "_*"))
    notices = sztext.parse_file(path)
    for n in notices:
        first = n.source_text[n.source.span[0] : n.source.span[1]].lstrip("\u3000 \r\n")
        assert not first.startswith(("申报单位", "推荐单位")), first[:20]


def test_crlf_lines_read_as_lines() -> None:
    # 北大法宝 export with CRLF (Beijing 京经信发〔2022〕87号): the addressee, signature and date lines
    # end in \r\n; before, the \r kept every one of them from being recognised and the enclosed
    # 指导意见 became a second document.
    notice = _one("0024")
    assert notice.doc_number is not None and notice.doc_number.text == "京经信发〔2022〕87号"
    assert notice.signed_date is not None and notice.signed_date.value.isoformat() == "2022-11-21"


def test_crlf_and_lf_give_the_same_structure() -> None:
    # A CRLF copy of a notice (shape of gov.cn archives and Windows exports) reads like the LF one.
    lf = "关于做好安全生产工作的通知\n各区人民政府，市政府各部门：\n一、总体要求\n做好工作。\n二、工作措施\n落实责任。\n深圳市人民政府\n2024年1月5日\n"
    a, b = sztext.parse(lf), sztext.parse(lf.replace("\n", "\r\n"))
    assert [m.marker for m in a.measures()] == [m.marker for m in b.measures()] == ["一、", "二、"]
    assert a.signed_date is not None and b.signed_date is not None and a.signed_date.value == b.signed_date.value
    assert [x.clean for x in a.addressees] == [x.clean for x in b.addressees]
    b.verify()
