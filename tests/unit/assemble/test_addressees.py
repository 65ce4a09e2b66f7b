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
        # sets of bodies sharing the function the last one names (人事部, devcorpus 0316)
        ("各省、自治区、直辖市人事（人事劳动）厅（局），国务院各部委、各直属机构人事（干部）部门：",
         ["各省、自治区、直辖市人事（人事劳动）厅（局）", "国务院各部委、各直属机构人事（干部）部门"]),
        # (中共山东省委保密委员会办公室, devcorpus 0210)
        ("各市党委保密委员会办公室(保密局)，省委各部委、省政府各部门、各人民团体、各高等院校保密委员会(保密工作领导小组)办公室:",
         ["各市党委保密委员会办公室(保密局)", "省委各部委、省政府各部门、各人民团体、各高等院校保密委员会(保密工作领导小组)办公室"]),
        # places sharing one head; 部管各社团 is a body (交通运输部, devcorpus 0041)
        ("各省、自治区、直辖市、新疆生产建设兵团及计划单列市、经济特区交通运输厅（局、委），天津市市政公路管理局，天津市、上海市交通运输和港口管理局，部属各单位，部内各单位，部管各社团，有关交通运输企业：",
         ["各省、自治区、直辖市、新疆生产建设兵团及计划单列市、经济特区交通运输厅（局、委）", "天津市市政公路管理局", "天津市、上海市交通运输和港口管理局",
          "部属各单位", "部内各单位", "部管各社团", "有关交通运输企业"]),
        # league bodies (共青团山东省直属机关工作委员会, devcorpus 0200)
        ("省直各部门各单位机关团委,直属团总支(支部):", ["省直各部门各单位机关团委", "直属团总支(支部)"]),
        # sectors sharing the 主管部门 the chain ends with (工业和信息化部办公厅 and 体育总局办公厅, devcorpus 0076;
        # 工业和信息化部 and four ministries, quoted in 0144); a part ending in a body's word stays apart
        ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、体育主管部门，有关单位：",
         ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、体育主管部门", "有关单位"]),
        ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、发展改革、财政、生态环境、交通运输主管部门，各有关单位：",
         ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、发展改革、财政、生态环境、交通运输主管部门", "各有关单位"]),
        ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团市场监管局（厅、委）、工业和信息化主管部门：",
         ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团市场监管局（厅、委）", "工业和信息化主管部门"]),
        # a 各委、办、厅、局 list is one addressee (header.addressee_bare_head): 内蒙古自治区人民政府 (tests/devcorpus/
        # extra e106, half-width punctuation as the page gives it), 齐齐哈尔市人民政府办公室 (e112), 山西省人民政府 (e108)
        ("各盟行政公署、市人民政府,各旗县人民政府,自治区各委、办、厅、局,各大企业、事业单位:",
         ["各盟行政公署", "市人民政府", "各旗县人民政府", "自治区各委、办、厅、局", "各大企业", "事业单位"]),
        ("各县(市)、区人民政府,市政府各委、办、局,各有关单位:", ["各县(市)、区人民政府", "市政府各委、办、局", "各有关单位"]),
        ("各市、县人民政府，省人民政府各委、办、厅、局：", ["各市、县人民政府", "省人民政府各委、办、厅、局"]),
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
        ("devcorpus/docs/0076_central_guobanfa_2022_9_pkulawbody.txt", ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、体育主管部门", "有关单位"]),
    ],
)
def test_addressees_of_real_files(path: str, expected: list[str]) -> None:
    notices = sztext.parse_file(SHARED / path)
    assert [a.clean for a in notices[0].addressees] == expected


def test_addressee_line_broken_over_two_lines() -> None:
    """PDF text breaks the 主送 line inside a name (广西壮族自治区能源局, devcorpus 0242: 广西电力交 / 易中心):
    the two lines are one addressee line, the name one value."""
    text = (
        "桂能电力〔2024〕275号\n广西壮族自治区能源局关于\n进一步优化调整低谷电力\n消纳交易有关事项的通知\n"
        "各设区市电力市场化交易主管部门, 广西电网公司、 广西电力交\n易中心, 各 市场主体:\n"
        "为进一步调动用户侧调节潜力，现对有关事项进行优化调整。\n"
    )
    n = sztext.parse(text)
    assert [a.clean for a in n.addressees] == ["各设区市电力市场化交易主管部门", "广西电网公司", "广西电力交易中心", "各 市场主体"]
    for a in n.addressees:
        assert text[a.span[0] : a.span[1]] == a.text

