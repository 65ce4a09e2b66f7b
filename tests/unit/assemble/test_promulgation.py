"""A regulation rendered with its promulgation note and no signature (issue 14): the note's date
is the published date, and the body the title starts with is the issuer when the decree is that
body's. Lines quoted from Markdown renderings of 国务院 regulations (devcorpus 0309, 0311)."""

from __future__ import annotations

import datetime as dt

import pytest

import sztext


@pytest.mark.parametrize(
    ("title", "note", "issuer", "published"),
    [
        ("# 国务院关于经营者集中申报标准的规定", "2008年8月3日 国务院令第529号公布", "国务院", dt.date(2008, 8, 3)),
        ("# 国务院关于职工工作时间的规定", "1994年2月3日 中华人民共和国国务院令第146号发布　", "国务院", dt.date(1994, 2, 3)),
    ],
)
def test_promulgation_note(title: str, note: str, issuer: str, published: dt.date) -> None:
    text = f"{title}\n\n{note}\n\n第一条 为了明确申报标准，制定本规定。\n\n第二条 本规定自公布之日起施行。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == [issuer]
    assert n.published_date is not None and n.published_date.value == published
    # 自公布之日起施行: from the published date (dates.toml issue_date)
    assert n.effective is not None and n.effective.from_ == published
    for v in n.issuers:
        assert text[v.span[0] : v.span[1]] == v.text


def test_a_decree_of_another_body_names_no_issuer() -> None:
    # the title names 国务院 but the note a ministry's decree: the document does not say who issued it
    text = "# 国务院关于某某事项的规定\n\n2022年6月6日 中华人民共和国国家安全部令第2号公布\n\n第一条 为了规范管理，制定本规定。\n"
    n = sztext.parse(text)
    assert n.issuers == []
    assert n.published_date is not None and n.published_date.value == dt.date(2022, 6, 6)


@pytest.mark.parametrize(
    ("byline", "date", "issuers", "signed"),
    [
        # 宜春市 bulletin (devcorpus 0281): 宜春市统计局  国家统计局宜春调查队 / （2023年4月12日）
        ("宜春市统计局  国家统计局宜春调查队", "（2023年4月12日）", ["宜春市统计局", "国家统计局宜春调查队"], dt.date(2023, 4, 12)),
        # 江西省 bulletin (devcorpus 0282): 江西省统计局  国家统计局江西调查总队 / 2023年3月28日
        ("江西省统计局  国家统计局江西调查总队", "2023年3月28日", ["江西省统计局", "国家统计局江西调查总队"], dt.date(2023, 3, 28)),
    ],
)
def test_byline_under_the_title(byline: str, date: str, issuers: list[str], signed: dt.date) -> None:
    text = f"ArticleTitle: 某某市2022年国民经济和社会发展统计公报\n某某市2022年国民经济和社会发展统计公报\n{byline}\n{date}\n2022年，全市经济稳中有进。\n一、综合\n初步核算，全年实现地区生产总值3473.12亿元。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == issuers
    assert n.signed_date is not None and n.signed_date.value == signed


def test_no_byline_without_a_date_under_it() -> None:
    text = "ArticleTitle: 某某市2022年国民经济和社会发展统计公报\n某某市2022年国民经济和社会发展统计公报\n宜春市统计局  国家统计局宜春调查队\n2022年，全市经济稳中有进。\n"
    assert sztext.parse(text).issuers == []


@pytest.mark.parametrize(
    ("title", "approved", "published", "issuer", "date"),
    [
        # devcorpus 0315 and 0329: Markdown records of central rules, a 批准 line over the 发布 line
        ("国境河流外国籍船舶管理办法", "1966年3月15日 国务院批准", "1966年4月19日 交通部发布", "交通部", dt.date(1966, 4, 19)),
        ("治安保卫委员会暂行组织条例", "1952年6月27日 政务院批准", "1952年8月11日 公安部发布", "公安部", dt.date(1952, 8, 11)),
    ],
)
def test_a_publication_note_names_the_issuer_and_the_approver_is_none(title: str, approved: str, published: str, issuer: str, date: dt.date) -> None:
    text = f"# {title}\n\n{approved}\n\n{published}\n\n第一条 为了加强管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == [issuer]
    assert n.published_date is not None and n.published_date.value == date
    n.verify()


@pytest.mark.parametrize(
    ("line", "decree", "issued"),
    [
        # seeds 004 (深圳市人民政府令（第310号）…, the decree's own title line)
        ("深圳市人民政府令（第310号）深圳市政府投资建设项目施工许可管理规定", "深圳市人民政府令（第310号）", "深圳市政府投资建设项目施工许可管理规定"),
        # a ministry's decree titled the same way (quoted in a public repository's tests)
        ("中华人民共和国应急管理部令（第13号）工贸企业有限空间作业安全规定", "中华人民共和国应急管理部令（第13号）", "工贸企业有限空间作业安全规定"),
        # link text to the gov.cn 国务院公报 page of 公安部令第82号
        ("中华人民共和国公安部令（第 82 号）互联网安全保护技术措施规定", "中华人民共和国公安部令（第 82 号）", "互联网安全保护技术措施规定"),
    ],
)
def test_bracketed_decree_serial_on_the_title_line(line: str, decree: str, issued: str) -> None:
    # header.title_decree: the decree is the title, the text it issues the main title
    text = f"{line}\n\n第一条 为了加强管理，制定本规定。\n\n第二条 本规定自公布之日起施行。\n"
    n = sztext.parse(text)
    assert n.title is not None and n.title.text == decree
    assert n.main_title is not None and n.main_title.text == issued
    assert n.doc_type == "令"
    assert n.doc_number is not None and n.doc_number.text == decree
