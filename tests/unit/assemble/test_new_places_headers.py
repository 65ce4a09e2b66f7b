"""Header shapes of notices from places the devcorpus lacked (issues 14 and 15, helper np2): every line
is quoted from a real notice of the east, central, south and southwest provinces, two or more issuers for
each shape (tests/devcorpus/extra e140–e160 and pages found with the search tools, named by each case)."""

from __future__ import annotations

import datetime as dt

import pytest

import sztext


def _notice(header: str, *, signature: str = "某某市人民政府\n2024年5月18日\n") -> sztext.Notice:
    text = f"{header}\n现将有关事项通知如下。\n{signature}"
    return sztext.parse(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a bare kind of organ after 、 shares the head before it (grammars/header.toml, header.addressee_bare_head)
        # 云南省人民政府, 云政函〔2021〕25号 (extra e160)
        ("各州、市人民政府,省直各委、办、厅、局:", ["各州、市人民政府", "省直各委、办、厅、局"]),
        # 临沧市人民政府 2006 (extra e140)
        ("各县、区人民政府,市直各委、办、局:", ["各县、区人民政府", "市直各委、办、局"]),
        # 山西省人民政府, 晋政发〔2018〕13号 (laodongfa.com page)
        ("各市、县人民政府,省人民政府各委、办、厅、局:", ["各市、县人民政府", "省人民政府各委、办、厅、局"]),
        # 北京市人民政府办公厅, 京政办发〔2016〕26号 (0798ci.com page)
        ("各区人民政府,市政府各委、办、局,各市属机构:", ["各区人民政府", "市政府各委、办、局", "各市属机构"]),
        # distinct bodies still split (国务院办公厅, corpus 0008)
        ("黑龙江省人民政府、教育部、外交部：", ["黑龙江省人民政府", "教育部", "外交部"]),
    ],
)
def test_bare_organ_kinds_share_the_head(line: str, expected: list[str]) -> None:
    n = _notice(f"某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n{line}")
    assert [a.text for a in n.addressees] == expected


def test_a_lone_organ_kind_is_no_addressee_part() -> None:
    """办 / 局 alone start no part: only after 、 (a line of its own is no 主送)."""
    n = _notice("某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n办:")
    assert n.addressees == []


@pytest.mark.parametrize(
    ("table", "title", "number"),
    [
        # 海口市发展和改革委员会, 海发改办〔2020〕1085号 (extra e148): keys with two spaces inside
        (
            "索 引 号: 00817989-3/2022-45943 分类: 报告    机构分类\n发布机构: 市发展和改革委员会 发文日期: 2020年08月10日\n"
            "名  称: 关于报送《海口市发展和改革委员会地震应急预案》的报告\n文  号: 海发改办〔2020〕1085号 主 题 词:\n\n\n"
            "关于报送《海口市发展和改革委员会地震应急预案》的报告\n\n海发改办〔2020〕1085号\n\n海口市抗震救灾指挥部办公室:",
            "关于报送《海口市发展和改革委员会地震应急预案》的报告",
            "海发改办〔2020〕1085号",
        ),
        # 重庆市渝北区人民政府, 渝北府发〔2017〕7号 (extra e156)
        (
            "索 引 号: 009315877/2017-00733 信息分类名称: 行政事务/其他公文/全社会\n发布机构: 渝北区政府 生成日期: 2017-03-21 发布日期: 2017-03-21\n"
            "名  称: 重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知\n文  号: 渝北府发 〔2017〕 7号 主 题 词: 行政事务\n \n渝北府发〔2017〕7号\n \n \n"
            "重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知\n \n \n各镇人民政府,区政府各部门,各街道办事处,各区属国有企业,有关单位:",
            "重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知",
            "渝北府发〔2017〕7号",
        ),
    ],
)
def test_spaced_table_keys_are_metadata(table: str, title: str, number: str) -> None:
    """名  称: / 文  号: (two spaces) are table keys: the title is the text's own, not the key's line."""
    n = _notice(table)
    assert n.title is not None and n.title.clean == title
    assert n.doc_number is not None and n.doc_number.clean == number


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the zero of a Chinese year typed as the letter O (grammars/dates.toml year_c)
        ("二OO三年十二月四日", dt.date(2003, 12, 4)),  # 江西省吉安市人民政府办公室, 吉府发〔2003〕37号 (extra e151)
        ("二OO六年二月二十日", dt.date(2006, 2, 20)),  # 云南省临沧市人民政府 (extra e140)
        ("二OO五年十一月一日", dt.date(2005, 11, 1)),  # 宜春市人民政府办公室, 宜府办字〔2005〕111号 (search corpus page)
        ("二OO八年五月二十三日", dt.date(2008, 5, 23)),  # 呼和浩特市人民政府办公厅, 呼政办发[2008]68号 (6065bob.com page)
        ("二〇〇四年二月五日", dt.date(2004, 2, 5)),  # the usual form (温州市人民政府办公室, extra e145)
    ],
)
def test_a_year_zero_typed_as_the_letter_o(line: str, expected: dt.date) -> None:
    n = _notice("某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n各区人民政府:", signature=f"某某市人民政府\n{line}\n")
    assert n.signed_date is not None and n.signed_date.value == expected


