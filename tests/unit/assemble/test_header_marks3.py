"""Header fields of issue 14 (header3): GB/T 9704 份号, 密级 and 保密期限, 签发人; doc_type words
outside the 15 公文 types; null plus a warning for a field the document does not state; a page
dump's posting stamp and its 主送 past the page furniture.

No document of the visible devcorpus prints a 份号, 密级 or 签发人 mark (grep of the non-held-out
files: 签发人 only as a word of the text in 0188 and 0196, 密级/份号 only inside other words), so
the marks are tested on lines shaped as GB/T 9704-2012 7.2.1/7.2.2/7.2.6 prints them, and the two
real 签发人 sentences are tested as what must not be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sztext

SHARED = Path(__file__).resolve().parents[4] / "shared"

# a 请示 laid out as GB/T 9704-2012 prints the 版头 of an 上行文 (7.2.1 份号, 7.2.2 密级★保密期限,
# 7.2.3 紧急程度, 7.2.4 发文机关标志, 7.2.5 发文字号 with 7.2.6 签发人 on its line)
REQUEST = (
    "000001\n机密★1年\n特急\n山东省人民政府办公厅文件\n鲁政办字〔2021〕12号　　签发人：张三\n"
    "山东省人民政府办公厅关于某某事项的请示\n省政府：\n为做好某某工作，现请示如下。\n妥否，请批示。\n"
    "山东省人民政府办公厅\n2021年3月4日\n"
)


def _file(prefix: str) -> sztext.Notice:
    if not (SHARED / "devcorpus").is_dir():
        pytest.skip("../shared is not beside this checkout")
    notice = sztext.parse_file(next((SHARED / "devcorpus" / "docs").glob(prefix + "_*")))[0]
    notice.verify()
    return notice


def test_gbt9704_head_marks() -> None:
    n = sztext.parse_archive(REQUEST)[0]
    n.verify()
    assert n.copy_number is not None and n.copy_number.text == "000001"
    assert n.secrecy is not None and (n.secrecy.text, n.secrecy.level, n.secrecy.period) == ("机密★1年", "机密", "1年")
    assert n.urgency is not None and n.urgency.text == "特急"
    assert n.signer is not None and n.signer.text == "张三"
    # the 文号 line that ends with the 签发人 is still the 文号 line
    assert n.doc_number is not None and n.doc_number.clean == "鲁政办字〔2021〕12号"
    assert n.doc_type == "请示" and n.title is not None and n.title.clean == "山东省人民政府办公厅关于某某事项的请示"
    for v in (n.copy_number, n.secrecy, n.signer):
        assert n.source_text[v.span[0] : v.span[1]] == v.text


@pytest.mark.parametrize(
    ("line", "level", "period"),
    [("秘密", "秘密", None), ("绝密★长期", "绝密", "长期"), ("秘密★6个月", "秘密", "6个月"), ("密级：机密", "机密", None)],
)
def test_secrecy_shapes(line: str, level: str, period: str | None) -> None:
    n = sztext.parse_archive(line + "\n" + REQUEST.split("\n", 2)[2])[0]
    assert n.secrecy is not None and (n.secrecy.level, n.secrecy.period) == (level, period)


def test_no_marks_when_none_is_printed() -> None:
    n = sztext.parse_archive(REQUEST.split("\n", 3)[3].replace("　　签发人：张三", ""))[0]
    assert (n.copy_number, n.secrecy, n.urgency, n.signer) == (None, None, None, None)


@pytest.mark.parametrize(
    "prefix",
    [
        "0188",  # 山东省交通运输厅: …报告中应当写明运营突发事件报告单位、报告签发人、联系人及联系方式等内容…
        "0196",  # 中共山东省委办公厅: …原则上以省委议事协调机构办公室名义行文，签发人署办公室主要负责同志…
    ],
)
def test_签发人_in_the_text_is_no_mark(prefix: str) -> None:
    assert _file(prefix).signer is None


@pytest.mark.parametrize(
    ("prefix", "doc_type"),
    [
        ("0250", "指引"),  # 2026年广州市天河区积分制入学学位申请指引 (广州市天河区教育局)
        ("0360", "解释"),  # 最高人民法院、最高人民检察院关于办理…刑事案件具体应用法律若干问题的解释
        ("0361", "解释"),  # 最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释
    ],
)
def test_doc_type_of_normative_texts(prefix: str, doc_type: str) -> None:
    assert _file(prefix).doc_type == doc_type


def test_title_bodies_of_a_markdown_title() -> None:
    # # 最高人民法院、最高人民检察院关于办理利用互联网…的解释 (0360): the '# ' is not in the view,
    # and the bodies were cut two characters late (人民法院)
    assert [i.clean for i in _file("0360").issuers] == ["最高人民法院", "最高人民检察院"]


def test_unknown_fields_are_null_with_a_warning() -> None:
    # 0361 prints no signature, no date and no adoption note: its issuers come from the title,
    # its signed date is not stated
    n = _file("0361")
    codes = [w.code for w in n.warnings]
    assert n.signed_date is None and "signed_date_unknown" in codes
    assert "issuer_unknown" not in codes and "doc_type_unknown" not in codes
    # a title whose kind word is not a DocType: null and the word named
    n = sztext.parse("关于印发某某市数字经济发展实施方案的通知\n各区人民政府：\n现将《某某市数字经济发展实施方案》印发给你们。\n")
    assert n.doc_type == "通知"
    n = sztext.parse("某某市数字经济发展实施方案\n为推动数字经济发展，制定本方案。\n")
    assert n.doc_type is None
    warning = next(w for w in n.warnings if w.code == "doc_type_unknown")
    assert "实施方案" in warning.message
    assert {"issuer_unknown", "signed_date_unknown"} <= {w.code for w in n.warnings}


@pytest.mark.parametrize(
    ("prefix", "doc_type"),
    [
        # 《深圳市关于推动电子商务加快发展的若干措施》已经市政府同意，现予印发 (深圳市人民政府办公厅 shape)
        ("0072", "通知"),  # 现将《中小企业数字化转型指南》印发给你们 (工业和信息化部办公厅)
        ("0034", "通知"),  # 共同组织制定了《国家智能制造标准体系建设指南（2015年版）》，现予发布 (工业和信息化部、国家标准化管理委员会)
        ("0075", None),  # 交通运输部 to 北京工业大学: 主要意见回复如下 … （具体要点附后） issues nothing
    ],
)
def test_a_cover_notice_is_a_通知_only_when_it_says_it_issues_a_text(prefix: str, doc_type: str | None) -> None:
    n = _file(prefix)
    assert n.title is None and n.main_title is not None
    assert n.doc_type == doc_type
    if doc_type is None:
        warning = next(w for w in n.warnings if w.code == "doc_type_unknown")
        assert "no title" in warning.message


@pytest.mark.parametrize(
    "prefix",
    [
        "0084",  # 《国家智慧教育公共服务平台接入管理规范（试行）》已经部领导审定同意，现印发给你们 (教育部办公厅)
        "0135",  # 《济南“鲲鹏+昇腾”生态创新中心…服务资源供给办法（V1.0）》已经…审议通过，现印发给你们 (济南市工业和信息化局)
    ],
)
def test_a_cover_notice_whose_enclosed_title_is_not_read_is_still_a_通知(prefix: str) -> None:
    n = _file(prefix)
    assert n.title is None
    assert n.doc_type == "通知" and "doc_type_unknown" not in [w.code for w in n.warnings]


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("医疗机构管理条例（1994年发布）（2022年修订）", "条例"),  # two bracketed tails, 北大法宝 style
        ("关于某某事项的通知【失效】", "通知"),
        ("关于医师执业注册中执业范围的暂行规定》", "规定"),  # the stop of 卫医发〔2001〕169号's title line (PDF text)
        ("某某市数字经济发展实施方案（试行）", None),
    ],
)
def test_the_kind_word_before_a_title_tail(title: str, doc_type: str | None) -> None:
    from sztext.header.doctype import _type_by_ending

    grammar = sztext.load_grammar()
    found = _type_by_ending(title, grammar, "title_suffix") or _type_by_ending(title, grammar, "regulation_suffix")
    assert found == doc_type


def test_a_cover_notice_in_a_plain_text() -> None:
    text = "各区人民政府：\n《某某市若干措施》已经市政府同意，现予印发，请遵照执行。\n某某市人民政府办公厅\n2024年12月13日\n某某市若干措施\n一、总则\n"
    assert sztext.parse(text).doc_type == "通知"
    text = "某某大学：\n经研究，主要意见回复如下：\n一、原则同意开展试点（具体要点附后）。\n某某部\n2022年3月1日\n某某试点任务要点\n一、总则\n"
    assert sztext.parse(text).doc_type is None


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("0239", dt.date(2018, 9, 29)),  # 国家能源局江苏监管办公室 page: title / 2018-09-29 16:45 / 来源：江苏能源监管办
        ("0245", dt.date(2018, 10, 19)),  # 福建能源监管办 page: title / 2018-10-19 09:39 / 来源： 福建能源监管办
        # the <title> line, the site menu, the title again and the stamp under it
        ("0246", dt.date(2019, 4, 9)),  # 华北能源监管局关于公示…的公告 / 2019-04-09 10:19
        ("0244", dt.date(2017, 2, 22)),  # …电力中长期交易基本规则（暂行）>的通知》的通知 (third line of the title) / 2017-02-22 11:47
    ],
)
def test_posting_stamp_under_the_title(prefix: str, published: dt.date) -> None:
    n = _file(prefix)
    assert n.published_date is not None and n.published_date.value == published


def test_addressee_past_the_page_furniture() -> None:
    # 0239: title, stamp, 来源, Aa / 字体： / 小 / | / 中 … then 江苏电力交易中心，各售电企业：
    assert [a.clean for a in _file("0239").addressees] == ["江苏电力交易中心", "各售电企业"]


@pytest.mark.parametrize(
    ("prefix", "issuers", "signed"),
    [
        # …特此函告，感谢您的关心支持!山东省应急管理厅2021年10月27日
        ("0174", ["山东省应急管理厅"], dt.date(2021, 10, 27)),
        # …联系人:XXX 1882924XXXX高新区根治拖欠农民工工资工作领导小组办公室2021年1月6日
        ("0192", ["高新区根治拖欠农民工工资工作领导小组办公室"], dt.date(2021, 1, 6)),
        # …附件:1.…试题库2.答案参考中共山东省委保密委员会办公室山东省国家保密局2021年3月31日
        ("0210", ["中共山东省委保密委员会办公室", "山东省国家保密局"], dt.date(2021, 3, 31)),
        # …联系电话:6659XXXX,1391139XXXX国网办公室2020年12月31日
        ("0221", ["国网办公室"], dt.date(2020, 12, 31)),
        # …可研批复清单（国网陕西电力）国家电网有限公司华北分部2022年9月7日（此件不公开发布，…）
        ("0225", ["国家电网有限公司华北分部"], dt.date(2022, 9, 7)),
        # …附件：2022年第一批“电力爱心超市”授牌名单国家电网有限公司乡村振兴工作办公室2022年8月30日（此件不公开发布，…）
        ("0226", ["国家电网有限公司乡村振兴工作办公室"], dt.date(2022, 8, 30)),
    ],
)
def test_run_on_signature_at_the_end_of_single_line_ocr(prefix: str, issuers: list[str], signed: dt.date) -> None:
    n = _file(prefix)
    assert [i.clean for i in n.issuers] == issuers
    assert n.signed_date is not None and n.signed_date.value == signed


@pytest.mark.parametrize(
    ("prefix", "issuers", "signed", "published", "effective"),
    [
        # 2008年7月17日 经人力资源和社会保障部第6次部务会议通过 (no signature, no title body)
        ("0336", ["人力资源和社会保障部"], dt.date(2008, 7, 17), None, None),
        # 2018年7月30日 最高人民法院审判委员会第1745次会议 / 2018年10月19日 最高人民检察院第十三届检察委员会第七次会议通过 /
        # 2018年12月1日 施行
        ("0359", ["最高人民法院", "最高人民检察院"], dt.date(2018, 7, 30), None, dt.date(2018, 12, 1)),
        # 2004年9月1日 最高人民法院审判委员会第1323次会议、2004年9月2日最高人民检察院第十届检察委员会第26次会议通过 /
        # 2004年9月3日 最高人民法院公告公布 / 2004年9月6日 施行
        ("0360", ["最高人民法院", "最高人民检察院"], dt.date(2004, 9, 1), dt.date(2004, 9, 3), dt.date(2004, 9, 6)),
    ],
)
def test_history_lines_under_a_rules_title(prefix: str, issuers: list[str], signed: dt.date, published: dt.date | None, effective: dt.date | None) -> None:
    n = _file(prefix)
    assert [i.clean for i in n.issuers] == issuers
    assert n.signed_date is not None and n.signed_date.value == signed
    assert (n.published_date.value if n.published_date else None) == published
    assert (n.effective.from_ if n.effective else None) == effective


def test_a_signature_that_seals_with_anothers_seal() -> None:
    # devcorpus 0176: …专项小组办公室(山东省工业和信息化厅代章) / 2021年8月17日 — the bracket is not the body
    n = _file("0176")
    assert [i.clean for i in n.issuers] == ["山东省钢铁行业化解过剩产能实现脱困发展专项小组办公室"]
    assert n.signed_date is not None and n.signed_date.value == dt.date(2021, 8, 17)


def test_joint_title_with_spaces_and_the_bracketed_date_under_it() -> None:
    # devcorpus 0284: 中共中央 国务院关于实施乡村振兴战略的意见 / （2018年1月2日）, no signature
    n = _file("0284")
    assert [i.clean for i in n.issuers] == ["中共中央", "国务院"]
    assert n.signed_date is not None and n.signed_date.value == dt.date(2018, 1, 2)


def test_a_year_split_by_a_space_is_the_signed_date() -> None:
    # devcorpus 0242 (PDF text): 广西壮族自治区能源局 / 202 4 年 7 月 9 日 — PDF text split the year; a
    # split 19xx/20xx year is read in a full 年月日 date (dates.ymd_split_year: 山东省财政厅 OCR prints
    # 2 021年12月31日 too, corpus 0033), the span keeps the space. The 版记 line 广西壮族自治区 能源局
    # 20 24 年 7 月 10 日印 is its printed_by / printed_date.
    n = _file("0242")
    assert [i.clean for i in n.issuers] == ["广西壮族自治区能源局"]
    assert n.signed_date is not None and n.signed_date.value == dt.date(2024, 7, 9) and n.signed_date.text == "202 4 年 7 月 9 日"
    assert "signed_date_unknown" not in [w.code for w in n.warnings]
    assert n.printed_date is not None and n.printed_date.value == dt.date(2024, 7, 10) and n.printed_date.text == "20 24 年 7 月 10 日"


def test_addressee_after_a_header_the_line_rules_did_not_title() -> None:
    # devcorpus 0272 (Guangzhou page): 穗人社规字〔2022〕2号 / 广州市人力资源和社会保障局 广州市公安局 (the joint 版头,
    # read as a signature line) / 关于印发广州市引进人才入户管理办法 / 实施细则的通知 / 各有关单位：
    assert [a.clean for a in _file("0272").addressees] == ["各有关单位"]


def test_the_end_of_a_broken_addressee_line_is_not_read_alone() -> None:
    # devcorpus 0242 (PDF text): 各设区市电力市场化交易主管部门,广西电网公司,广西电力交 / 易中心,各 市场主体:
    # is one addressee line over two (header.addressee_broken), never 易中心 / 各 市场主体 alone
    assert ["".join(a.clean.split()) for a in _file("0242").addressees] == ["各设区市电力市场化交易主管部门", "广西电网公司", "广西电力交易中心", "各市场主体"]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        # gov.cn: 国务院办公厅 / 关于湖北省在温家宝总理考察工作时 / 所提问题和建议办理情况的函 — the issuer line is part of the title
        ("devcorpus/docs/0015_*", "国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函"),
        # the five issuers of a joint 重庆 notice, one a line, above 关于印发《…》的通知
        ("corpus/0042_*", "重庆市经济和信息化委员会重庆市财政局中共重庆市委金融委员会办公室国家金融监督管理总局重庆监管局重庆市商务委员会"
         "关于印发《重庆市支持智能网联新能源商用车产业发展政策措施（2025—2027年）》的通知"),
        # OCR: the 版头 run into the title that starts with the same body
        ("devcorpus/docs/0218_*", "山东省住房和城乡建设厅关于会签《关于成立省保障群众温暖过冬办公室的通知》的函"),
        # a 文号 in brackets appended to the title line: …意见的函（闽监能函〔2018〕148 号）
        ("devcorpus/docs/0245_*", "福建能源监管办关于征求《福建省电力市场交易规则(试行)》拟修订和补充条款意见的函"),
    ],
)
def test_title_edges(path: str, title: str) -> None:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside this checkout")
    n = sztext.parse_file(next(SHARED.glob(path)))[0]
    n.verify()
    assert n.title is not None and "".join(n.title.clean.split()) == title


@pytest.mark.parametrize(
    "prefix",
    [
        "0142",  # 各市工业和信息化局，各有关单位： … 推动我省大模型产业高质量发展，制定本指导意见。 (山东省工业和信息化厅)
        "0168",  # 各市人民政府，… 塑造经济高质量发展新优势，制定本指导意见。 … 山东省人民政府 / 2019年5月17日
        "0112",  # … 推动建筑业高质量发展，制定本指导意见。 … 中华人民共和国住房和城乡建设部 … 2020年7月3日
    ],
)
def test_a_text_without_a_title_that_makes_itself_a_指导意见_is_an_意见(prefix: str) -> None:
    n = _file(prefix)
    assert n.title is None
    assert n.doc_type == "意见" and "doc_type_unknown" not in [w.code for w in n.warnings]


def test_制定本指导意见_before_the_first_heading_only() -> None:
    text = "各市工业和信息化局，各有关单位：\n为推动我省大模型产业高质量发展，制定本指导意见。\n一、总体要求\n"
    assert sztext.parse(text).doc_type == "意见"
    # named after the first heading it is a reference, not the text's own type
    text = "各市人民政府：\n为推进工作，现通知如下。\n一、总体要求\n按照制定本指导意见的要求推进。\n"
    assert sztext.parse(text).doc_type is None


@pytest.mark.parametrize(
    "prefix",
    [
        "0038",  # …保证工程在不同层级间…的整体性、协调性和集约性，…制定本指南。 (交通运输部, 城市公共交通智能化应用示范工程)
        "0042",  # …更好推进人工智能赋能新型工业化，特制定本指南。 (工业和信息化部等四部门, 人工智能标准体系)
    ],
)
def test_a_text_without_a_title_that_makes_itself_a_指南_is_a_指南(prefix: str) -> None:
    n = _file(prefix)
    assert n.title is None
    assert n.doc_type == "指南" and "doc_type_unknown" not in [w.code for w in n.warnings]


def test_制定本规范_in_a_preamble_names_a_规范() -> None:
    # the preamble of 国家智慧教育平台 接入管理规范 (教育部办公厅, devcorpus 0084) without its cover
    text = "为加强国家智慧教育平台的管理，形成以国家智慧教育门户为核心的国家智慧教育平台体系，制定本规范。\n一、总体要求\n"
    assert sztext.parse(text).doc_type == "规范"
    # 规范化 is not the text's kind
    assert sztext.parse("为推进平台建设，形成本规范化管理体系。\n一、总体要求\n").doc_type is None


@pytest.mark.parametrize(
    ("prefix", "printed_by", "printed"),
    [
        ("0120", "山东省人民政府办公厅", dt.date(2020, 12, 10)),  # 抄送：… / 山东省人民政府办公厅2020年12月10日印发
        ("0126", "青岛市工业和信息化局办公室", dt.date(2020, 9, 22)),  # 青岛市工业和信息化局办公室   2020年9月22日印发
    ],
)
def test_a_版记_line_at_the_end_is_not_a_signature(prefix: str, printed_by: str, printed: dt.date) -> None:
    n = _file(prefix)
    assert n.issuers == [] and n.signed_date is None
    assert n.printed_by is not None and n.printed_by.clean == printed_by
    assert n.printed_date is not None and n.printed_date.value == printed


def test_a_signature_above_the_版记_line_is_still_read() -> None:
    text = (
        "各市人民政府：\n为推动工业大数据发展，现通知如下。\n一、总体目标\n加快平台建设。\n山东省人民政府\n2020年12月8日\n"
        "抄送：省委各部门，省人大常委会办公厅。\n山东省人民政府办公厅2020年12月10日印发\n"
    )
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == ["山东省人民政府"]
    assert n.signed_date is not None and n.signed_date.value == dt.date(2020, 12, 8)


@pytest.mark.parametrize(
    ("prefix", "doc_type"),
    [
        ("0090", "办法"),  # 第一章 总则 / 第一条 …提升数字人才培训评价质量，制定本办法 (人力资源社会保障部办公厅)
        ("0106", "办法"),  # 第一章总则 / 第一条 …按照《关于加快煤矿智能化发展的指导意见》…，制定本办法。 (国家能源局)
        ("0105", "办法"),  # 第一条 …充分发挥专家在煤矿智能化建设中的决策支撑作用，制定本办法。 (国家能源局、国家矿山安全监察局)
        ("0081", "规范"),  # 第一章 总 则 / 第一条 …等法律法规，制定本规范 (教育部)
        ("0154", "细则"),  # 第一条 …（青政办字〔2023〕13号），制定本实施细则。 (青岛市)
    ],
)
def test_a_rule_without_a_title_takes_the_kind_its_first_article_names(prefix: str, doc_type: str) -> None:
    n = _file(prefix)
    assert n.title is None and n.main_title is None
    assert n.doc_type == doc_type and "doc_type_unknown" not in [w.code for w in n.warnings]


def test_a_rule_names_its_kind_only_in_its_first_article() -> None:
    # 本办法 in a later article (第三条 本办法自…施行) names nothing: the first article is the purpose clause
    n = sztext.parse("第一条 为加强管理，根据有关规定，结合实际。\n第二条 适用范围。\n第三条 按照本办法执行，制定本办法的部门负责解释。\n")
    assert n.doc_type is None
    n = sztext.parse("第一章 总则\n第一条 为加强管理，制定本办法。\n第二条 适用范围。\n")
    assert n.doc_type == "办法"
