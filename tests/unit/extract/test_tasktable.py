"""Task tables (任务分工表) read into unit groups (issue 15), on real rows.

Rows quote real tables: shared/corpus 0024 (穗卫函〔2023〕1930号 附件2, Guangzhou: 序号 | 工作事项 |
主要内容 | 牵头单位 | 配合单位 | 市卫健委内牵头处室 | 市卫健委内配合处室, one line per cell), devcorpus
0002 (国办发〔2018〕126号 附件, State Council: 序号 | 改革举措 | 主要内容 | 指导部门 | 推广范围, one line
per cell) and tests/devcorpus/extra e12 (辽阳市 2023 政策事项清单, Liaoning: one line per row, cells
joined by spaces). Rows marked *constructed* pin the Markdown and HTML-row layouts with the
cells of the real rows quoted above.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.extract.tasktable import table_unit_rows
from sztext.grammar import Grammar, load_grammar
from sztext.normalize import normalize

from shared_fixtures import unit_names

ROOT = Path(__file__).resolve().parents[3]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
CORPUS = ROOT.parent / "shared" / "corpus"

R, L, C = "responsible", "lead", "cooperating"


@pytest.fixture(scope="module")
def g() -> Grammar:
    return load_grammar()


_groups = unit_names


# 穗卫函〔2023〕1930号 附件2 (shared/corpus 0024), header and row 1 as the page gives them (one line per cell)
GUANGZHOU = (
    "附件2\n关于推进广州市家庭医生签约服务高质量发展工作的任务分工表\n序号\n工作事项\n主要内容\n牵头单位\n配合单位\n"
    "市卫健委内牵头处室\n市卫健委内配合处室\n1\n有序扩大家庭医生来源。\n"
    "现阶段家庭医生包括全科医生（含助理全科医生和中医类别全科医生）、其他类别临床医师（含中医类别）、乡村医生和退休临床医师（含中医类别），"
    "由全科向专科拓展，到2023年，力争每万常住人口家庭医生数不低于4人，到2025年不低于4.66人。\n各区政府\n市卫生健康委\n基层处\n医政处\n"
    "根据服务人口、功能定位等因素,推动人才资源向基层医疗卫生机构倾斜；加大公开招聘力度，优先保障基层医疗卫生机构用人需求，力争2025年每千常住人口基层卫生人员数不低于3.5人。\n"
    "各区政府\n市卫生健康委、市人社局\n人事处\n基层处\n"
    "3\n完善家庭医生培养培训体系。\n"
    "贯彻落实《广州市改革完善全科医生培养与使用激励机制实施方案》（穗府办函〔2020〕16号）精神，完善家庭医生培养培训体系。\n"
    "各区政府、市卫生健康委\n/\n科教处\n基层处\n"
)

# 国办发〔2018〕126号 附件 (devcorpus 0002): 第二批支持创新相关改革举措推广清单, rows 1 and 6
STATE_COUNCIL = (
    "附件\n第二批支持创新相关改革举措推广清单\n序号\n改革举措\n主 要 内 容\n指导部门\n推广范围\n一、知识产权保护方面（共5项）\n1\n"
    "知识产权民事、刑事、行政案件“三合一”审判\n"
    "整合分散的审判资源，实行知识产权民事、刑事、行政案件审判“三合一”，实现审判力量集中、审判标准统一，提高审判效率，缩短审判周期。\n"
    "最高人民法院、最高人民检察院、国家知识产权局\n全国\n二、科技成果转化激励方面（共4项）\n6\n以事前产权激励为核心的职务科技成果权属改革\n"
    "赋予科研人员一定比例的职务科技成果所有权，将事后科技成果转化收益奖励，前置为事前国有知识产权所有权奖励，以产权形式激发职务发明人从事科技成果转化的重要动力。\n"
    "科技部、国家发展改革委、财政部、国家知识产权局、教育部、国务院国资委、中科院、司法部\n8个改革试验区域\n"
)


# 嘉政办发〔2023〕7号 附件 (嘉兴市, tests/devcorpus/extra e93, jiaxing.gov.cn as the search corpus stores it):
# one line per cell with a blank line after each cell, and a header cell spaced out (主 要 工 作 任 务, as
# 0002's 主 要 内 容 above)
JIAXING = (
    "2023年政府工作报告重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n1\n\n地区生产总值增长6%左右。\n\n市发展改革委\n"
)


def test_one_line_per_cell_with_blank_lines_jiaxing(g: Grammar) -> None:
    # the blank lines between the header cells do not hide the 责任单位 column
    assert _groups(JIAXING, g) == [[("市发展改革委", R)]]


# 绍兴市人民政府 2020 市政府重点工作一季度进展情况表 (sx.gov.cn, tests/devcorpus/extra e245): the same layout from
# another issuer, with a 进展情况 column between the task and the units (rows 1 and 2)
SHAOXING = (
    '\n'
    '发布日期:2020-05-14 09:44 浏览次数: 字体:[ ]\n'
    '分享:\n'
    '\n'
    '序号\n'
    '\n'
    '内容与要求\n'
    '\n'
    '进展情况\n'
    '\n'
    '责任单位\n'
    '\n'
    '1\n'
    '\n'
    '坚持“稳开稳走,提质提效”的总体态势,加强季度、月度数据监测,确保地区生产总值增长7%左右。\n'
    '\n'
    '从1-2月主要经济指标完成情况看,金融机构存贷款余额、保费收入、规上其他营利性服务业营收、规上非营利性服务业中营利活动营收等错月指标实现正增长,其他指标增速虽有不同程度回落,但在全省排名靠前,如规上工业增加值全省第2,建安投资全省第1,限上零售、住宿、餐饮分别为全省第1、第3和第2,商品房销售面积全省第1。\n'
    '\n'
    '市发改委\n'
    '\n'
    '2\n'
    '\n'
    '持续推进重大项目攻坚,确保有效投资增长高于经济增长、4个结构性指标均实现10%以上增长,市县长项目落地率50%以上。\n'
    '\n'
    '1-2月,全市固定资产投资同比下降12.7%,高于全省平均水平1.7个百分点,居全省第6位,比去年同期提升5位。4个结构性指标中,生态环保、城市更新和水利设施投资增长12.5%,为全省唯一个该指标实现10%以上增长的地市;民间项目投资同比下降26.8%、交通投资同比下降4.8%、高新技术产业投资同比下降2.0%。市县长项目目前已安排36个项目,总投资882.1亿元。\n'
    '\n'
    '市发改委\n'
)


def test_one_line_per_cell_with_blank_lines_shaoxing(g: Grammar) -> None:
    # blank lines between the four header cells; each 责任单位 cell is one group
    assert _groups(SHAOXING, g) == [[("市发改委", R)], [("市发改委", R)]]


def test_one_line_per_cell_guangzhou(g: Grammar) -> None:
    # the 牵头单位 cell's names lead, the 配合单位 cell's cooperate; 处室 columns are no units; / is empty
    assert _groups(GUANGZHOU, g) == [
        [("各区政府", L), ("市卫生健康委", C)],
        [("各区政府", L), ("市卫生健康委", C), ("市人社局", C)],
        [("各区政府", L), ("市卫生健康委", L)],
    ]


def test_one_line_per_cell_state_council(g: Grammar) -> None:
    # 指导部门 is a units column (responsible); section rows (一、…（共5项）) are no rows
    assert _groups(STATE_COUNCIL, g) == [
        [("最高人民法院", R), ("最高人民检察院", R), ("国家知识产权局", R)],
        [(n, R) for n in ("科技部", "国家发展改革委", "财政部", "国家知识产权局", "教育部", "国务院国资委", "中科院", "司法部")],
    ]


def test_one_line_per_row_liaoyang(g: Grammar) -> None:
    # 辽阳市 2023 政策事项清单 (tests/devcorpus/extra e12), header and row 2: the 实施部门 cell is the last one
    text = (
        "政策类别 序号 扶持政策事项 政策内容 政策依据 实施部门\n"
        "2 对疫情防控重点保障企业贷款给予财政贴息支持 对国家、省确定的疫情防控有关生产重点保障企业2020年新增的企业贷款,除中央、省财政给予贴息外,"
        "其余部分由市财政给予贴息,贴息期限不超过1年。 《辽阳市人民政府关于印发辽阳市应对新型冠状病毒肺炎疫情支持中小企业生产经营若干政策措施的通知》"
        "辽市政发[2020]3号 责任单位:市财政局、市发展改革委、市工业和信息化局、人民银行辽阳市中心支行\n"
    )
    view = normalize(text, g)
    rows = table_unit_rows(view, g)
    assert [[(view.text[c.start : c.end], c.column) for c in row] for row in rows] == [
        [("责任单位:市财政局、市发展改革委、市工业和信息化局、人民银行辽阳市中心支行", "实施部门")]
    ]
    assert _groups(text, g) == [[("市财政局", R), ("市发展改革委", R), ("市工业和信息化局", R), ("人民银行辽阳市中心支行", R)]]


def test_html_rows_and_markdown_pipes(g: Grammar) -> None:
    # constructed: the Guangzhou rows above as an HTML table gives them (cells joined by a space) and as Markdown
    html = "<html><body><table><tr><td>序号</td><td>工作事项</td><td>牵头单位</td><td>配合单位</td><td>市卫健委内牵头处室</td></tr>" \
        "<tr><td>1</td><td>有序扩大家庭医生来源。</td><td>各区政府</td><td>市卫生健康委、市人社局</td><td>人事处</td></tr>" \
        "<tr><td>3</td><td>完善家庭医生培养培训体系。</td><td>各区政府、市卫生健康委</td><td>/</td><td>科教处</td></tr></table></body></html>"
    text = sztext.load.html_to_text(html)
    assert "1 有序扩大家庭医生来源。 各区政府 市卫生健康委、市人社局 人事处" in text
    want = [[("各区政府", L), ("市卫生健康委", C), ("市人社局", C)], [("各区政府", L), ("市卫生健康委", L)]]
    assert _groups(text, g) == want
    md = "| 序号 | 工作事项 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 有序扩大家庭医生来源。 | 各区政府 | 市卫生健康委、市人社局 |\n" \
        "| 3 | 完善家庭医生培养培训体系。 | 各区政府、市卫生健康委 | / |\n"
    assert _groups(md, g) == want


def test_cells_with_role_words_prefixes_and_spaces(g: Grammar) -> None:
    # constructed with real names of the tables above: role words inside a 责任单位 cell give the roles;
    # a shared 省 prefix is written out (省发展改革委、财政厅 → 省财政厅, issue 15); a space after 、 stays in the cell
    text = "序号 工作任务 责任单位 完成时限\n1 加快建设统一大市场。 省发展改革委牵头,财政厅配合 2023年底前\n" \
        "2 保障合理用药。 市卫生健康委、 市医保局 持续推进\n"
    assert _groups(text, g) == [[("省发展改革委", L), ("省财政厅", C)], [("市卫生健康委", R), ("市医保局", R)]]


def test_not_a_table(g: Grammar) -> None:
    # a header without a units column (推广清单 with 负责人), and a row whose units cell is no body, give nothing
    assert table_unit_rows(normalize("序号 工作任务 负责人 完成时限\n1 加强监管。 张三 2023年底\n", g), g) == []
    assert _groups("序号 工作任务 牵头单位 完成时限\n1 加强监管。 要切实履行职责 2023年底\n", g) == []


@pytest.mark.skipif(not (CORPUS / "0024_guangzhou_suiweihan_2023_1930.html").is_file(), reason="shared corpus not present")
def test_whole_tables_attach_in_row_order(g: Grammar) -> None:
    # every row of the two real tables is read (0024: 39 rows and sub-rows; 0002: 17 measures),
    # and the groups sit in the outline in row order
    gz = sztext.parse_file(CORPUS / "0024_guangzhou_suiweihan_2023_1930.html")
    groups = [group for n in gz for node in n.nodes() for group in node.unit_groups]
    assert len(groups) == 39
    assert [(u.name, u.role) for u in groups[-1]] == [("各区政府", L), ("市卫生健康委", L)]
    assert all(gz[0].source_text[u.span[0] : u.span[1]] == u.text for group in groups for u in group)
    sc = sztext.parse_file(DEVCORPUS / "0002_central_guobanfa_2018_126_frag.html")
    groups = [group for n in sc for node in n.nodes() for group in node.unit_groups]
    assert len(groups) == 17
    assert [u.name for u in groups[-1]] == ["国家发展改革委", "国务院国资委", "审计署"]