def test_letter_o_is_no_zero_outside_a_chinese_year() -> None:
    from sztext.numerals import date_number

    assert date_number("二OO三") == 2003
    assert date_number("OO") is None  # ASCII: no Chinese numeral


@pytest.mark.parametrize(
    ("text", "number", "date"),
    [
        # 江西省人民政府 (法搜网 page, extra e150): the 文号 and the date in one bracket under the title
        (
            "江西省人民政府关于命名抚州市等市县为江西省园林城市(县城)的通知\n\n江西省人民政府关于命名抚州市等市县为江西省园林城市(县城)的通知\n"
            "(赣府字〔2010〕37号 2010年3月22日)\n\n\n各市、县(区)人民政府,省政府各部门:\n  经省政府审定,现命名抚州市、鹰潭市、德兴市、丰城市等4个城市为“江西省园林城市”。\n",
            "赣府字〔2010〕37号",
            dt.date(2010, 3, 22),
        ),
        # 国务院 批复 (yestaryl.com page, in Simplified here): (国函[2000]83号 2000年6月23日)
        (
            "国务院关于同意江西省撤销抚州地区设立地级抚州市的批复\n(国函[2000]83号 2000年6月23日)\n江西省人民政府:\n"
            "你省《关于抚州地区撤地设市实行市领导县体制的请示》(赣府文[2000]25号)及有关补充报告收悉。现批复如下:\n",
            "国函[2000]83号",
            dt.date(2000, 6, 23),
        ),
    ],
)
def test_number_and_date_in_one_bracket(text: str, number: str, date: dt.date) -> None:
    n = sztext.parse(text)
    assert n.doc_number is not None and n.doc_number.clean == number
    assert n.signed_date is not None and n.signed_date.value == date


def test_issuer_lines_above_a_title_across_blank_lines() -> None:
    """A joint notice's issuer lines head its title also when a page dump puts a blank line after every line
    (中共重庆市永川区来苏镇委员会 and 重庆市永川区来苏镇人民政府, 来苏委发〔2021〕68号, extra e159), as they do without
    blank lines (the five issuers of a 重庆 notice, corpus 0042)."""
    text = (
        "来苏委发〔2021〕68号\n\n中共重庆市永川区来苏镇委员会\n\n重庆市永川区来苏镇人民政府\n\n"
        "关于印发《来苏镇第十一届村民委员会换届选举工作方案》的通知\n\n各村党总支、村委会:\n\n"
        "《来苏镇第十一届村民委员会换届选举工作方案》已经镇党委同意,现印发给你们,请结合实际,抓好落实。\n\n"
        "中共重庆市永川区来苏镇委员会\n\n重庆市永川区来苏镇人民政府\n\n2021年3月11日\n"
    )
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == (
        "中共重庆市永川区来苏镇委员会重庆市永川区来苏镇人民政府关于印发《来苏镇第十一届村民委员会换届选举工作方案》的通知"
    )
    assert [a.clean for a in n.addressees] == ["各村党总支", "村委会"]


def test_a_signature_over_a_blank_line_and_text_heads_no_title() -> None:
    """Two blank lines, or a line that is no 关于 title, end the run: a signature stays a signature."""
    text = (
        "某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n各区人民政府:\n现将有关事项通知如下。\n\n"
        "某某市人民政府\n\n2024年5月18日\n"
    )
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == ["某某市人民政府"]
