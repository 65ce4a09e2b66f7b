"""Issue 14 ("any issuer, any format"): the rules helper np3 added for central organs, a 开发区 and
county pages and static-site Markdown records, each on real lines of two issuers or more.

The whole records are the texts of tests/devcorpus/extra (e180–e192, dev files only); the other
lines are quoted from the pages named in the grammar comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.extract.jurisdiction import find_jurisdiction

EXTRA = Path(__file__).resolve().parents[1] / "devcorpus" / "extra"


def _parse(stem: str) -> sztext.Notice:
    (path,) = EXTRA.glob(f"{stem}_*.txt")
    (notice,) = sztext.parse_file(path)
    return notice


def _clean(values: list[sztext.TextValue]) -> list[str]:
    return ["".join(v.clean.split()) for v in values]


def _iso(value: object) -> str | None:
    date = getattr(value, "value", None)
    return None if date is None else date.isoformat()


# --- noise.front_matter_head / _tail, noise.markdown_container, noise.markdown_attributes, noise.inline_html


@pytest.mark.parametrize(
    ("stem", "title", "doc_type", "issuers"),
    [
        ("e181", "关于恶臭气体超标排放法律适用有关问题的复函", "函", ["生态环境部办公厅"]),  # title only in the front matter
        ("e182", "关于建设项目“未批先建”违法行为法律适用问题的意见", "意见", ["环境保护部"]),  # shortTitle: not joined on
        ("e190", "最高人民法院最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释", "解释", ["最高人民法院", "最高人民检察院"]),
    ],
)
def test_a_front_matter_title_is_the_title_and_its_other_keys_are_markup(stem: str, title: str, doc_type: str, issuers: list[str]) -> None:
    notice = _parse(stem)
    assert notice.title is not None and "".join(notice.title.clean.split()) == title
    assert notice.doc_type == doc_type
    assert _clean(notice.issuers) == issuers
    start, end = notice.title.span
    assert notice.source_text[start:end] == notice.title.text


def test_articles_inside_inline_html_are_articles() -> None:
    # <p id="t1">&emsp;&emsp;<b>第一条</b>&emsp;实施刑法… (两高's 法释〔2016〕29号); {style=…} after the number
    notice = _parse("e190")
    markers = [n.marker for n in notice.body if n.marker is not None and n.number is not None]
    assert markers[0] == "第一条" and markers[-1] == "第十八条" and len(markers) == 18
    assert notice.doc_number is not None and notice.doc_number.clean == "法释〔2016〕29号"


def test_chapters_under_markdown_headings_with_attribute_lists() -> None:
    # ## 第一章&emsp;总&emsp;则{align="center"} (生态环境部令第26号)
    notice = _parse("e180")
    assert [n.marker for n in notice.body if n.marker is not None and n.number is not None] == ["第一章", "第二章", "第三章", "第四章", "第五章"]


def test_front_matter_rules_leave_other_texts_alone(grammar: sztext.Grammar) -> None:
    from sztext.normalize import find_noise

    text = "关于印发办法的通知\n---\ntitle: x\nicon: y\n---\n正文\n"
    assert [e for e in find_noise(text, grammar) if e.rule_id.startswith("noise.front_matter")] == []


# --- header.promulgation_note with the effective date in the same brackets


@pytest.mark.parametrize(
    ("stem", "issuer", "number", "published", "effective"),
    [
        ("e180", "生态环境部", "生态环境部令第26号", "2022-04-06", "2022-07-01"),
        ("e183", "环境保护部", "环境保护部令第28号", "2014-12-19", "2015-01-01"),
    ],
)
def test_a_decree_note_with_its_effective_date(stem: str, issuer: str, number: str, published: str, effective: str) -> None:
    notice = _parse(stem)
    assert _clean(notice.issuers) == [issuer]
    assert notice.doc_number is not None and notice.doc_number.clean == number
    assert notice.doc_type == "令"
    assert _iso(notice.published_date) == published
    assert notice.effective is not None and notice.effective.from_ is not None and notice.effective.from_.isoformat() == effective


# --- header.meeting_note in brackets


def test_a_bracketed_adoption_note_of_two_courts_dates_the_interpretation() -> None:
    assert _iso(_parse("e190").signed_date) == "2016-11-07"


def test_a_bracketed_adoption_note_of_a_city_government() -> None:
    # 吉林市城市露天市场管理办法 (law286.infoeach.com), lines as found
    text = (
        "吉林市城市露天市场管理办法\n\n"
        "(2013年1月17日吉林市第十五届人民政府第1次常务会议审议通过 2013年1月24日吉林市人民政府令第227号公布 自2013年3月1日起施行)\n\n"
        "第一条 为加强城市露天市场的管理,维护市场秩序,确保城市容貌整洁有序,创造良好的市场经营环境,根据有关法律、法规规定,结合本市实际,制定本办法。\n\n"
        "第二条 本办法所称露天市场是指利用城市道路、空地、预留地、广场等进行商品经营活动所设置的场所。\n"
    )
    notice = sztext.parse(text)
    assert _iso(notice.signed_date) == "2013-01-17"


# --- agencies/national.toml [jurisdiction] names


@pytest.mark.parametrize("issuer", ["生态环境部办公厅", "环境保护部", "海关总署", "最高人民法院", "交通运输部办公厅", "中央网络安全和信息化委员会办公室"])
def test_a_ministry_or_supreme_organ_is_national(issuer: str) -> None:
    found = find_jurisdiction(sztext.load_grammar(), issuers=[issuer])
    assert found is not None and (found.name, found.level) == ("中华人民共和国", "national")


@pytest.mark.parametrize(
    ("issuers", "title", "expected"),
    [
        (["公安县人民政府"], None, "公安县"),  # 公安县 (湖北), not 公安部
        ([], "中央财政衔接推进乡村振兴补助资金管理办法", None),  # 中央 alone names no national body
    ],
)
def test_ministry_names_do_not_take_local_or_unnamed_texts(issuers: list[str], title: str | None, expected: str | None) -> None:
    found = find_jurisdiction(sztext.load_grammar(), issuers=issuers, title=title)
    assert (None if found is None else found.name) == expected


# --- header.addressee_single (…馆) and header.addressee_opening (你馆)


def test_a_museum_is_the_addressee_of_a_reply() -> None:
    assert _clean(_parse("e184").addressees) == ["首都博物馆"]  # 国家文物局 批复
    assert _clean(_parse("e185").addressees) == ["青島市博物館"]  # 國家文物局辦公室 函, pinyin glosses in the source


def test_a_museum_addressee_of_a_city_bureau() -> None:
    # 常文物〔2019〕23號 (常州市文物局, saaoao.cn), as found (Traditional, pinyin glosses)
    text = (
        "常文物〔2019〕23號\n"
        "常州市金壇區(qū)博物館:\n"
        "你館《關(guān)于常州市博物館借展文物的請示》收悉。根據(jù)《文物保護法》有關規定,經審查,同意常州博物館向你館借展文物4件"
        "(總號:0608、2547、4557、4552),并做好文物安全工作。\n"
        "此復。\n"
        "常州市文物局\n"
        "2019年7月30日\n"
        "(此件公開發(fā)布)\n"
    )
    notice = sztext.parse(text)
    assert _clean(notice.addressees) == ["常州市金壇區博物館"]


# --- noise.breadcrumb


def test_a_breadcrumb_is_no_title() -> None:
    notice = _parse("e191")  # 当前位置: 通知公告   广州市花都区关于征集…的通知
    assert notice.title is not None and "当前位置" not in notice.title.clean


def test_a_breadcrumb_line_is_page_furniture(grammar: sztext.Grammar) -> None:
    from sztext.normalize import find_noise

    text = "您的位置: 首页 » 法律资料网 » 法律法规 »\n\n吉安市市本级政务公开工作实施细则\n"
    kinds = [(e.rule_id, text[e.start : e.end]) for e in find_noise(text, grammar)]
    assert ("noise.breadcrumb", "您的位置: 首页 » 法律资料网 » 法律法规 »") in kinds


# --- dates.ymd_lost_marks and header.date_line: a signature date whose 年月日 a scrape lost


def test_a_date_line_that_lost_its_marks_dates_the_reply() -> None:
    assert _iso(_parse("e186").signed_date) == "2022-07-14"  # 准格尔旗人民政府 / 2022714


def _signed(signature: str, date: str) -> str | None:
    # 邯政办规〔2018〕9号 (hd.gov.cn) and the 铜川市耀州区 notice (yaozhou.gov.cn), lines as found
    text = (
        "邯郸市人民政府办公厅关于印发邯郸市粮食应急预案的通知\n\n"
        "各县(市、区)人民政府,市对口有关单位,市政府有关部门,冀南新区、邯郸经济技术开发区管委会:\n\n"
        "《邯郸市粮食应急预案》已经市政府同意,现印发给你们,请认真贯彻执行。\n\n"
        f"                         {signature}\n\n"
        f"                              {date}\n\n"
        "(此件公开发布)\n"
    )
    return _iso(sztext.parse(text).signed_date)


def test_a_city_office_date_line_that_lost_its_marks() -> None:
    assert _signed("邯郸市人民政府办公厅", "2018420") == "2018-04-20"


def test_digits_that_split_two_ways_are_no_date() -> None:
    # 2022117: 2022年1月17日 or 2022年11月7日 (铜川市耀州区人民政府办公室's was 1月17日; the digits do not tell)
    assert _signed("铜川市耀州区人民政府办公室", "2022117") is None


# --- docnumber.bracket_lost_close: a 文号 line whose 〕 and 号 a scrape lost


def test_a_number_line_that_lost_its_bracket_is_the_doc_number() -> None:
    number = _parse("e186").doc_number  # 准建提复字〔202261 (〔2022〕61号)
    assert number is not None and (number.clean, number.agency, number.year, number.serial) == ("准建提复字〔202261", "准建提复", 2022, 61)


def test_a_county_office_number_that_lost_its_bracket() -> None:
    # 牟定县人民政府办公室 (mdx.gov.cn), lines as found
    text = (
        "牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的通知\n\n"
        "牟政办发〔201746\n\n"
        "各乡镇人民政府,县级有关部门:\n\n"
        "经县人民政府同意,现将《牟定县突发环境事件应急预案(试行)》印发给你们,请认真贯彻执行,原2007年印发的《牟定县突发环境事件应急预案》同时废止。\n\n"
        "牟定县人民政府办公室\n\n"
        "(此件公开发布)\n"
    )
    number = sztext.parse(text).doc_number
    assert number is not None and (number.year, number.serial) == (2017, 46)


def test_a_citation_that_lost_its_bracket_is_no_doc_number() -> None:
    from sztext.extract.docnumber import extract_doc_numbers
    from sztext.normalize import normalize

    g = sztext.load_grammar()
    view = normalize("你提出的《关于准格尔经济开发区管委会继续驻扎在沙圪堵的建议》(〔202289号)收悉。", g)
    assert [d.rule_id for d in extract_doc_numbers(view, g)] == []
