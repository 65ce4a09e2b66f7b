"""A local regulation's adoption note gives its issuer and date (header.adoption_note): Markdown
renderings of 地方性法规 from several provinces (../shared/devcorpus)."""

from __future__ import annotations

import pytest

import sztext


@pytest.mark.parametrize(
    ("text", "issuer", "issuer_text", "date"),
    [
        # devcorpus 0369 (Beijing): # 中关村国家自主创新示范区条例 / 2010年12月23日 北京市第十三届人民代表大会常务委员会第二十二次会议通过
        ("# 中关村国家自主创新示范区条例\n\n2010年12月23日 北京市第十三届人民代表大会常务委员会第二十二次会议通过\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了促进和保障中关村国家自主创新示范区建设，制定本条例。\n",
         "北京市人民代表大会常务委员会", "北京市第十三届人民代表大会常务委员会", "2010-12-23"),
        # devcorpus 0404 (Henan): the first 通过 line wins over the later 修正 lines
        ("# 河南省严禁卖淫嫖娼条例\n\n1986年10月24日 河南省第六届人民代表大会常务委员会第二十三次会议通过\n\n2010年7月30日 河南省第十一届人民代表大会常务委员会第十六次会议《关于修改部分地方性法规的决定》第二次修正\n\n<!-- INFO END -->\n\n第一条 为了维护社会治安秩序，保护公民身心健康，制定本条例。\n",
         "河南省人民代表大会常务委员会", "河南省第六届人民代表大会常务委员会", "1986-10-24"),
        # devcorpus 0428 (Chongqing, an autonomous county's congress itself, then 批准 by the city)
        ("# 彭水苗族土家族自治县城乡建设管理条例\n\n2011年5月10日 彭水苗族土家族自治县第十五届人民代表大会第八次会议通过\n\n2011年7月29日 重庆市第三届人民代表大会常务委员会第二十五次会议批准\n\n## 第一章 总 则\n\n第一条 为加强城乡建设管理，制定本条例。\n",
         "彭水苗族土家族自治县人民代表大会", "彭水苗族土家族自治县第十五届人民代表大会", "2011-05-10"),
    ],
)
def test_adoption_note_gives_issuer_and_date(text: str, issuer: str, issuer_text: str, date: str) -> None:
    notice = sztext.parse(text)
    assert notice.issuer is not None and notice.issuer.clean == issuer and notice.issuer.text == issuer_text
    assert [i.clean for i in notice.issuers] == [issuer]
    assert notice.signed_date is not None and notice.signed_date.value.isoformat() == date
    notice.verify()


def test_a_signed_notice_keeps_its_signature() -> None:
    text = "关于做好工作的通知\n各区人民政府：\n2010年12月23日 北京市第十三届人民代表大会常务委员会第二十二次会议通过的条例，请贯彻执行。\n深圳市人民政府\n2024年1月5日\n"
    notice = sztext.parse(text)
    assert notice.issuer is not None and notice.issuer.clean == "深圳市人民政府"


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("北京市征兵工作条例", "条例"),  # devcorpus 0374 (Beijing)
        ("深圳经济特区房地产登记条例", "条例"),  # devcorpus 0398 (Shenzhen)
        ("青岛市支持省级数字经济园区建设等奖补政策实施细则", "细则"),  # devcorpus 0145 (Qingdao)
        ("济南市城市生活垃圾管理规定", "规定"),
        ("广州市引进人才入户管理办法（试行）", "办法"),
        ("广州市人力资源和社会保障局关于印发广州市引进人才入户管理办法实施细则的通知", "通知"),  # a 公文 ending wins
    ],
)
def test_regulation_titles_get_their_type(title: str, doc_type: str) -> None:
    notice = sztext.parse(f"{title}\n\n第一条 为了加强管理，根据有关法律法规，结合本市实际，制定本规定。\n")
    assert notice.doc_type == doc_type


def test_an_adoption_note_with_an_arabic_session_count() -> None:
    # devcorpus 0375 (Markdown record of a 地方性法规): 2017年8月31日 东营市第八届人民代表大会常务委员会第5次会议通过
    import datetime as dt

    text = "# 东营市养犬管理条例\n\n2017年8月31日 东营市第八届人民代表大会常务委员会第5次会议通过\n\n第一条 为了规范养犬行为，制定本条例。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == ["东营市人民代表大会常务委员会"]
    assert n.signed_date is not None and n.signed_date.value == dt.date(2017, 8, 31)
