"""header.number_after_furniture: a page dump's 文号 line under the furniture the header stops at
(a posting stamp, a site's 作者/下载地址 lines, the 版头 and the title printed again), on the real
head lines of three issuers (tests/devcorpus/extra e112, e109, e151; dev files)."""

from __future__ import annotations

import pytest

import sztext

QIQIHAER = (  # 齐齐哈尔市人民政府办公室 (e112)
    "齐齐哈尔市人民政府办公室关于印发《齐齐哈尔市环境污染和生态破坏突发事件应急预案》的通知\n"
    "上载日期: 2019-11-21 来源: 市人民政府办公室\n\n"
    "齐政办规〔2019〕13号\n\n \n\n"
    "各县(市)、区人民政府,市政府各委、办、局,各有关单位:\n"
    "  经市政府同意,现将《齐齐哈尔市环境污染和生态破坏突发事件应急预案》(2019年修订)印发给你们,请认真贯彻执行。\n"
)
XINJIANG = (  # 新疆维吾尔自治区人民政府 (e109)
    "关于印发《新疆维吾尔自治区关于进一步做好稳就业工作的实施意见》的通知\n\n"
    "来源:新疆政府网 发布时间:2020年03月25日 11:31 浏览次数:\n\n"
    "新疆维吾尔自治区人民政府\n\n文件\n\n新政发〔2020〕16号\n\n"
    "关于印发《新疆维吾尔自治区关于进一步\n\n做好稳就业工作的实施意见》的通知\n\n"
)
JIAN = (  # 江西省吉安市人民政府办公室 (e151, a 法律资料网 page)
    "吉安市市本级政务公开工作实施细则\n\n"
    "作者:法律资料网 时间:2024-07-06 00:54:58  浏览:9107   来源:法律资料网\n"
    "下载地址: 点击此处下载\n\n"
    "吉安市市本级政务公开工作实施细则\n\n"
    "江西省吉安市人民政府办公室\n\n\n"
    "关于印发吉安市市本级政务公开工作实施细则的通知\n"
    "( 吉府发〔2003〕37号 )\n\n"
    "市政府各部门,市直各单位:\n\n"
    "现将《吉安市市本级政务公开工作实施细则》印发给你们,请遵照执行。\n"
)


@pytest.mark.parametrize(
    ("text", "number"),
    [(QIQIHAER, "齐政办规〔2019〕13号"), (XINJIANG, "新政发〔2020〕16号"), (JIAN, "吉府发〔2003〕37号")],
)
def test_number_under_page_furniture(text: str, number: str) -> None:
    n = sztext.parse(text)
    assert n.doc_number is not None and n.doc_number.clean == number
    start, end = n.doc_number.span
    assert text[start:end] == n.doc_number.text


def test_a_number_after_the_text_starts_is_not_the_documents() -> None:
    # the same page with the 文号 printed after the 主送 line and the text's first sentence: a
    # quoted or forwarded document's number, not this one's
    text = QIQIHAER.replace("齐政办规〔2019〕13号\n\n \n\n", "") + "\n齐政办规〔2016〕5号\n"
    n = sztext.parse(text)
    assert n.doc_number is None
