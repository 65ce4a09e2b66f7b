"""The outline: heading blocks (tokenize) built into a tree (assemble) on real fragments.

Depth comes from the order in which marker styles first appear (a style seen late goes in above
the styles it ranks over): samples/000 goes straight from 一、 to 1. (paths 1.1, 1.2, 2.11), the
usual 一、 → （一） → 1. nests three deep, and a decree's
chapters and articles may run together inside one line (samples/004 l.2735, l.2757). Headings
are the clean first sentence; node spans tile the document; amounts and dates sit on the
innermost node that contains them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext import Node, Notice

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def _lines(name: str, first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a sample, with their newlines."""
    text = next(SAMPLES.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    return "".join(text.splitlines(keepends=True)[first - 1 : last])


def _outline(notice: Notice) -> list[tuple[str, str | None, str | None]]:
    """(kind, marker, path) of every numbered node in pre-order."""
    return [(n.kind, n.marker, n.path) for n in notice.nodes() if n.marker is not None]


def _node(notice: Notice, path: str) -> Node:
    (node,) = [n for n in notice.nodes() if n.path == path]
    return node


def _parse(text: str) -> Notice:
    notice = sztext.parse(text)
    notice.verify()
    return notice


# --- depth by first appearance ---------------------------------------------------------------

SEED_000 = _lines("000", 1, 9) + _lines("000", 24, 27)  # preamble, 一、 1. 2. 3., 二、 11.


def test_seed_000_goes_from_section_straight_to_items() -> None:
    notice = _parse(SEED_000)
    assert _outline(notice) == [
        ("section", "一、", "1"),
        ("item", "1.", "1.1"),
        ("item", "2.", "1.2"),
        ("item", "3.", "1.3"),
        ("section", "二、", "2"),
        ("item", "11.", "2.11"),
    ]
    assert [c.path for c in notice.body[1].children] == ["1.1", "1.2", "1.3"]
    assert notice.body[0].kind == "paragraph" and notice.body[0].role == "preamble"


@pytest.mark.parametrize(
    ("text", "outline"),
    [
        pytest.param(
            "一、政务服务\n1.构建服务体系。\n2.推动模式重构。\n二、创新服务\n3.推动设施开放。\n",
            [("section", "一、", "1"), ("item", "1.", "1.1"), ("item", "2.", "1.2"), ("section", "二、", "2"), ("item", "3.", "2.3")],
            id="cn-comma-then-arabic",
        ),
        pytest.param(
            "一、总体要求\n（一）指导思想。坚持。\n1.坚持创新。\n2.坚持协调。\n（二）发展目标。\n二、重点任务\n（三）加快建设。\n",
            [
                ("section", "一、", "1"), ("subsection", "（一）", "1.1"), ("item", "1.", "1.1.1"), ("item", "2.", "1.1.2"),
                ("subsection", "（二）", "1.2"), ("section", "二、", "2"), ("subsection", "（三）", "2.3"),
            ],
            id="cn-comma-cn-paren-arabic",
        ),
        pytest.param(
            "（一）加强组织。\n1.成立专班。\n（1）每月调度。\n①建立台账。\n（二）强化保障。\n",
            [
                ("subsection", "（一）", "1"), ("item", "1.", "1.1"), ("subitem", "（1）", "1.1.1"),
                ("subsubitem", "①", "1.1.1.1"), ("subsection", "（二）", "2"),
            ],
            id="starts-at-cn-paren",
        ),
        pytest.param(
            # extra e09 (广州 关于推进人才集聚工程的实施意见, 2012) lines 3-8: 1. appears under 一、
            # before （一） does; （一） then ranks above 1. (grammars/headings.toml table.rank)
            "一、总体目标\n1.目标。2012年起5年内，大力实施“产业人才集聚行动”。\n二、实施六大人才行动计划\n"
            "（一）产业提升人才行动计划。围绕发展战略性主导产业。\n2.战略性主导产业紧缺人才开发项目。\n"
            "3.羊城企业家培养项目。\n（二）科技创新人才行动计划。\n",
            [
                ("section", "一、", "1"), ("item", "1.", "1.1"), ("section", "二、", "2"), ("subsection", "（一）", "2.1"),
                ("item", "2.", "2.1.2"), ("item", "3.", "2.1.3"), ("subsection", "（二）", "2.2"),
            ],
            id="a-style-seen-late-goes-in-above-the-styles-it-ranks-over",
        ),
        pytest.param(
            "\u3000\u3000第一章  总 则\n\u3000\u3000第一条 为加快实施人才强市战略，制定本办法。\n\u3000\u3000第二条  本办法适用于安居活动。\n"
            "\u3000\u3000第二章  人才安居\n\u3000\u3000第三条  市住房保障部门负责受理。\n",
            [
                ("chapter", "第一章", "1"), ("article", "第一条", "1.1"), ("article", "第二条", "1.2"),
                ("chapter", "第二章", "2"), ("article", "第三条", "2.3"),
            ],
            id="chapters-and-articles-samples-004-l2786",
        ),
    ],
)
def test_depth_by_first_appearance(text: str, outline: list[tuple[str, str, str]]) -> None:
    assert _outline(_parse(text)) == outline


# --- issue 15: measures --------------------------------------------------------------------------


def test_items_after_the_closing_paren_of_a_note_are_nodes() -> None:
    # devcorpus 0180 (山东省乡村振兴局, one OCR line) and extra e01 (豫政〔2023〕5号, a space after ")")
    shandong = (
        "制定如下措施。1.明确省乡村振兴重点帮扶县。过渡期内将脱贫攻坚期内确定的20个县作为重点县。"
        "(省乡村振兴局牵头，有关部门按职责分工负责)2.强化财政支持。过渡期内，确保投入力度不减。"
        "(省财政厅牵头，有关部门按职责分工负责)3.强化金融支持。\n"
    )
    henan = (
        "一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复和扩大消费摆在优先位置。(省商务厅、财政厅等相关部门按职责分工负责) "
        "2.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅等相关部门按职责分工负责) 3.激活房地产市场。\n"
    )
    assert [p for _, _, p in _outline(_parse(shandong))] == ["1", "2", "3"]
    assert _outline(_parse(henan)) == [
        ("section", "一、", "1"), ("subsection", "(一)", "1.1"), ("item", "1.", "1.1.1"), ("item", "2.", "1.1.2"), ("item", "3.", "1.1.3"),
    ]


def test_a_table_of_contents_is_not_measures() -> None:
    # devcorpus 0069 (石化行业智能制造标准体系建设指南, 工业和信息化部) lines 5-8 and 35-36
    text = (
        "目录\n一、总体要求..............................................................................1\n"
        "（一）指导思想..........................................................................1\n"
        "（二）基本原则..........................................................................1\n"
        "前 言\n石化行业是我国国民经济重要的支柱产业。\n一、总体要求\n（一）指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。\n"
    )
    notice = _parse(text)
    assert _outline(notice) == [("section", "一、", "1"), ("subsection", "（一）", "1.1")]
    assert "一、总体要求......" in notice.body[0].text  # the contents stay, as text before the first measure


def test_an_appended_part_that_restarts_at_one_has_its_own_prefix() -> None:
    # devcorpus 0235 (卫医发〔2001〕169号, PDF text) lines 36-39: the 说明 after 八、 restarts at 一、
    text = (
        "一、医师执业范围\n二、医师进行执业注册的类别必须以取得医师资格的类别为依据。\n"
        "八、省级卫生行政部门规定的临床、口腔、公共卫生类别医师其他专业应报卫生部备案。\n"
        "卫生部《关于医师执业注册中执业范围的暂行规定》说明\n"
        "一、制定《关于医师执业注册中执业范围的暂行规定》遵循的原则\n"
        "（一）既要依据《执业医师法》加强对医师队伍科学化、规范化管理。\n"
    )
    paths = [p for _, _, p in _outline(_parse(text))]
    assert paths == ["1", "2", "8", "A1/1", "A1/1.1"]
    assert len(set(paths)) == len(paths)


# --- chapters and articles inside one line (samples/004) -------------------------------------

DECREE_2735 = _lines("004", 2735, 2738)  # title（…令第328 号发布…）第一章总则第一条 …; 第二条 …第三条 …; 第四条; 第五条
RUN_ON_ARTICLES = DECREE_2735[DECREE_2735.index("第一章") :]  # the same text without the title and its note


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(DECREE_2735, id="with-title-and-decree-note"),
        pytest.param(RUN_ON_ARTICLES, id="from-the-chapter-on"),
    ],
)
def test_run_on_chapter_and_articles(text: str) -> None:
    notice = _parse(text)
    assert _outline(notice) == [
        ("chapter", "第一章", "1"),
        ("article", "第一条", "1.1"),
        ("article", "第二条", "1.2"),
        ("article", "第三条", "1.3"),
        ("article", "第四条", "1.4"),
        ("article", "第五条", "1.5"),
    ]
    chapter = _node(notice, "1")
    assert chapter.heading == "总则"
    assert chapter.text == "第一章总则"
    assert _node(notice, "1.1").text.startswith("第一条 为加快转变政府职能")
    assert _node(notice, "1.3").text.startswith("第三条 政府投资建设项目审批全流程")


