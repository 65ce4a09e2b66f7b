"""One-line OCR letters that run an attachment's own text on after its label and title, with no
stop before its first heading (headings.toml cn_comma_attached_midline, arabic_dot_attached_midline):
the attachment's headings are first-level headings (docs/evaluation.md: enclosed texts included),
while a list of attachments (附件:1.…2.…) and a 回执's numbered notes stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DOCS = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"


def _tops(prefix: str) -> list[str]:
    if not DOCS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    n = sztext.parse_file(next(DOCS.glob(prefix + "_*")))[0]
    n.verify()
    return [node.marker or "" for node in n.body if node.marker is not None and node.number is not None]


@pytest.mark.parametrize(
    ("prefix", "tops"),
    [
        # …山东能源监管办2021年7月22日附件报告提纲1.2021年至今… 2.…5. (国家能源局山东监管办公室), in an 附件: line
        ("0182", ["1.", "2.", "3.", "4.", "5."]),
        # …违者追究法律责任。)附件2招聘高校毕业生信息公示建议模板一、录用人选公示模板 … *月*日二、公示期满后模板 (国网人资部)
        ("0224", ["一、", "二、"]),
        # 一、工作安排 二、工作要求, then …附件2…中报综述(模板)一、申报单位基本情况(限500字)二、…五、 (国网宣传部)
        ("0228", ["一、", "二、", "一、", "二、", "三、", "四、", "五、"]),
    ],
)
def test_an_attachment_run_on_after_its_title_opens_its_headings(prefix: str, tops: list[str]) -> None:
    assert _tops(prefix) == tops


@pytest.mark.parametrize(
    "prefix",
    [
        "0185",  # 附件省发展改革委专项课题座谈会报名回执会议时间:… 1.因省政府大院车位紧张… (a 回执's notes)
        "0225",  # 附件:1.2023年第一批…可研批复清单(国网天津电力) … 11.… (a list of attachments)
    ],
)
def test_attachment_lists_and_notes_stay_text(prefix: str) -> None:
    assert _tops(prefix) == []
