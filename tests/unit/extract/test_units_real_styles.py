"""Unit rules checked on real lines: company units, shared prefixes/suffixes and 党委、政府 (issue 15).

The rules in grammars/units.toml for company-named units (…集团, …有限公司), shared 市级/各…政府
lists and `各市党委、政府` were first tested on the issue's own wording. Every row here quotes a
line of a real document (shared/devcorpus file number or the public page it was read from, named in
the comment), and asserts the unit names and roles sztext gives.

Searches for a real `【责任单位】` label line and a real note naming `各市党委、政府` found none
(searched: pages and code corpora, shared/devcorpus, shared/corpus); those two styles stay pinned by
the *constructed* rows in test_units_styles.py. The real lines that do name `各市党委、政府` in the
devcorpus are attendee lists, not notes; they are asserted below to give no unit group.
"""

from __future__ import annotations

import pytest

from sztext.grammar import Grammar, load_grammar

from shared_fixtures import unit_names

R, L, C = "responsible", "lead", "cooperating"


@pytest.fixture(scope="module")
def g() -> Grammar:
    return load_grammar()


COMPANY_UNITS = [
    pytest.param(  # devcorpus 0131 (山东省, 2021, 数字强省 plan): a provincial group company in a 参加单位 list
        "实施一批数字博物馆、智慧图书馆、数字文化馆等数字文化场馆建设工程，构建文化大数据综合服务平台。"
        "（牵头单位：省文化和旅游厅，参加单位：省大数据局、省演艺集团）",
        [[("省文化和旅游厅", L), ("省大数据局", C), ("省演艺集团", C)]],
        id="shandong-0131-provincial-group-company",
    ),
    pytest.param(  # devcorpus 0139 (济南市, 2021, “科创济南” 若干政策措施 (二十四)): a city holding company
        # after four agencies; 牵头单位 and 责任单位 in one bracket, separated by ，
        "积极发挥财政资金的激励和引导作用，鼓励社会力量加大科技投入，加快建立完善多元化、多层次、多渠道的科技投入体系。"
        "（牵头单位：市科技局，责任单位：市发展改革委、市工业和信息化局、市市场监管局、市财政局、市财政投资基金控股集团）",
        [[("市科技局", L), ("市发展改革委", R), ("市工业和信息化局", R), ("市市场监管局", R), ("市财政局", R),
          ("市财政投资基金控股集团", R)]],
        id="jinan-0139-city-holding-company",
    ),
    pytest.param(  # devcorpus 0108 (国务院办公厅, 2020, 老年人运用智能技术): a central company 有限公司 among
        # ministries takes no prefix; 及各地区 is its own unit
        "高速公路服务区、收费站等服务窗口要为老年人提供咨询、指引等便利化服务和帮助。"
        "（交通运输部、国家铁路局、中国民航局、中国国家铁路集团有限公司及各地区按职责分工负责）",
        [[("交通运输部", R), ("国家铁路局", R), ("中国民航局", R), ("中国国家铁路集团有限公司", R), ("各地区", R)]],
        id="national-0108-limited-company",
    ),
    pytest.param(  # devcorpus 0180 (山东省乡村振兴局, 2021 征求意见稿, OCR): a company naming its own province takes no 省
        "在重点县建设30个电气化项目和2个示范工程。(省发展改革委、省交通运输厅、省水利厅、国网山东省电力公司按职责分工负责)",
        [[("省发展改革委", R), ("省交通运输厅", R), ("省水利厅", R), ("国网山东省电力公司", R)]],
        id="shandong-0180-grid-company-own-place",
    ),
    pytest.param(  # devcorpus 0046 (山东省 plan): 省新动能基金管理公司 keeps its written 省; a bank branch naming
        # its province takes none
        "推荐场景创新优秀企业参与“创投基金齐鲁行”投融资对接活动。(省发展改革委、省财政厅、省新动能基金管理公司、人民银行山东省分行负责)",
        [[("省发展改革委", R), ("省财政厅", R), ("省新动能基金管理公司", R), ("人民银行山东省分行", R)]],
        id="shandong-0046-fund-company-and-bank-branch",
    ),
]

SHARED_LISTS = [
    pytest.param(  # 咸阳市 (陕西) 2022年深化“放管服”改革优化营商环境工作要点, item 1, a Traditional-script
        # copy at newton.com.tw/wiki/咸阳市2022年深化“放管服”改革… : 市级各有关部门 keeps its 市级, and
        # 各县市区政府 (no 、 between 县市区) stays one unit as written
        "並做好同市場準入負面清單、政務服務事項基本目錄、“網際網路+監管”事項清單、投資項目審批事項清單、工程建設項目審批事項清單的銜接。"
        "(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責)",
        [[("市政府辦公室", L), ("市行政審批制度改革工作領導小組辦公室", L), ("市級各有關部門", R), ("各縣市區政府", R)]],
        id="shaanxi-xianyang-shared-city-level",
    ),
    pytest.param(  # devcorpus 0162 (山东省, 2024, 科技创新 measures): 金融监管总局山东监管局 names its own
        # province after the national head's name and takes no 省 from 省财政厅 before it (units.own_prefix)
        "实施企业上市培育计划，省财政给予相应奖励补助。"
        "（省科技厅、人民银行山东省分行牵头，省委金融办、省财政厅、金融监管总局山东监管局配合）",
        [[("省科技厅", L), ("人民银行山东省分行", L), ("省委金融办", C), ("省财政厅", C), ("金融监管总局山东监管局", C)]],
        id="shandong-0162-national-office-in-province",
    ),
]