def test_midline_chapter_after_a_sentence() -> None:
    notice = _parse("第三章 审批\n第二十条 并联审批，同步办理。第四章 施工许可第二十一条 施工许可实行告知承诺。\n")
    assert _outline(notice) == [
        ("chapter", "第三章", "3"),
        ("article", "第二十条", "3.20"),
        ("chapter", "第四章", "4"),
        ("article", "第二十一条", "4.21"),
    ]
    assert _node(notice, "4").heading == "施工许可"


def test_midline_chapter_in_a_state_council_regulation() -> None:
    # devcorpus archive A01 l.1652 (防治海洋工程建设项目污染损害海洋环境管理条例, 国务院令第475号, gov.cn text with a
    # paragraph a line; lines 1648 and 1652, under a 第一章 line of their own): the chapter and its first
    # article run on after the last sentence of 第一章
    notice = _parse(
        "第一章　总　　则\n"
        "　　第七条　任何单位和个人对海洋工程污染损害海洋环境、破坏海洋生态等违法行为，都有权向海洋主管部门进行举报。\n"
        "　　接到举报的海洋主管部门应当依法进行调查处理，并为举报人保密。第二章　环境影响评价　　第八条　国家实行海洋工程环境影响评价制度。\n"
    )
    assert _outline(notice) == [
        ("chapter", "第一章", "1"),
        ("article", "第七条", "1.7"),
        ("chapter", "第二章", "2"),
        ("article", "第八条", "2.8"),
    ]
    assert _node(notice, "2").heading == "环境影响评价"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("第一条 依照本办法第二十一条、第二十二条规定办理。\n", id="references-are-not-articles"),
        pytest.param("第一条 依照本办法第四章规定办理。\n", id="chapter-reference"),
    ],
)
def test_references_do_not_start_nodes(text: str) -> None:
    assert _outline(_parse(text)) == [("article", "第一条", "1")]


