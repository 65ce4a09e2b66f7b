"""Responsibility-note styles beyond the bracketed note (issue 15), on real lines.

Every row quotes a line of a real document (the source is named in the comment: shared/devcorpus
file numbers, shared/corpus file numbers, or the public page the line was read from); rows
marked *constructed* pin a documented decision for which no real line was found. Each rule has
rows from at least two jurisdictions.

Runs on the shipped grammar; only names and roles are asserted (canonical names are tested in
test_units.py and test_jurisdiction.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.grammar import Grammar, load_grammar

from shared_fixtures import unit_names

DEVCORPUS = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"

R, L, C = "responsible", "lead", "cooperating"


@pytest.fixture(scope="module")
def g() -> Grammar:
    return load_grammar()


_names = unit_names


LINE_NOTES = [
    pytest.param(  # 蔡甸区 (武汉, 湖北) 蔡政办〔2023〕1号, www.caidian.gov.cn: a 责任单位 line after each target
        "(一)地区生产总值增长7%以上\n\n责任单位:区发展和改革局\n\n(二)规上工业增加值增长12%以上\n\n责任单位:区科技和经信局\n",
        [[("区发展和改革局", R)], [("区科技和经信局", R)]],
        id="hubei-caidian-own-line",
    ),
    pytest.param(  # 丽水市 (浙江) 2023 市政府工作报告重点工作责任分解, www.lishui.gov.cn, item 10
        "10.实施招商引资“百千”行动,每年招引亿元以上制造业项目100个,带动未来五年制造业投资1000亿元以上。\n\n"
        "责任单位:市双招双引办、市发改委、市经信局,各县(市、区)政府、丽水开发区管委会\n",
        [[("市双招双引办", R), ("市发改委", R), ("市经信局", R), ("各县(市、区)政府", R), ("丽水开发区管委会", R)]],
        id="zhejiang-lishui-own-line",
    ),
    pytest.param(  # 滁州市 (安徽) 2020 市政府重点工作及责任分解, www.chuzhou.gov.cn: each label line is one
        # group; the leader's line is a person, no unit; 各县、市、区政府 shares 各 and 政府 (three units)
        "1. 地区生产总值增长8%以上。\n\n牵头负责领导:金力。\n\n牵头责任单位:市发展改革委。\n\n"
        "协同责任单位:市经信局、市商务局、市交通局、市农业农村局、滁州经开区管委会、中新苏滁高新区管委会等,各县、市、区政府。\n",
        [[("市发展改革委", L)], [("市经信局", C), ("市商务局", C), ("市交通局", C), ("市农业农村局", C),
          ("滁州经开区管委会", C), ("中新苏滁高新区管委会", C), ("各县政府", C), ("各市政府", C), ("各区政府", C)]],
        id="anhui-chuzhou-label-lines",
    ),
    pytest.param(  # 立山区 (鞍山, 辽宁) 鞍立政发〔2023〕2号, www.lishan.gov.cn: a later name without an
        # agency ending is kept as written once the first one is a body
        "1.努力实现地区生产总值增长6.2%左右。\n\n牵头单位:区发改局\n\n责任单位:立山经济开发区,全区经济运行各专班\n",
        [[("区发改局", L)], [("立山经济开发区", R), ("全区经济运行各专班", R)]],
        id="liaoning-lishan-lead-then-responsible",
    ),
    pytest.param(  # constructed (issue 15's 【责任单位】 style; no real line found): the view reads 【】 as []
        "加强项目建设。\n【责任单位】市发展改革委、市财政局\n",
        [[("市发展改革委", R), ("市财政局", R)]],
        id="constructed-lenticular-label",
    ),
]

SENTENCES = [
    pytest.param(  # devcorpus 0075 (交通运输部, 2022): a whole sentence of names and role words
        "　　（二）试点指导单位。\n　　交通运输部运输服务司牵头，科技司、人事教育司配合。\n",
        [[("交通运输部运输服务司", L), ("科技司", C), ("人事教育司", C)]],
        id="national-0075-sentence",
    ),
    pytest.param(  # devcorpus 0046 (山东省): 由X牵头，Y等参与 inside the measure; Y takes the 省 of X, as the
        # same plan writes it elsewhere ((省发展改革委、省“十强产业”协调推进机制牵头部门负责))
        "由省绿色低碳高质量发展先行区建设领导小组办公室牵头，“十强产业”协调推进机制牵头部门等参与，建立省、市、县三级联动机制",
        [[("省绿色低碳高质量发展先行区建设领导小组办公室", L), ("省“十强产业”协调推进机制牵头部门", C)]],
        id="shandong-0046-by-clause",
    ),
    pytest.param(  # shared/corpus 0036 (龙岩市, 福建, 2022): 由X牵头，组织… keeps X
        "(一)摸底排查(2022年5月底前)。由国网龙岩供电公司牵头，组织各县(市、区)供电公司对辖区内存在“三线”交越搭挂的电力杆塔、线路进行全面的摸底排查",
        [[("国网龙岩供电公司", L)]],
        id="fujian-longyan-by-clause",
    ),
]

SENTENCE_NOT_NOTES = [
    # devcorpus 0108 (国务院办公厅): names before 牵头 inside a longer sentence are no note
    pytest.param("（一）健全工作机制。建立国家发展改革委、国家卫生健康委牵头，国务院各有关部门参加的部际联席会议机制，明确责任分工。", id="national-0108-mechanism"),
    # shared/corpus 0017 (国函〔2018〕144号): 由 inside a sentence
    pytest.param("同意建立由国务院领导同志牵头负责的国务院职业教育工作部际联席会议制度。", id="national-0017-by-inside"),
    # devcorpus 0186 (山东省能源局): a bracket with 参加 whose names are no bodies
    pytest.param("特邀请贵厅(单位)负责领导同志参加新闻发布会并回答记者提问(山东省新能源产业协会和山东省电能替代促进会协商推荐一名同志参加)，请将", id="shandong-0186-invitation"),
    # shared/corpus 0001 (国发〔2019〕4号): a clause with 由 in brackets
    pytest.param("院校内职业技能等级证书的实施（技工院校内由人力资源社会保障行政部门负责），国务院", id="national-0001-clause"),
]

INSIDE_SENTENCE = [
    pytest.param(  # devcorpus 0169 (山东省, 2019): a note before the 。 of its sentence
        "初步形成全省统一的政务服务支撑体系（省大数据局、省政府办公厅牵头，各有关部门、各市政府配合）。加强整合共享成果应用",
        [[("省大数据局", L), ("省政府办公厅", L), ("各有关部门", C), ("各市政府", C)]],
        id="shandong-0169-before-full-stop",
    ),
    pytest.param(  # devcorpus 0046 (山东省, Qingdao's office named): no 。 before the note
        "开放应用场景不少于20个，聚集人工智能生态伙伴不少于30家(青岛市绿色低碳高质量发展先行区建设办公室负责)",
        [[("青岛市绿色低碳高质量发展先行区建设办公室", R)]],
        id="shandong-0046-qingdao-office",
    ),
]

ROLE_WORDS = [
    pytest.param(  # devcorpus 0104 (国家发展改革委等, 2020): 按职能分工负责 is a role, not part of 各部门
        "提供数据接口等方式。（中央网信办、发展改革委牵头，各地区、各部门按职能分工负责）",
        [[("中央网信办", L), ("发展改革委", L), ("各地区", R), ("各部门", R)]],
        id="national-0104-by-function",
    ),
    pytest.param(  # devcorpus 0169 (山东省): 牵头 / 配合 / 分工负责 in one note
        "省、市、县各级100个高频事项实现“最多跑一次”（省政府办公厅牵头，省大数据局配合，各有关部门、各市政府分工负责）。",
        [[("省政府办公厅", L), ("省大数据局", C), ("各有关部门", R), ("各市政府", R)]],
        id="shandong-0169-three-roles",
    ),
    pytest.param(  # devcorpus 0021 (国办发〔2018〕128号): 指导 and 参与
        "交废与线下回收有机结合。（商务部指导，供销合作总社参与）",
        [[("商务部", R), ("供销合作总社", C)]],
        id="national-0021-guides",
    ),
    pytest.param(  # 丽水市 (浙江) 2023, item 6: 分别牵头 makes each one lead
        "6.城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。\n\n责任单位:市人力社保局、市农业农村局分别牵头\n",
        [[("市人力社保局", L), ("市农业农村局", L)]],
        id="zhejiang-lishui-each-leads",
    ),
    pytest.param(  # 咸安区 (咸宁, 湖北) 2023 重点工作任务责任分解方案 (by6714.com/t/huazhong/7692.html):
        # the leader is a person, not a unit
        "12.启动南外环高速公路、全域公交项目建设。(责任领导:洪声耀;牵头单位:区交通运输局;责任单位:区发改局、区自然资源和规划局、区林业局,区经发集团,相关乡镇办)",
        [[("区交通运输局", L), ("区发改局", R), ("区自然资源和规划局", R), ("区林业局", R), ("区经发集团", R), ("相关乡镇办", R)]],
        id="hubei-xianan-leader-is-no-unit",
    ),
]

SPLITS = [
    pytest.param(  # devcorpus 0108 (国务院办公厅, 2020): 相关部门及各地区 are two units
        "造成恶劣影响的，追究相关单位负责人的责任。（国家卫生健康委、国务院办公厅、工业和信息化部牵头，相关部门及各地区按职责分工负责）",
        [[("国家卫生健康委", L), ("国务院办公厅", L), ("工业和信息化部", L), ("相关部门", R), ("各地区", R)]],
        id="national-0108-and-each",
    ),
    pytest.param(  # devcorpus 0159 (青岛市, 2024): 及相关… are two units
        "（责任单位：市工业和信息化局、市大数据局、市科技局及相关行业主管部门，市委网信办）",
        [[("市工业和信息化局", R), ("市大数据局", R), ("市科技局", R), ("相关行业主管部门", R), ("市委网信办", R)]],
        id="qingdao-0159-and-related",
    ),
    pytest.param(  # devcorpus 0159 (青岛市, 2024): 及 before a member group; the group takes no 市
        "（责任单位：市工业和信息化局及专班成员单位，各区、市政府）",
        [[("市工业和信息化局", R), ("专班成员单位", R), ("各区政府", R), ("各市政府", R)]],
        id="qingdao-0159-members",
    ),
    pytest.param(  # devcorpus 0159 (青岛市, 2024): 各区、市政府 shares 各 and 政府: 各区政府, 各市政府 (as the unit
        # goldens read it; 广州市 2012 各区、县级市 → 各区, 各县级市 and 沈阳市 2015 相关区、县(市)政府 below)
        "（责任单位：市委宣传部，市工业和信息化局、市科技局、市大数据局，各区、市政府）",
        [[("市委宣传部", R), ("市工业和信息化局", R), ("市科技局", R), ("市大数据局", R), ("各区政府", R), ("各市政府", R)]],
        id="qingdao-0159-districts-and-cities",
    ),
    pytest.param(  # devcorpus 0108: 等相关部门 after a name is no part of it
        "在常态化疫情防控下。（商务部、民政部、住房城乡建设部、国家卫生健康委等相关部门按职责分工负责）",
        [[("商务部", R), ("民政部", R), ("住房城乡建设部", R), ("国家卫生健康委", R)]],
        id="national-0108-etc-departments",
    ),
]

PREFIXES = [
    pytest.param(  # 广州市 2012 人才 plan (a 配合单位 list): 各区、县级市 → 各区, 各县级市
        "（牵头单位：市发展改革委；配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）",
        [[("市发展改革委", L), ("市委组织部", C), ("市人力资源和社会保障局", C), ("各区", C), ("各县级市", C)]],
        id="guangzhou-districts-and-county-cities",
    ),
    pytest.param(  # 沈阳市 2015 task list: a person's clause, then 牵头 / 配合; 相关区、县(市)政府 shares 相关 and 政府
        "一、简政放权。\n由顾春明同志负责,市编委办牵头,市发展改革委、政务服务办及相关区、县(市)政府配合。\n",
        [[("市编委办", L), ("市发展改革委", C), ("市政务服务办", C), ("相关区政府", C), ("相关县(市)政府", C)]],
        id="liaoning-shenyang-person-then-lead",
    ),
    pytest.param(  # 兰州市 task list (tests/devcorpus/extra e23): a person named by office opens the clause. The form
        # had no second issuer (issue 15 searched for one), so it was removed: the clause is not read.
        "4、兰州城市轨道交通项目\n由吴继德副市长负责,市建设局牵头,市发改委配合,按照要求进一步修改完善项目建设方案,报国家发改委基础产业司相关处室。\n",
        [],
        id="gansu-lanzhou-vice-mayor-form-removed",
    ),
    pytest.param(  # 云南省人民政府 2017 稳增长意见 (tests/devcorpus/extra e54): X、Y牵头;Z…配合, and 各州、市人民政府
        # shares 各 and 人民政府 (州 is a level, as in 湖北 鄂政发〔2018〕26号 各市、州、县人民政府)
        "一、推进重大项目建设\n用于奖励投资完成情况好而又缺资金的地区项目建设。(省发展改革委、财政厅牵头;省工业和信息化委、国土资源厅,国家开发银行云南省分行,各州、市人民政府配合)\n",
        [[("省发展改革委", L), ("省财政厅", L), ("省工业和信息化委", C), ("省国土资源厅", C), ("国家开发银行云南省分行", C), ("各州人民政府", C), ("各市人民政府", C)]],
        id="yunnan-prefectures-and-cities",
    ),
    pytest.param(  # 广西实施新一轮工业振兴三年行动的若干政策措施 (广西壮族自治区人民政府办公厅 2024, www.liunan.gov.cn):
        # 自治区 is lent to the bare names after it, 各市人民政府 keeps its own
        "二、支持工业科技创新\n支持工业互联网、数字化转型生态建设,对列入国家级试点示范的工业互联网平台等项目给予资金支持。(牵头单位:自治区工业和信息化厅、财政厅、发展改革委、科技厅;配合单位:各市人民政府)\n",
        [[("自治区工业和信息化厅", L), ("自治区财政厅", L), ("自治区发展改革委", L), ("自治区科技厅", L), ("各市人民政府", C)]],
        id="guangxi-autonomous-region-prefix",
    ),
    pytest.param(  # 内蒙古自治区2023年…推动产业高质量发展政策清单 (内政发〔2023〕3号, a docx copy at doc.chddh.cn):
        # the same lending in a 责任单位 note of another autonomous region (the spaces of the docx's line breaks
        # inside words left out)
        "2.实施耕地保护与建设行动,对 395 万亩高标准农田建设项目给予支持。对呼伦贝尔市、兴安盟、通辽市、赤峰市实施 1920 万亩黑土地保护性耕作给予支持。(责任单位: 自治区农牧厅、发展改革委、财政厅)\n",
        [[("自治区农牧厅", R), ("自治区发展改革委", R), ("自治区财政厅", R)]],
        id="inner-mongolia-autonomous-region-prefix",
    ),
    pytest.param(  # devcorpus 0131 (山东省): 济南、青岛、济宁市政府 share 市政府; a city's body takes no 省
        "（牵头单位：省大数据局，参加单位：省生态环境厅、省发展改革委，济南、青岛、济宁市政府）",
        [[("省大数据局", L), ("省生态环境厅", C), ("省发展改革委", C), ("济南市政府", C), ("青岛市政府", C), ("济宁市政府", C)]],
        id="shandong-0131-cities-share-suffix",
    ),
    pytest.param(  # 安徽省 2023 重点工作及责任分解 (a news copy): 省政府各部门、各直属机构 → 省政府各直属机构
        "协同责任单位:省政府各部门、各直属机构。",
        [[("省政府各部门", C), ("省政府各直属机构", C)]],
        id="anhui-government-members",
    ),
    pytest.param(  # 西宁市 (青海) plan: two labels in one bracket separated by spaces only
        "1.提高流通管理部门管理效能。(牵头单位:市商务局  责任单位:市编办、市发改委、市法制办、各区县政府)",
        [[("市商务局", L), ("市编办", R), ("市发改委", R), ("市法制办", R), ("各区县政府", R)]],
        id="qinghai-xining-labels-by-spaces",
    ),
    pytest.param(  # constructed from issue 15 (decision: two units, the 各市 is lent to the bare 政府)
        "压实责任。（各市党委、政府，省直有关部门）",
        [[("各市党委", R), ("各市政府", R), ("省直有关部门", R)]],
        id="constructed-each-city-party-and-government",
    ),
    pytest.param(  # constructed from issue 15: 各区（县）人民政府 is one unit, 市 after it is its own
        "加快推进。（各区（县）人民政府、市财政局、发展改革委）",
        [[("各区（县）人民政府", R), ("市财政局", R), ("市发展改革委", R)]],
        id="constructed-district-county-government",
    ),
    pytest.param(  # devcorpus 0129 (山东省): 团省委 carries its own 省
        "不断提升思政教育能力。（省委教育工委、省委宣传部、团省委负责）",
        [[("省委教育工委", R), ("省委宣传部", R), ("团省委", R)]],
        id="shandong-0129-youth-league",
    ),
    pytest.param(  # 硚口区 (武汉) 2023 区政府工作报告重点任务分解 (xialuqu.gov.cn): a company takes no 区
        "1.大力推进一期核心区建设,引进跨境电商领域龙头企业入驻。[责任单位:老街办、区招商服务中心、长乐投资有限公司]",
        [[("老街办", R), ("区招商服务中心", R), ("长乐投资有限公司", R)]],
        id="hubei-company-keeps-its-name",
    ),
    pytest.param(  # shared/corpus 0042 (重庆市, 渝经信规范〔2025〕13号): 重庆金融监管局 names its own place
        "单个融资租赁机构年度激励金额不超过500万元。（责任单位：市经济信息委、市委金融办、重庆金融监管局）",
        [[("市经济信息委", R), ("市委金融办", R), ("重庆金融监管局", R)]],
        id="chongqing-0042-own-place",
    ),
]

TIME_CLAUSES = [  # units.remark: an unlabelled time clause after the names is no unit
    pytest.param(  # 国务院 国发〔2020〕6号 落实《政府工作报告》重点工作部门分工的意见, item 1 (tests/devcorpus/extra e248)
        "坚定实施扩大内需战略,维护经济发展和社会稳定大局,确保完成决战决胜脱贫攻坚目标任务,全面建成小康社会。(国务院各部门分别负责,年内持续推进)",
        [[("国务院各部门", R)]],
        id="central-guofa-2020-6-time-clause",
    ),
    pytest.param(  # 天津市 2020 落实国务院《政府工作报告》重点工作的任务分工, item 1 (tests/devcorpus/extra e20)
        "坚定实施扩大内需战略,维护经济发展和社会稳定大局,全面建成高质量小康社会,实现“十三五”规划圆满收官。(市政府各部门分别负责,年内持续推进)",
        [[("市政府各部门", R)]],
        id="tianjin-2020-time-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINE_NOTES + SENTENCES + INSIDE_SENTENCE + ROLE_WORDS + SPLITS + PREFIXES + TIME_CLAUSES)
def test_note_styles(text: str, expected: list[list[tuple[str, str]]], g: Grammar) -> None:
    assert _names(text, g) == expected


@pytest.mark.parametrize("text", SENTENCE_NOT_NOTES)
def test_not_a_note(text: str, g: Grammar) -> None:
    assert _names(text, g) == []


def test_lead_rule_applies_from_its_note_on(g: Grammar) -> None:
    # 丽水市 (浙江) 2023: the rule sits in the fourth note (…(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同));
    # the single unit before it stays responsible, the next notes' first units lead, 分别牵头 stays as written
    text = (
        "1.生产总值增长6%以上,高质量前提下能快则快。\n\n责任单位:市发改委\n\n"
        "4.固定资产投资增长10%。\n\n责任单位:市发改委、市经信局、市科技局、市卫生健康委(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)\n\n"
        "5.社会消费品零售总额增长5%,外贸出口增长5%。\n\n责任单位:市商务局\n\n"
        "6.城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。\n\n责任单位:市人力社保局、市农业农村局分别牵头\n"
    )
    assert _names(text, g) == [
        [("市发改委", R)],
        [("市发改委", L), ("市经信局", R), ("市科技局", R), ("市卫生健康委", R)],
        [("市商务局", L)],
        [("市人力社保局", L), ("市农业农村局", L)],
    ]


def test_lead_rule_in_a_shandong_plan(g: Grammar) -> None:
    # devcorpus 0129 (山东省, 2021): （省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同） then
    # （省教育厅、省体育局、省卫生健康委、省文化和旅游厅、团省委负责）
    text = (
        "不断提升思政教育能力。（省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同）\n"
        "形成协同效应。（省教育厅、省体育局、省卫生健康委、省文化和旅游厅、团省委负责）\n"
    )
    assert _names(text, g) == [
        [("省委教育工委", L), ("省委宣传部", R), ("团省委", R)],
        [("省教育厅", L), ("省体育局", R), ("省卫生健康委", R), ("省文化和旅游厅", R), ("团省委", R)],
    ]


def _node_groups(path: Path, node_path: str) -> list[list[tuple[str, str]]]:
    if not path.exists():
        pytest.skip("shared corpus not available")
    [notice] = sztext.parse_file(path)
    [node] = [n for n in notice.nodes() if n.path == node_path]
    return [[(u.name, u.role) for u in group] for group in node.unit_groups]


def test_several_notes_in_one_subsection_stay_in_order() -> None:
    # devcorpus 0169 (山东省, 2019), subsection （一）: five notes after single sentences, in text order
    groups = _node_groups(next(DEVCORPUS.glob("0169_*")) if DEVCORPUS.exists() else DEVCORPUS / "missing", "1.1")
    assert groups == [
        [("省大数据局", L), ("省政府办公厅", L), ("各有关部门", C), ("各市政府", C)],
        [("省政府办公厅", L), ("省大数据局", C), ("各有关部门", R), ("各市政府", R)],
        [("省财政厅", L), ("省大数据局", L), ("各有关部门", C)],
        [("省大数据局", L), ("各有关部门", C), ("各市政府", C)],
        [("省大数据局", R), ("省政府办公厅", R), ("省公安厅", R), ("各有关部门", C), ("各市政府", C)],
    ]


def test_a_sentence_note_belongs_to_its_subsection() -> None:
    # devcorpus 0075 (交通运输部): the line after （二）试点指导单位。 is the note of that subsection; it is
    # in the 要点 appended after the letter (一、…四、, then 一、…五、 again), so its path is A1/5.2
    groups = _node_groups(next(DEVCORPUS.glob("0075_*")) if DEVCORPUS.exists() else DEVCORPUS / "missing", "A1/5.2")
    assert groups == [[("交通运输部人事教育司", L), ("运输服务司", C), ("科技司", C)]]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # 湖北省人民政府 鄂政发〔2018〕26号 (addressee line, a copy at chaincenturyfinance.com/tzgg/2421.html)
        ("各市、州、县人民政府", ["各市人民政府", "各州人民政府", "各县人民政府"]),
        # 云南省人民政府 2017 稳增长意见 (addressee line, tests/devcorpus/extra e54)
        ("各州、市、县、区人民政府", ["各州人民政府", "各市人民政府", "各县人民政府", "各区人民政府"]),
    ],
)
def test_prefecture_is_a_level_of_a_list(items: str, expected: list[str], g: Grammar) -> None:
    # units.level_item: 州 (an autonomous prefecture) takes the list's 各 and 人民政府 like 市 and 县
    from sztext.extract.unitlists import lent_in_lists
    from sztext.normalize import normalize

    view = normalize(items, g)
    spans, pos = [], 0
    for n, part in enumerate(items.split("、")):
        spans.append((pos, pos + len(part), "、" if n else "", False))
        pos += len(part) + 1
    lent = lent_in_lists(view, spans, g.rule("units.level_item"), g.rule("units.place_item"))
    none = (("", ""), ("", ""))
    names = [lent.get(n, none)[0][0] + items[a:b] + lent.get(n, none)[1][0] for n, (a, b, _, _) in enumerate(spans)]
    assert names == expected
