"""The provincial lexicons of the east, central, south and southwest provinces (issue 15, helper np2): a
document whose header names no place is placed by its 文号 code, and the province's bodies get their
canonical names in its responsibility notes. The 文号 are quoted from real documents (grammars/agencies/
<province>.toml names each source)."""

from __future__ import annotations

import pytest

import sztext
from sztext.extract.jurisdiction import find_jurisdiction

G = sztext.load_grammar()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("赣府字", "江西省"),  # 赣府字〔2010〕37号, 江西省人民政府 (extra e150)
        ("赣府厅字", "江西省"),  # 赣府厅字〔2018〕87号, 江西省人民政府办公厅
        ("黔府办发", "贵州省"),  # 黔府办发〔2012〕34号 (extra e152)
        ("云政函", "云南省"),  # 云政函〔2021〕25号 (extra e160)
        ("桂政办发", "广西壮族自治区"),  # 桂政办发〔2011〕186号
        ("桂工信综合", "广西壮族自治区"),  # 桂工信综合〔2024〕80号 (extra e74)
        ("琼府办", "海南省"),  # 琼府办〔2022〕41号 (extra e95)
        ("鄂政发", "湖北省"),  # 鄂政发〔2018〕26号
        ("湘办发", "湖南省"),  # 湘办发〔2016〕41号 (quoted in extra e144)
        ("苏政发", "江苏省"),  # 苏政发〔2008〕25号 (extra e15)
        ("皖政", "安徽省"),  # 皖政〔2015〕82号
        ("川发改价格", "四川省"),  # 川发改价格〔2025〕480号 (corpus 0045)
        ("闽财建", "福建省"),  # 闽财建[2007]157号
    ],
)
def test_a_provincial_code_places_the_document(code: str, expected: str) -> None:
    found = find_jurisdiction(G, agency_code=code)
    assert found is not None and found.name == expected and found.level == "provincial"


def test_an_issuer_below_the_province_wins_over_its_code() -> None:
    """温州市人民政府办公室 (extra e145) is 温州市, not 浙江省, whatever its 文号 says."""
    found = find_jurisdiction(G, issuers=["温州市人民政府办公室"], agency_code="温政办")
    assert found is not None and found.name == "温州市" and found.parent == "浙江省"


def test_a_code_of_a_national_office_is_no_province() -> None:
    """闽监能函 is 国家能源局福建监管办公室's (devcorpus 0245): 闽财 / 闽价 do not claim it."""
    found = find_jurisdiction(G, agency_code="闽监能函")
    assert found is None or found.name != "福建省"


def test_sichuan_bodies_get_their_full_names_in_a_sichuan_note() -> None:
    """（责任单位：省发展改革委、经济和信息化厅） under a 四川省发展和改革委员会 notice (extra e04)."""
    text = (
        "四川省发展和改革委员会关于印发实施方案的通知\n川发改〔2022〕1号\n各市（州）发展改革委：\n现将有关事项通知如下。\n"
        "一、推进项目建设\n加快重点项目建设。（责任单位：省发展改革委、经济和信息化厅）\n四川省发展和改革委员会\n2022年5月18日\n"
    )
    n = sztext.parse(text)
    assert n.jurisdiction is not None and n.jurisdiction.name == "四川省"
    def nodes(items):  # every outline node, depth first
        for node in items:
            yield node
            yield from nodes(node.children)

    units = [u for node in nodes(n.body) for group in node.unit_groups for u in group]
    assert [(u.name, u.canonical) for u in units] == [("省发展改革委", "四川省发展和改革委员会"), ("省经济和信息化厅", "四川省经济和信息化厅")]  # the shared 省 is carried over