# --- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        pytest.param("1", "政務服務", id="section"),
        pytest.param("1.1", "構建面向企業全生命周期AI化專員服務體系", id="item-gloss-removed-script-kept"),
        pytest.param("1.2", "推動政務服務模式重構", id="item"),
        pytest.param("2", "創新服務", id="section-with-gloss"),
    ],
)
def test_heading_is_the_clean_first_sentence(path: str, heading: str) -> None:
    assert _node(_parse(SEED_000), path).heading == heading


def test_heading_of_a_paren_marker() -> None:
    notice = _parse("一、总体要求\n（一）指导思想。以新时代思想为指导。\n")
    assert _node(notice, "1.1").heading == "指导思想"
    assert _node(notice, "1.1").marker == "（一）"  # the marker as written, not the view's (一)


# --- tiling -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SEED_000, id="seed-000"),
        pytest.param(DECREE_2735, id="samples-004-l2735"),
        pytest.param(_lines("004", 117, 186), id="samples-004-doc-01"),
        pytest.param(_lines("001", 1, 40), id="seed-001"),
    ],
)
def test_node_spans_tile_the_document(text: str) -> None:
    notice = _parse(text)
    nodes = list(notice.nodes())
    assert nodes[0].span[0] == notice.source.span[0]
    assert all(a.span[1] == b.span[0] for a, b in zip(nodes, nodes[1:]))
    assert nodes[-1].span[1] == notice.source.span[1]
    assert "".join(n.text for n in nodes) == notice.text
    assert all(n.text == text[n.span[0] : n.span[1]] for n in nodes)