PARTY_AND_GOVERNMENT_NOT_NOTES = [
    # devcorpus 0215 (中共山东省委办公厅、山东省人民政府办公厅, 鲁办发电〔2020〕164号): an attendee list
    pytest.param(
        "各市党委、政府主要负责同志和1名分管负责同志、1名集体秘书，每市10名受表彰的全省抗击新冠肺炎疫情先进",
        id="shandong-0215-attendees",
    ),
    # devcorpus 0195 (山东省扶贫开发领导小组, 鲁扶贫组字〔2021〕1号): 16市党委、政府 in an attendee list
    pytest.param(
        "三、与会人员省委、省政府分管领导同志;省扶贫开发领导小组各成员单位主要负责同志;16市党委、政府分管负责同志，"
        "市扶贫办主任;省扶贫开发办领导班子成员。",
        id="shandong-0195-attendees",
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_UNITS + SHARED_LISTS)
def test_real_lines(text: str, expected: list[list[tuple[str, str]]], g: Grammar) -> None:
    assert unit_names(text, g) == expected


@pytest.mark.parametrize("text", PARTY_AND_GOVERNMENT_NOT_NOTES)
def test_party_and_government_in_attendee_lists_is_no_note(text: str, g: Grammar) -> None:
    assert unit_names(text, g) == []


NOTE_ENDINGS = [
    pytest.param(  # 内蒙古自治区人民政府 呼包鄂乌一体化发展若干举措 (tests/devcorpus/extra e91, freewechat.com reprint):
        # a 下同 standing as its own item after 按职责分工负责 names no unit, and the remark after it is skipped
        "推动呼和浩特至包头高铁及延伸线(呼和浩特至新机场段)项目前期工作。(责任单位:自治区发展改革委、财政厅,"
        "中国铁路呼和浩特局集团有限公司,四市人民政府按职责分工负责,下同。以下各项任务均涉及四市或部分市人民政府,不再列出)",
        [[("自治区发展改革委", R), ("自治区财政厅", R), ("中国铁路呼和浩特局集团有限公司", R), ("四市人民政府", R)]],
        id="neimenggu-e91-same-below-after-role",
    ),
    pytest.param(  # devcorpus 0129 (山东省, 2021): the closing 下同 after the lead rule, no unit either
        "不断提升思政教育能力。（省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同）",
        [[("省委教育工委", L), ("省委宣传部", R), ("团省委", R)]],
        id="shandong-0129-same-below-after-lead-rule",
    ),
    pytest.param(  # 内蒙古自治区人民政府办公厅 2013 呼包银榆 重点工作分工方案 (tests/devcorpus/extra e90, wisor.cc):
        # 和 between 环保厅 and a body naming its own place splits the two; 经济和信息化委 stays one name
        "加快煤炭、电力、油气等输送通道建设。(自治区能源开发局牵头,自治区发展改革委、经济和信息化委、国土资源厅、"
        "环保厅和内蒙古电力监管办及相关盟市配合)",
        [[("自治区能源开发局", L), ("自治区发展改革委", C), ("自治区经济和信息化委", C), ("自治区国土资源厅", C),
          ("自治区环保厅", C), ("内蒙古电力监管办", C), ("相关盟市", C)]],
        id="neimenggu-e90-he-between-bodies",
    ),
    pytest.param(  # 新政办发〔2022〕49号 (新疆维吾尔自治区人民政府办公厅; tests/devcorpus/extra e94, mjxjqwh.cn reprint):
        # 〔〕 as the inner parenthesis inside a name, the role word after the closing 〔行政公署〕, the
        # trailing bracket kept in the unit's text and left out of its name
        "科学有序推动批发零售、餐饮、文化娱乐、居民服务等人员聚集型行业复工复市。"
        "(自治区卫生健康委、市场监督管理局,各地〔州、市〕人民政府〔行政公署〕负责)",
        [[("自治区卫生健康委", R), ("自治区市场监督管理局", R), ("各地〔州、市〕人民政府", R)]],
        id="xinjiang-e94-inner-brackets-and-role-after-bracket",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTE_ENDINGS)
def test_note_endings_and_joined_bodies(text: str, expected: list[list[tuple[str, str]]], g: Grammar) -> None:
    assert unit_names(text, g) == expected
