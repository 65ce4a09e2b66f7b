"""Addressee lines split into one value per body (issue 14): at ，and ；, and at 、 only between
distinct bodies. Every line is quoted from a real notice (the file named is the example)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

SHARED = Path(__file__).resolve().parents[4] / "shared"


def _addressees(line: str) -> list[str]:
    text = f"某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n{line}\n现将有关事项通知如下。\n某某市人民政府\n2024年5月18日\n"
    return [a.text for a in sztext.parse(text).addressees]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 国务院 and 国务院办公厅 notices on gov.cn (devcorpus 0001, corpus 0002)
        ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
        # Guangzhou pages (corpus 0018, 0019)
        ("各区人民政府，市政府各部门、各直属机构：", ["各区人民政府", "市政府各部门", "各直属机构"]),
        ("各区、县（市）人民政府，市政府各部门、各直属机构：", ["各区、县（市）人民政府", "市政府各部门", "各直属机构"]),
        # 国家医疗保障局办公室 (corpus 0039)
        ("各省、自治区、直辖市及新疆生产建设兵团医疗保障局：", ["各省、自治区、直辖市及新疆生产建设兵团医疗保障局"]),
        # 劳动和社会保障部 (corpus 0038)
        ("各省、自治区、直辖市劳动和社会保障厅（局）：", ["各省、自治区、直辖市劳动和社会保障厅（局）"]),
        # Shenzhen (samples/004): a 、 inside brackets never cuts
        ("各区人民政府（新区管委会、深汕特别合作区管委会），市政府直属各单位：", ["各区人民政府（新区管委会、深汕特别合作区管委会）", "市政府直属各单位"]),
        # 龙岩市工业和信息化局 (corpus 0035)
        ("各县(市、区)工信科技局,国网龙岩供电公司,有关发电企业:", ["各县(市、区)工信科技局", "国网龙岩供电公司", "有关发电企业"]),
        # distinct bodies joined by 、 stay apart (国务院办公厅, corpus 0008)
        ("黑龙江省人民政府、教育部、外交部：", ["黑龙江省人民政府", "教育部", "外交部"]),
    ],
)
def test_addressee_line_splits_between_bodies(line: str, expected: list[str]) -> None:
    assert _addressees(line) == expected


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("devcorpus/docs/0001_central_guofa_2019_5_frag.html", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
        ("corpus/0018_guangzhou_suifubangui_2021_7.html", ["各区人民政府", "市政府各部门", "各直属机构"]),
        ("corpus/0039_nhsa_yibaobanhan_2025_82_pdftext.txt", ["各省、自治区、直辖市及新疆生产建设兵团医疗保障局"]),
    ],
)
def test_addressees_of_real_files(path: str, expected: list[str]) -> None:
    notices = sztext.parse_file(SHARED / path)
    assert [a.clean for a in notices[0].addressees] == expected
