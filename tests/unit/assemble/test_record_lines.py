"""The info lines of a law record under its title are all read, not only the first: a city
congress's 通过 line, the province's 批准 line, the 公告 公布 line and the 施行 line (Markdown
renderings of 地方性法规); a bare 公布 date; a bare date line; 由…发布施行 (../shared/devcorpus)."""

from __future__ import annotations

import datetime as dt

import pytest

import sztext


@pytest.mark.parametrize(
    ("title", "adopted", "approved", "published", "in_force", "issuer", "signed", "published_on", "effective"),
    [
        # devcorpus 0386 (青岛, approved by 山东省): a 公告 with no number
        ("青岛市养犬管理条例", "2016年4月28日 青岛市第十五届人民代表大会常务委员会第三十四次会议通过",
         "2016年5月26日 山东省第十二届人民代表大会常务委员会第二十一次会议批准", "2016年5月26日 青岛市人民代表大会常务委员会公告公布",
         "2016年10月1日 施行", "青岛市人民代表大会常务委员会", dt.date(2016, 4, 28), dt.date(2016, 5, 26), dt.date(2016, 10, 1)),
        # devcorpus 0421 (杭州, approved by 浙江省): 公告第17号, a number that is no 文号
        ("杭州市计算机信息网络安全保护管理条例", "2008年12月23日 杭州市第十一届人民代表大会常务委员会第十二次会议通过",
         "2009年4月1日 浙江省第十一届人民代表大会常务委员会第十次会议批准", "2009年4月9日 杭州市第十一届人民代表大会常务委员会公告第17号公布",
         "2009年5月1日 施行", "杭州市人民代表大会常务委员会", dt.date(2008, 12, 23), dt.date(2009, 4, 9), dt.date(2009, 5, 1)),
    ],
)
def test_every_line_of_a_city_regulation_record_is_read(
    title: str, adopted: str, approved: str, published: str, in_force: str, issuer: str, signed: dt.date, published_on: dt.date, effective: dt.date
) -> None:
    text = f"# {title}\n\n{adopted}\n\n{approved}\n\n{published}\n\n{in_force}\n\n<!-- INFO END -->\n\n第一条 为了加强管理，结合本市实际，制定本条例。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == [issuer]  # the approving province is no issuer
    assert n.signed_date is not None and n.signed_date.value == signed
    assert n.published_date is not None and n.published_date.value == published_on
    assert n.effective is not None and n.effective.from_ == effective
    assert n.doc_number is None
    n.verify()


def test_a_bare_publication_date_under_the_meeting_notes() -> None:
    # devcorpus 0362: the two courts' joint interpretation, 公布 with no body, then 施行
    text = ("# 最高人民法院、最高人民检察院关于办理妨害国（边）境管理刑事案件应用法律若干问题的解释\n\n"
            "2012年8月20日 最高人民法院审判委员会第1553次会议、2012年11月19日最高人民检察院第十一届检察委员会第82次会议通过\n\n"
            "2012年12月12日 公布\n\n2012年12月20日 施行\n\n<!-- INFO END -->\n\n第一条 领导、策划、指挥他人偷越国（边）境的，应当认定为组织他人偷越国（边）境。\n")
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == ["最高人民法院", "最高人民检察院"]
    assert n.published_date is not None and n.published_date.value == dt.date(2012, 12, 12)
    assert n.effective is not None and n.effective.from_ == dt.date(2012, 12, 20)
    n.verify()


@pytest.mark.parametrize(
    ("title", "date", "published_on"),
    [
        ("国务院关于处理国家机关工作人员退职、退休时计算工作年限的暂行规定", "1955年12月29日 ", dt.date(1955, 12, 29)),  # devcorpus 0300 (国务院)
        ("关于国家机关工作人员福利费掌管使用的暂行规定", "1957年5月22日 ", dt.date(1957, 5, 22)),  # devcorpus 0292 (no issuer named)
    ],
)
def test_a_bare_date_under_a_record_title_is_its_published_date(title: str, date: str, published_on: dt.date) -> None:
    # header.date_line (a signature date's shape) read at the line right under the title
    text = f"# {title}\n\n{date}\n\n<!-- INFO END -->\n\n一、工作人员在国家机关工作的时间，一律计算为工作年限。\n"
    n = sztext.parse(text)
    assert n.published_date is not None and n.published_date.value == published_on
    assert n.signed_date is None
    n.verify()


