"""Single-line OCR notices (issue 14): the whole header on one line with no 版头 run into the 文号 —
the title first (…关于…的函省有关部门、单位:), or the 文号 first (鲁委〔2021〕145号中共山东省委…), or a
telegram's 发电 header (…明电鲁政办发明电〔2021〕1号鲁机发号…). Joint signatures run together without
spaces are cut where the place they start with starts again. Each case is a real file (devcorpus,
tuned part) or a line quoted from one."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DEV = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"


def _one(name: str) -> sztext.Notice:
    if not DEV.is_dir():
        pytest.skip("../shared/devcorpus is not beside this checkout")
    notices = sztext.parse_file(next(DEV.glob(f"{name}*")))
    assert len(notices) == 1
    return notices[0]


@pytest.mark.parametrize(
    ("name", "title", "doc_number", "doc_type", "addressees", "issuers", "signed"),
    [
        # 文号 first: 鲁委〔2021〕145号中共山东省委山东省人民政府关于…的通知各市党委和人民政府，…:…中共山东省委山东省人民政府2021年2月14日
        ("0194", "中共山东省委山东省人民政府关于调整中共山东省委外事工作委员会办公室设置形式的通知", "鲁委〔2021〕145号", "通知",
         ["各市党委和人民政府", "省委和省政府各部门(单位)", "各人民团体", "各高等院校"], ["中共山东省委", "山东省人民政府"], "2021-02-14"),
        # title first: 山东省发展和改革委员会关于报送…有关资料的函省有关部门、单位:…山东省发展和改革委员会2021年7月27日
        ("0181", "山东省发展和改革委员会关于报送地震易发区房屋设施加固工程迎查工作有关资料的函", None, "函",
         ["省有关部门、单位"], ["山东省发展和改革委员会"], "2021-07-27"),
        # a telegram (山东省人民政府办公厅): …等级特急·明电鲁政办发明电〔2021〕1号鲁机发号山东省人民政府办公厅关于做好黄河防凌工作的通知沿黄各市人民政府，省有关部门(单位):
        ("0191", "山东省人民政府办公厅关于做好黄河防凌工作的通知", "鲁政办发明电〔2021〕1号", "通知",
         None, None, None),
        # a telegram (中共山东省委办公厅): …等级特急，明电鲁办发电（2020）164号鲁机发4043号中共山东省委办公厅山东省人民政府办公厅关于…的通知
        ("0215", "中共山东省委办公厅山东省人民政府办公厅关于召开山东省抗击新冠肺炎疫情表彰大会的通知", "鲁办发电（2020）164号", "通知",
         None, ["中共山东省委办公厅", "山东省人民政府办公厅"], None),
        # 版头 with 文件 run into the 文号 (龙岩): …龙岩市工业和信息化局龙岩市林业局2022年5月26日龙岩市工业和信息化局2022年5月26日印发
        ("0220", None, "龙工信能源〔2022〕16号", "通知", None, ["龙岩市工业和信息化局", "龙岩市林业局"], "2022-05-26"),
    ],
)
def test_single_line_ocr_header(
    name: str, title: str | None, doc_number: str | None, doc_type: str, addressees: list[str] | None,
    issuers: list[str] | None, signed: str | None,
) -> None:
    n = _one(name)
    if title is not None:
        assert n.title is not None and n.title.clean == title
    if doc_number is not None:
        assert n.doc_number is not None and n.doc_number.clean == doc_number
    assert n.doc_type == doc_type
    if addressees is not None:
        assert [a.clean for a in n.addressees] == addressees
    if issuers is not None:
        assert [i.clean for i in n.issuers] == issuers
    if signed is not None:
        assert n.signed_date is not None and n.signed_date.value is not None and n.signed_date.value.isoformat() == signed
    text = n.source_text
    for v in [n.title, n.doc_number, *n.addressees, *n.issuers]:
        if v is not None:
            assert text[v.span[0] : v.span[1]] == v.text


def test_a_quoted_title_ending_is_not_the_title_ending() -> None:
    # 山东省乡村振兴局征求《关于支持省乡村振兴重点帮扶县的若干措施(征求意见稿)》意见的函省直有关部门、单位:
    # — neither 意见 inside 《》 nor 》意见 before 的函 ends the title
    n = _one("0180")
    assert n.title is not None and n.title.clean == "山东省乡村振兴局征求《关于支持省乡村振兴重点帮扶县的若干措施(征求意见稿)》意见的函"
    assert [a.clean for a in n.addressees] == ["省直有关部门、单位"]
    assert n.doc_type == "函"


def _signers(line: str) -> list[str]:
    text = f"某某市人民政府关于做好有关工作的通知\n各有关单位：\n现将有关事项通知如下。\n{line}\n2024年5月18日\n"
    return [i.text for i in sztext.parse(text).issuers]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("中共山东省委办公厅山东省人民政府办公厅", ["中共山东省委办公厅", "山东省人民政府办公厅"]),  # devcorpus 0215
        ("龙岩市工业和信息化局龙岩市林业局", ["龙岩市工业和信息化局", "龙岩市林业局"]),  # devcorpus 0220
        # one body: the place does not start again after a body's name
        ("山东省人民政府办公厅", ["山东省人民政府办公厅"]),
        ("中共广州市天河区委统战部", ["中共广州市天河区委统战部"]),
        ("广州市人力资源和社会保障局 广州市医疗保障局", ["广州市人力资源和社会保障局", "广州市医疗保障局"]),
    ],
)
def test_joint_signature_run_together(line: str, expected: list[str]) -> None:
    assert _signers(line) == expected


def _addressees(line: str) -> list[str]:
    text = f"某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n{line}\n现将有关事项通知如下。\n某某市人民政府\n2024年5月18日\n"
    return [a.text for a in sztext.parse(text).addressees]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 国家发展改革委 and three ministries (devcorpus 0028): levels joined by 及 share the head
        ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团发展改革委、数据管理部门、财政厅（局）、自然资源主管部门：",
         ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团发展改革委", "数据管理部门", "财政厅（局）", "自然资源主管部门"]),
        # a bare 单位 shares the modifier before it: 山东省发展和改革委员会 (0181), 山东省乡村振兴局 (0180)
        ("省有关部门、单位：", ["省有关部门、单位"]),
        ("省直有关部门、单位：", ["省直有关部门、单位"]),
        # but a body after 、 stays apart
        ("市发展改革委、财政局：", ["市发展改革委", "财政局"]),
        # a national organ heading its local offices' levels is one addressee: 住房和城乡建设部 and twelve bodies
        # (devcorpus 0112), 财政部 and 税务总局 (2024 export rebates)
        ("北京市规划和自然资源委，国家税务总局各省、自治区、直辖市和计划单列市税务局，各银保监局：",
         ["北京市规划和自然资源委", "国家税务总局各省、自治区、直辖市和计划单列市税务局", "各银保监局"]),
        ("各省、自治区、直辖市、计划单列市财政厅（局），国家税务总局各省、自治区、直辖市、计划单列市税务局：",
         ["各省、自治区、直辖市、计划单列市财政厅（局）", "国家税务总局各省、自治区、直辖市、计划单列市税务局"]),
        # sets sharing one function, 各 read as 吝 by OCR (中共山东省委保密委员会办公室, devcorpus 0205)
        ("省委各部委、省政府各部门、吝人民团体、各高等院校保密委员会(保密工作领导小组)：",
         ["省委各部委、省政府各部门、吝人民团体、各高等院校保密委员会(保密工作领导小组)"]),
    ],
)
def test_addressee_heads_shared(line: str, expected: list[str]) -> None:
    assert _addressees(line) == expected


def test_pkulaw_export_title_printed_twice_and_crlf_signature() -> None:
    # 北大法宝 export (devcorpus 0024): the title on two identical lines, CRLF line ends, signature
    # 北京市经济和信息化局 / 2022年11月21日
    n = _one("0024")
    assert n.title is not None and n.title.clean == "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知"
    assert [i.clean for i in n.issuers] == ["北京市经济和信息化局"]
    assert n.doc_number is not None and n.doc_number.clean == "京经信发〔2022〕87号"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # the telegram header and its 文号 run into the title line: …等级特急·明电鲁机发532号中共山东省委办公厅关于…
        ("0196", "中共山东省委办公厅关于进一步规范向省委报送请示报告有关事宜的通知"),
        # the 版头 and the 文号: 中国华电集团有限公司山东公司中国华电鲁函〔2021〕52号关于中请追补核算…的函
        ("0222", "关于中请追补核算华电潍坊发电有限公司电能计量结算的函"),
    ],
)
def test_title_starts_after_a_run_in_number(name: str, title: str) -> None:
    n = _one(name)
    assert n.title is not None and n.title.clean == title
    assert n.source_text[n.title.span[0] : n.title.span[1]] == n.title.text


@pytest.mark.parametrize(
    ("name", "issuers", "signed"),
    [
        # …联系电话:0531-6780XXXX邮箱:XXX@cnea.gov.cn山东能源监管办2021年7月22日附件报告提纲1.…
        ("0182", ["山东能源监管办"], "2021-07-22"),
        # …邮箱:XXX@shandong.cn省乡村振兴局2021年8月3日关于支持省乡村振兴重点帮扶县的若干措施(征求意见稿)…
        ("0180", ["省乡村振兴局"], "2021-08-03"),
    ],
)
def test_signature_run_in_after_the_contact_email(name: str, issuers: list[str], signed: str) -> None:
    n = _one(name)
    assert [i.clean for i in n.issuers] == issuers
    assert n.signed_date is not None and n.signed_date.value is not None and n.signed_date.value.isoformat() == signed
    for v in n.issuers:
        assert n.source_text[v.span[0] : v.span[1]] == v.text


@pytest.mark.parametrize(
    ("name", "issuer", "signed"),
    [
        # …专项小组办公室（山东省住房和城乡建设厅代章）2021年3月29日附件… : the signature is read before the 代章 note
        ("0209", "山东省优化提升工程建设项目审批制度改革专项小组办公室", "2021-03-29"),
        # …专项小组办公室（山东省工业和信息化厅代章）2021年8月17日 (another office, another department's seal)
        ("0176", "山东省钢铁行业化解过剩产能实现脱困发展专项小组办公室", "2021-08-17"),
    ],
)
def test_runon_signature_before_a_seal_note(name: str, issuer: str, signed: str) -> None:
    notice = _one(name)
    assert [i.text for i in notice.issuers] == [issuer]
    assert notice.signed_date is not None and notice.signed_date.value.isoformat() == signed