# --- values on the innermost node ----------------------------------------------------------------


FUNDING = (
    "一、资金支持\n"
    "（一）对新引进企业给予最高20万元奖励。\n"
    "1.对重点企业给予500万元补助，自2024年12月18日起实施。\n"
    "（二）其他事项。\n"
)


def test_amounts_attach_to_the_innermost_node() -> None:
    notice = _parse(FUNDING)
    on_nodes = {n.path: [a.text for a in n.amounts] for n in notice.nodes()}
    assert on_nodes == {"1": [], "1.1": ["最高20万元"], "1.1.1": ["500万元"], "1.2": []}
    assert [a.text for a in notice.amounts] == ["最高20万元", "500万元"]
    assert [a.value for a in notice.amounts] == [200000, 5000000]


def test_dates_attach_to_the_innermost_node() -> None:
    notice = _parse(FUNDING)
    on_nodes = {n.path: [d.text for d in n.dates] for n in notice.nodes()}
    assert on_nodes == {"1": [], "1.1": [], "1.1.1": ["2024年12月18日"], "1.2": []}


def test_amount_in_a_glossed_node_keeps_its_span() -> None:
    text = "一、資金支持\n（一）對初創(chuàng)企業(yè)給予最高20萬元獎勵。\n"
    notice = _parse(text)
    (amount,) = _node(notice, "1.1").amounts
    assert text[amount.span[0] : amount.span[1]] == amount.text == "最高20萬元"


def test_a_year_right_after_the_dot_is_an_item() -> None:
    # devcorpus 0131 (山东 数字经济, 北大法宝 body, year digits damaged) lines 47-49 and
    # devcorpus 0182 (山东能源监管办 报告提纲, one OCR line)
    shandong = "一、壮大数字产业\n2.打造智慧旅游服务平台。\n3.0400年底前完成旅游重点区域监测平台建设，强化智慧旅游目的地建设。\n"
    energy = "一、有关要求\n(一)报告提纲。的有关情况。2.落实我办《关于进一步加强“获得电力”工作的通知》的有关情况。3.2021年至今解决“三省三零”项目所遇到的问题。\n"
    assert _outline(_parse(shandong)) == [("section", "一、", "1"), ("item", "2.", "1.2"), ("item", "3.", "1.3")]
    assert [m for _, m, _ in _outline(_parse(energy))] == ["一、", "(一)", "2.", "3."]
    assert [m for _, m, _ in _outline(_parse("一、总体要求\n1.5万元以上的项目给予支持。\n"))] == ["一、"]


def test_a_run_on_marker_without_punctuation_counts_only_as_the_next_number() -> None:
    # devcorpus 0235 (卫医发〔2001〕169号, PDF text) lines 4-6: a list whose lines ran together
    text = "一、医师执业范围\n（一）临床类别医师执业范围\n1、内科专业2、外科专业3、妇产科专业4、儿科专业\n"
    assert [p for _, _, p in _outline(_parse(text))] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    # devcorpus 0210 (鲁密办(局)函〔2021〕5号, one OCR line): 四、 follows 三、 after a Han character
    ocr = (
        "现将有关事项通知如下。一、活动主题以“光辉历程，保密有我”为主题。二、活动形式依托“保密观”微信公众号。"
        "三、活动安排1.活动时间。2021年4月15日8时起。苹果手机扫描  安卓手机扫描四、活动要求各市各部门要充分认识。\n"
    )
    # (1. right after 活动安排 starts no sequence, so it is not cut: a first number after a Han
    # character may be anything)
    assert [m for _, m, _ in _outline(_parse(ocr))] == ["一、", "二、", "三、", "四、"]
    # not a sequel: 三、 here does not follow a 二、 (devcorpus 0015, 国办函〔2004〕25号)
    assert [m for _, m, _ in _outline(_parse("一、总体情况\n但从现在到2009年，随着三、四期工程蓄水，将是库区地质灾害的高发期。\n"))] == ["一、"]