@pytest.mark.parametrize(
    ("title", "approved", "published", "article", "date"),
    [
        # devcorpus 0315 (交通部) and 0329 (公安部): in force when the publishing body published it
        ("国境河流外国籍船舶管理办法", "1966年3月15日 国务院批准", "1966年4月19日 交通部发布", "第十八条 本办法经国务院批准，由交通部发布施行。", dt.date(1966, 4, 19)),
        ("治安保卫委员会暂行组织条例", "1952年6月27日 政务院批准", "1952年8月11日 公安部发布", "第十一条 本条例经中央人民政府政务院批准由中央公安部发布施行。", dt.date(1952, 8, 11)),
    ],
)
def test_published_by_a_body_in_force_on_publication(title: str, approved: str, published: str, article: str, date: dt.date) -> None:
    text = f"# {title}\n\n{approved}\n\n{published}\n\n<!-- INFO END -->\n\n第一条 为了加强管理，特制订本办法。\n\n{article}\n"
    n = sztext.parse(text)
    assert n.effective is not None and n.effective.on_issue and n.effective.from_ == date
    n.verify()


@pytest.mark.parametrize(
    ("title", "adopted", "decree", "issuer"),
    [
        # devcorpus 0289 and 0319: the 常务会议 adopted it, the 令 line names the promulgating body as printed
        ("企业事业单位内部治安保卫条例", "2004年9月13日 国务院第64次常务会议通过", "2004年9月27日 中华人民共和国国务院令第421号公布", "中华人民共和国国务院"),
        ("国有土地上房屋征收与补偿条例", "2011年1月19日 国务院第141次常务会议通过", "2011年1月21日 中华人民共和国国务院令第590号公布", "中华人民共和国国务院"),
    ],
)
def test_the_decree_line_names_the_issuer_over_the_meeting(title: str, adopted: str, decree: str, issuer: str) -> None:
    text = f"# {title}\n\n{adopted}\n\n{decree}\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了加强管理，制定本条例。\n"
    n = sztext.parse(text)
    assert [i.text for i in n.issuers] == [issuer]
    assert n.signed_date is not None and n.signed_date.text == adopted[: adopted.index(" ")]  # the meeting's date
    n.verify()


def test_a_meeting_with_no_decree_line_names_the_issuer() -> None:
    # devcorpus 0336 (人力资源和社会保障部): no 令 line, the meeting's body issues it
    text = "# 企业职工带薪年休假实施办法\n\n2008年7月17日 经人力资源和社会保障部第6次部务会议通过\n\n<!-- INFO END -->\n\n第一条 为了实施《职工带薪年休假条例》，制定本实施办法。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == ["人力资源和社会保障部"]
    n.verify()


@pytest.mark.parametrize(
    "title",
    [
        "医疗机构制剂配制质量管理规范（试行）",  # devcorpus 0351 (国家食品药品监督管理局令)
        "国家智慧教育公共服务平台接入管理规范（试行）",  # devcorpus 0084 (教育部办公厅)
    ],
)
def test_a_record_titled_as_a_guifan_keeps_its_title(title: str) -> None:
    text = f"# {title}\n\n2001年3月13日 国家食品药品监督管理局令第27号公布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 根据《中华人民共和国药品管理法》的规定，制定本规范。\n"
    n = sztext.parse(text)
    assert n.title is not None and n.title.text == title
    assert not [w for w in n.warnings if w.code == "text_before_first_document"]
    n.verify()
