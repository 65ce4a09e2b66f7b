"""Segment rules on the real lines of two issuers each (project rule: a grammar rule rests on
examples from at least two issuers or publishers): the image file names a page scrape leaves in
the text, and the numbered items of an attachment list."""

from __future__ import annotations

import pytest

from sztext import load_grammar
from sztext.normalize import normalize
from sztext.segment import classify, logical_lines
from sztext.segment.text import debris_end

G = load_grammar()


@pytest.mark.parametrize(
    ("line", "debris"),
    [
        ("a.png深府办函〔2022〕71号", "a.png"),  # Shenzhen government pages (samples/004 l.1899)
        ("11.jpg", "11.jpg"),  # a consultancy's page reprinting Shenzhen cases (samples/002 l.285)
    ],
)
def test_an_image_file_name_is_page_debris(line: str, debris: str) -> None:
    assert line[: debris_end(line, G)] == debris


def test_a_number_after_an_image_file_name_is_kept() -> None:
    assert debris_end("1.5万元", G) == 0


@pytest.mark.parametrize(
    "text",
    [
        # 北京市发展和改革委员会 (corpus 0044)
        "特此通知。\n附件：1.申报项目信息表\n2.各区发展改革委联系方式",
        # 广州市卫生健康委员会 (corpus 0024)
        "为有序推进家庭医生签约服务高质量发展创造良好的社会氛围。\n附件：1.广州市家庭医生签约服务质量监测指标体系（2023年）\n"
        "2.关于推进广州市家庭医生签约服务高质量发展工作的任务分工表",
        # 广州市医疗保障局 (corpus 0020)
        "同时废止。\n附件：1. 广州市社会医疗保险门诊特定病种范围、最高支付限额标准及审核确认有效期\n2. 广州市社会医疗保险门诊特定病种准入标准",
    ],
)
def test_the_second_item_under_an_attachment_head_is_an_attachment(text: str) -> None:
    view = normalize(text, G).text
    kinds = [classify(view, ln, G)[0].value for ln in logical_lines(view, G)]
    assert kinds[1:] == ["attachment", "attachment"]


def test_a_numbered_line_without_the_attachment_head_is_a_heading() -> None:
    view = normalize("请认真贯彻执行。\n2.各区发展改革委联系方式", G).text
    assert [classify(view, ln, G)[0].value for ln in logical_lines(view, G)][1] == "heading"
