"""Responsible units (责任单位/牵头单位/配合单位): example tables, golden seeds, sample sweeps.

Development and evaluation. The rules of ``grammars/units.toml`` were developed on the rows of
``LABELLED``, ``BARE``, ``ROLES``, ``PREFIXES`` and ``NOT_NOTES`` (fragments copied from
samples/000, 001, 003 and 004; rows marked *constructed* have no sample and are written to pin a
documented behaviour) and on the golden files ``tests/golden/units_{000,001,003}.json``, which a
reader wrote from the texts before the extractor existed. ``test_samples_004_*`` only evaluate:
samples/004 (37 documents, 321 notes) was read for false positives after the rules were written.

Logic tests run on a fixture grammar: the shipped grammars with ``agencies.toml`` replaced by a
tiny lexicon (``_FIXTURE_AGENCIES``), so adding an alias to the real lexicon cannot break them.
Golden and lexicon tests use the shipped grammar.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import regex

from sztext.grammar import Grammar, Rule, default_grammar_dir, load_grammar
from sztext.models import Unit
from sztext.normalize import TextView, normalize
from sztext.extract.units import extract_unit_groups, lookup_agency

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

_FIXTURE_AGENCIES = """
version = 1
description = "fixture lexicon for tests/unit/extract/test_units.py"

[table.city]
short = "市"
full = "深圳市"

[[agency]]
canonical = "深圳市发展和改革委员会"
aliases = ["市发展改革委"]

[[agency]]
canonical = "深圳市市场监督管理局"
aliases = ["市市场监管局"]
valid_from = 2019-01-01
former = [{ name = "深圳市市场和质量监督管理委员会", aliases = ["市市场和质量监管委"], valid_to = 2019-01-01 }]

[[agency]]
canonical = "深圳市前海深港现代服务业合作区管理局"
aliases = ["前海管理局"]

[[agency]]
canonical = "甲局甲"
aliases = ["市同名局"]
valid_to = 2019-01-01

[[agency]]
canonical = "乙局乙"
aliases = ["市同名局"]
valid_from = 2019-01-01
"""


@pytest.fixture(scope="module")
def fg(tmp_path_factory: pytest.TempPathFactory) -> Grammar:
    """The shipped grammars with a tiny agency lexicon (G36)."""
    directory = tmp_path_factory.mktemp("grammar")
    for file in default_grammar_dir().glob("*.toml"):
        if file.name != "agencies.toml":
            shutil.copy(file, directory / file.name)
    (directory / "agencies.toml").write_text(_FIXTURE_AGENCIES, encoding="utf-8")
    return load_grammar(directory, standalone=True)  # the tiny lexicon only, not the shipped ones


@pytest.fixture(scope="module")
def g() -> Grammar:
    return load_grammar()


def _groups(text: str, grammar: Grammar) -> list[list[tuple[str, str, str]]]:
    """(clean text, name, role) of every unit, per note."""
    view = normalize(text, grammar)
    return [[(_clean(view, u), u.name, u.role) for u in units] for _, units in extract_unit_groups(view, grammar)]


def _clean(view: TextView, unit: Unit) -> str:
    """The unit's text as the document reads it cleaned (glosses removed, repairs applied)."""
    return view.clean[view.to_view(unit.span[0]) : view.to_view(unit.span[1])]


def _names(text: str, grammar: Grammar) -> list[list[tuple[str, str]]]:
    return [[(name, role) for _, name, role in group] for group in _groups(text, grammar)]


R, L, C = "responsible", "lead", "cooperating"

LABELLED = [
    pytest.param(  # samples/000 item 1: Traditional, pinyin gloss inside the name
        "提供財稅、法律等專業(yè)化咨詢服務。(責任單位:市工業(yè)和信息化局)",
        [[("市工業和信息化局", R)]],
        id="000-traditional-gloss",
    ),
    pytest.param(  # samples/003 (十八): a name cut short stays as written, the prefix still applies
        "等創業服務。(責任單位:市人力資源保障局、科技創新委、局)",
        [[("市人力資源保障局", R), ("市科技創新委", R), ("市局", R)]],
        id="003-cut-short",
    ),
    pytest.param(  # samples/003 (八): a qualifier is kept in text, dropped from the name
        "融資。(責任單位:市中小企業服務署(上市辦)、經貿信息委、深圳證監局)",
        [[("市中小企業服務署", R), ("市經貿信息委", R), ("深圳證監局", R)]],
        id="003-qualifier",
    ),
    pytest.param(  # samples/004: 责任部门, full-width brackets and colon, ，between groups
        "依法维权等服务。（责任部门：市中小企业服务局、市中级法院、市市场监管局，各区政府）",
        [[("市中小企业服务局", R), ("市中级法院", R), ("市市场监管局", R), ("各区政府", R)]],
        id="004-responsible-department",
    ),
    pytest.param(  # samples/004: role words after a labelled list are not part of the name
        "新模式。（责任单位：市政务服务数据管理局、市教育局、市卫生健康委按职责分工推进）",
        [[("市政务服务数据管理局", R), ("市教育局", R), ("市卫生健康委", R)]],
        id="004-role-word-in-labelled",
    ),
    pytest.param(  # samples/004 l.1179: a remark sentence after 。 inside the note is skipped
        "资助上限为1亿元。〔责任单位：市工业和信息化局、市发展改革委，各区政府（大鹏新区、深汕特别合作区管委会）。"
        "以下均需各区政府（大鹏新区、深汕特别合作区管委会）负责，不再列出〕",
        [[("市工业和信息化局", R), ("市发展改革委", R), ("各区政府", R)]],
        id="004-remark-after-full-stop",
    ),
    pytest.param(  # constructed: a labelled note counts wherever it stands
        "推进改革(责任单位:市发展改革委)的有关工作",
        [[("市发展改革委", R)]],
        id="constructed-labelled-mid-sentence",
    ),
]

BARE = [
    pytest.param(  # samples/001 item 2: two bare notes in one measure, one group each
        "提升企業(yè)名稱登記便利化水平。(市市場監(jiān)管局)率先探索律師事務(wù)所名稱核準(zhǔn)改革試點(diǎn),"
        "縮短核名業(yè)務(wù)辦理時(shí)限。(市司法局)",
        [[("市市場監管局", R)], [("市司法局", R)]],
        id="001-two-bare-notes",
    ),
    pytest.param(  # samples/001 item 5: square brackets, nested parenthesis with 下同
        "不新批非制造業(yè)類城市更新項(xiàng)目。[市規(guī)劃和自然資源局、市工業(yè)和信息化局、"
        "各區(qū)政府(含大鵬新區(qū)管委會,深汕特別合作區(qū)管委會,下同)]開展",
        [[("市規劃和自然資源局", R), ("市工業和信息化局", R), ("各區政府", R)]],
        id="001-square-brackets-same-below",
    ),
    pytest.param(  # samples/004 l.2168: 〔〕 bare note with a 下同 qualifier
        "可给予一定奖励。〔市市场监管局、深圳市税务局，各区政府（含大鹏新区管委会、深汕特别合作区管委会，下同）〕",
        [[("市市场监管局", R), ("深圳市税务局", R), ("各区政府", R)]],
        id="004-lenticular-brackets",
    ),
    pytest.param(  # samples/004 l.577: districts named alone are units
        "通关效率。（责任单位：市口岸办、深圳海关、罗湖区、盐田区）",
        [[("市口岸办", R), ("深圳海关", R), ("罗湖区", R), ("盐田区", R)]],
        id="004-districts",
    ),
]

ROLES = [
    pytest.param(  # samples/004 l.77
        "升“快递进村”服务水平。（牵头单位：市交通运输局、市邮政管理局；责任单位：市商务局、市前海管理局，各区）",
        [[("市交通运输局", L), ("市邮政管理局", L), ("市商务局", R), ("市前海管理局", R), ("各区", R)]],
        id="004-lead-and-responsible-labels",
    ),
    pytest.param(  # samples/004 l.1649: role words, shared prefix, a note on its own line
        "　　（市科技创新委、住房建设局牵头；市司法局、财政局、建筑工务署，深圳市税务局按职责分工落实）",
        [[("市科技创新委", L), ("市住房建设局", L), ("市司法局", R), ("市财政局", R), ("市建筑工务署", R), ("深圳市税务局", R)]],
        id="004-lead-role-word",
    ),
    pytest.param(  # samples/004 l.1619: the remark clause after the role word is not a list of units
        "　　〔市住房建设局牵头；市发展改革委、交通运输局、水务局、国资委、建筑工务署按职责分工落实，"
        "各项措施均需各区政府、新区（合作区）管委会落实，以下不再列出〕",
        [[("市住房建设局", L), ("市发展改革委", R), ("市交通运输局", R), ("市水务局", R), ("市国资委", R), ("市建筑工务署", R)]],
        id="004-remark-clause",
    ),
    pytest.param(  # constructed: no 配合单位 note in the samples
        "做好保障。(牵头单位:市发展改革委;配合单位:市财政局、市商务局)",
        [[("市发展改革委", L), ("市财政局", C), ("市商务局", C)]],
        id="constructed-cooperating-label",
    ),
    pytest.param(  # constructed: 配合 as a role word
        "做好保障。(市发展改革委牵头,市财政局配合)",
        [[("市发展改革委", L), ("市财政局", C)]],
        id="constructed-cooperating-word",
    ),
]

PREFIXES = [
    pytest.param(  # devcorpus 0131 (山东省, 2021): 参加单位 is a cooperating label after a ，
        "提供便利。（牵头单位：省商务厅，参加单位：省农业农村厅、省邮政管理局、省供销合作社）",
        [[("省商务厅", L), ("省农业农村厅", C), ("省邮政管理局", C), ("省供销合作社", C)]],
        id="shandong-participating-label",
    ),
    pytest.param(  # Hubei 鄂政发〔2018〕26号 (chaincenturyfinance.com/tzgg/2421.html), Traditional as published
        "全面開放市場。(牽頭單位:省發展改革委;責任單位:省編辦、省國土資源廳、省環保廳)",
        [[("省發展改革委", L), ("省編辦", R), ("省國土資源廳", R), ("省環保廳", R)]],
        id="hubei-lead-then-responsible",
    ),
    pytest.param(  # Sichuan 现代流通体系 plan 2022 (law.foodmate.net/show-219854.html): 省 is shared; the remark is skipped
        "深化数据要素创新应用。〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕",
        [[("省发展改革委", R), ("省市场监管局", R), ("省商务厅", R), ("省大数据中心", R)]],
        id="sichuan-shared-province-prefix",
    ),
    pytest.param(  # devcorpus 0125 (济南市, 2020): a body named after its own place takes no 市
        "（责任单位：市科技局、市工业和信息化局、济南高新区管委会、济南新旧动能转换先行区管委会）",
        [[("市科技局", R), ("市工业和信息化局", R), ("济南高新区管委会", R), ("济南新旧动能转换先行区管委会", R)]],
        id="jinan-own-place-zone",
    ),
    pytest.param(  # devcorpus 0131 (山东省): 山东银保监局 names its province, no 省; issue 15: 重庆金融监管局, 国家发展改革委
        "（牵头单位：人民银行济南分行，参加单位：省地方金融监管局、山东银保监局、重庆金融监管局、国家发展改革委）",
        [[("人民银行济南分行", L), ("省地方金融监管局", C), ("山东银保监局", C), ("重庆金融监管局", C), ("国家发展改革委", C)]],
        id="province-named-bodies",
    ),
    pytest.param(  # samples/003 (一): 市 of the first name is shared; 市場和質量監管委 is bare
        "加強社會監督。(責任單位:市經貿信息委、發展改革委、科技創新委、市場和質量監管委、財政委)",
        [[("市經貿信息委", R), ("市發展改革委", R), ("市科技創新委", R), ("市市場和質量監管委", R), ("市財政委", R)]],
        id="003-shared-prefix",
    ),
    pytest.param(  # samples/003 (六): own prefixes take none; a 。 after the note
        "稅收優惠政策。(責任單位:深圳市國稅局、市經貿信息委、科技創新委、地稅局、前海管理局)。",
        [[("深圳市國稅局", R), ("市經貿信息委", R), ("市科技創新委", R), ("市地稅局", R), ("前海管理局", R)]],
        id="003-own-prefixes",
    ),
    pytest.param(  # samples/003 (十九): 市委… and 團市委 are prefixed already
        "文化氛圍。(責任單位:市科技創新委、市委宣傳部、科協、團市委)",
        [[("市科技創新委", R), ("市委宣傳部", R), ("市科協", R), ("團市委", R)]],
        id="003-party-bodies",
    ),
    pytest.param(  # samples/004 l.1041: a ， after 、-lists closes the prefix run (鹏城实验室 stays)
        "并发访问需求。（牵头单位：市政务服务数据管理局、工业和信息化局、通信管理局，责任单位：各区政府、市前海管理局，鹏城实验室）",
        [[("市政务服务数据管理局", L), ("市工业和信息化局", L), ("市通信管理局", L), ("各区政府", R), ("市前海管理局", R), ("鹏城实验室", R)]],
        id="004-comma-closes-run",
    ),
    pytest.param(  # samples/004 l.1137: a bare company name after 市… names takes 市
        "无需用户投资。（责任单位：市发展改革委、市住房建设局、深圳供电局、燃气集团）",
        [[("市发展改革委", R), ("市住房建设局", R), ("深圳供电局", R), ("市燃气集团", R)]],
        id="004-bare-company",
    ),
    pytest.param(  # samples/004 l.1453: 新区管委会 is a district-level body, no 市
        "服务水平。（责任单位：各区政府、新区管委会、深汕特别合作区管委会、市残联、深圳燃气集团）",
        [[("各区政府", R), ("新区管委会", R), ("深汕特别合作区管委会", R), ("市残联", R), ("深圳燃气集团", R)]],
        id="004-new-district-committee",
    ),
    pytest.param(  # constructed: with only , as separator the prefix carries along
        "做好保障。(责任单位:市发展改革委,财政局,商务局)",
        [[("市发展改革委", R), ("市财政局", R), ("市商务局", R)]],
        id="constructed-comma-only",
    ),
]

NOT_NOTES = [
    pytest.param("总部型机构。（以下简称总部型机构），是指", id="004-abbreviation"),
    pytest.param("对出口额800万美元。（含）以下", id="004-inclusive"),
    pytest.param("合作。(PPP)新机制", id="000-ppp"),
    pytest.param("总额突破1.8万亿元。（人民币，下同）", id="004-currency-same-below"),
    pytest.param("实施办法。（试行）", id="constructed-trial"),
    pytest.param("总部企业办法。（修订版）的通知", id="004-revised"),
    pytest.param("行动计划。（2023—2025年）", id="004-years"),
    pytest.param("行动计划。(2018—2035年)", id="issue-years"),
    pytest.param("此件。（此件公开发布）", id="constructed-publish"),
    pytest.param("1.任务分工和进度安排(略)", id="003-omitted"),
    pytest.param("的意见》。(國發〔2021〕24號)", id="001-doc-number"),
    pytest.param("近期,深圳市发展改革委(市营商办)组织开展", id="002-alias-after-name"),
    pytest.param("各區政府(新區管委會)要按照任務分工", id="003-alias-in-running-text"),
    pytest.param("梳理需求清單(為場景找產品)和能力清單", id="000-purpose"),
    pytest.param("「市—區—街道—園區(商圈、社區)」", id="000-scope"),
    pytest.param("投標文件(信息公開部分)的方式", id="001-part"),
    pytest.param("制定RCEP(區域全面經濟伙伴關系協定)國家", id="001-expansion"),
    pytest.param("负责人出席。（含大鹏新区、深汕特别合作区管委会，下同）", id="constructed-scope-after-full-stop"),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED + BARE + ROLES + PREFIXES)
def test_units_table(text: str, expected: list[list[tuple[str, str]]], fg: Grammar) -> None:
    assert _names(text, fg) == expected


@pytest.mark.parametrize("text", NOT_NOTES)
def test_not_a_note(text: str, fg: Grammar) -> None:
    assert _groups(text, fg) == []


def test_text_and_span_keep_the_source(fg: Grammar) -> None:
    # samples/001 item 5: text is the item as written (gloss and qualifier included), name clean
    text = "項(xiàng)目。[市規(guī)劃和自然資源局、各區(qū)政府(含大鵬新區(qū)管委會,下同)]開展"
    view = normalize(text, fg)
    [(offset, units)] = extract_unit_groups(view, fg)
    assert view.text[offset] == "["
    assert [u.text for u in units] == ["市規(guī)劃和自然資源局", "各區(qū)政府(含大鵬新區(qū)管委會,下同)"]
    assert [u.name for u in units] == ["市規劃和自然資源局", "各區政府"]
    for u in units:
        assert text[u.span[0] : u.span[1]] == u.text


def test_offset_is_the_opening_bracket_in_the_view(fg: Grammar) -> None:
    text = "一、总则\n加强监管。（责任单位：市市场监管局）推进改革。（市发展改革委）"
    view = normalize(text, fg)
    offsets = [o for o, _ in extract_unit_groups(view, fg)]
    assert [view.text[o] for o in offsets] == ["(", "("]
    assert offsets == [text.index("（责任"), text.index("（市发")]


def test_range_limits_the_notes(fg: Grammar) -> None:
    text = "甲。(市发展改革委)乙。(市市场监管局)"
    view = normalize(text, fg)
    second = text.index("乙")
    assert [[u.name for u in us] for _, us in extract_unit_groups(view, fg, second)] == [["市市场监管局"]]
    assert [[u.name for u in us] for _, us in extract_unit_groups(view, fg, 0, second)] == [["市发展改革委"]]


def test_no_brackets_no_notes(fg: Grammar) -> None:
    assert extract_unit_groups(normalize("没有任何括号的一段话。", fg), fg) == []


# ── 下同 and 简称 (constructed: the samples only define 各区政府, which needs no definition) ──


def test_same_below_definition_applies_to_later_notes(fg: Grammar) -> None:
    text = "甲。(责任单位:各区政府、重点园区运营机构(含深圳湾科技生态园,下同))乙。(重点园区运营机构)"
    assert _names(text, fg) == [[("各区政府", R), ("重点园区运营机构", R)], [("重点园区运营机构", R)]]
    # without the earlier definition the same bare note is not agency-like
    assert _names("乙。(重点园区运营机构)", fg) == []


def test_same_below_defines_the_written_form_too(fg: Grammar) -> None:
    text = "甲。(责任单位:市发展改革委、重点企业(含市属国企,下同))乙。(重点企业)"
    assert _names(text, fg) == [[("市发展改革委", R), ("市重点企业", R)], [("重点企业", R)]]


def test_short_name_definition_gives_the_canonical(fg: Grammar) -> None:
    text = "甲。(责任单位:深圳市前海深港现代服务业合作区管理局(以下简称前海局))乙。(责任单位:前海局)"
    view = normalize(text, fg)
    groups = extract_unit_groups(view, fg)
    assert [[(u.name, u.canonical) for u in us] for _, us in groups] == [
        [("深圳市前海深港现代服务业合作区管理局", "深圳市前海深港现代服务业合作区管理局")],
        [("前海局", "深圳市前海深港现代服务业合作区管理局")],
    ]


# ── canonical names ──


def test_canonical_from_fixture_lexicon(fg: Grammar) -> None:
    view = normalize("監督。(責任單位:市市場和質量監管委、發展改革委、經貿信息委)", fg)
    [(_, units)] = extract_unit_groups(view, fg)
    assert [u.canonical for u in units] == ["深圳市市场监督管理局", "深圳市发展和改革委员会", None]


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        pytest.param("市市場監管局", None, "深圳市市场监督管理局", id="traditional"),
        pytest.param("深圳市市场监管局", None, "深圳市市场监督管理局", id="city-full-form"),
        pytest.param("深圳市发展和改革委员会", None, "深圳市发展和改革委员会", id="canonical-itself"),
        pytest.param("市市场和质量监管委", dt.date(2016, 5, 1), "深圳市市场监督管理局", id="former-in-its-time"),
        pytest.param("市市场和质量监管委", dt.date(2022, 1, 29), "深圳市市场监督管理局", id="former-after-rename"),
        pytest.param("市同名局", None, None, id="ambiguous-without-date"),
        pytest.param("市同名局", dt.date(2016, 1, 1), "甲局甲", id="ambiguous-before"),
        pytest.param("市同名局", dt.date(2020, 1, 1), "乙局乙", id="ambiguous-after"),
        pytest.param("市局", None, None, id="unknown"),
    ],
)
def test_lookup_agency(name: str, on: dt.date | None, expected: str | None, fg: Grammar) -> None:
    assert lookup_agency(name, fg, on) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("市發展改革委", "深圳市发展和改革委员会"),
        ("市經貿信息委", "深圳市经济贸易和信息化委员会"),
        ("市科技創新委", "深圳市科技创新局"),
        ("市科技创新局", "深圳市科技创新局"),
        ("市政務服務數據管理局", "深圳市政务服务和数据管理局"),
        ("市政務和數據局", "深圳市政务服务和数据管理局"),
        ("市市場和質量監管委", "深圳市市场监督管理局"),
        ("深圳市國稅局", "国家税务总局深圳市税务局"),
        ("市地稅局", "国家税务总局深圳市税务局"),
        ("深圳銀監局", "国家金融监督管理总局深圳监管局"),
        ("人民銀行深圳市中心支行", "中国人民银行深圳市分行"),
        ("前海管理局", "深圳市前海深港现代服务业合作区管理局"),
        ("團市委", "共青团深圳市委员会"),
        ("福田區政府", "深圳市福田区人民政府"),
        ("各區政府", None),
        ("市人才工作局", None),
    ],
)
def test_shipped_lexicon(name: str, expected: str | None, g: Grammar) -> None:
    assert lookup_agency(name, g, jurisdiction="深圳市") == expected


def test_shipped_lexicon_names_are_unambiguous_within_a_place(g: Grammar) -> None:
    seen: dict[tuple[str | None, str], str] = {}
    for agency in g.agencies:
        for name in agency.names:
            key = (agency.jurisdiction, name)
            assert seen.setdefault(key, agency.canonical) == agency.canonical, key


@pytest.mark.parametrize(
    ("name", "place", "expected"),
    [
        # the same short form is a different body in each city (shared/devcorpus 0125 Jinan
        # （责任单位：市科技局、市发展改革委、市工业和信息化局）; samples/001 Shenzhen 市发展改革委)
        ("市发展改革委", "济南市", "济南市发展和改革委员会"),
        ("市发展改革委", "深圳市", "深圳市发展和改革委员会"),
        ("市财政局", "青岛市", "青岛市财政局"),
        # a city with no lexicon: never another city's body (issue 13: Hangzhou 市财政局)
        ("市财政局", "杭州市", None),
        # Chongqing has a lexicon since issue 15 (shared/corpus 0042 （责任单位：市经济信息委、市委金融办、
        # 重庆金融监管局）); its names stay Chongqing's
        ("市委金融办", "重庆市", "中共重庆市委金融委员会办公室"),
        ("重庆金融监管局", "重庆市", "国家金融监督管理总局重庆监管局"),
        ("市经济信息委", "深圳市", None),
        ("市卫健委", "广州市", "广州市卫生健康委员会"),
        ("市科委", "北京市", "北京市科学技术委员会"),
        ("市发展改革委", "上海市", "上海市发展和改革委员会"),
        ("市财政局", None, None),
        # the province above: 省X through its prefix; national bodies by their own names
        ("省财政厅", "济南市", "山东省财政厅"),
        ("省财政厅", "深圳市", "广东省财政厅"),
        ("人社部", "济南市", "中华人民共和国人力资源和社会保障部"),
        ("国家发展改革委", "深圳市", "国家发展和改革委员会"),
        # a bare national short form names the national body only in a national document
        ("发展改革委", "中华人民共和国", "国家发展和改革委员会"),
        ("发展改革委", "济南市", None),
    ],
)
def test_canonical_only_in_the_documents_jurisdiction(name: str, place: str | None, expected: str | None, g: Grammar) -> None:
    assert lookup_agency(name, g, jurisdiction=place) == expected


# ── golden seeds ──


def _seed(seed: str) -> str:
    [path] = SAMPLES.glob(f"{seed}_*.txt")
    return path.read_text(encoding="utf-8")


def _golden(seed: str) -> list[list[tuple[str, str, str]]]:
    data: dict[str, Any] = json.loads((GOLDEN / f"units_{seed}.json").read_text(encoding="utf-8"))
    return [[(u["text"], u["name"], u["role"]) for u in group] for m in data["measures"] for group in m["groups"]]


@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_golden_seed(seed: str, g: Grammar) -> None:
    source = _seed(seed)
    view = normalize(source, g)
    found = extract_unit_groups(view, g)
    for _, units in found:
        for u in units:
            assert source[u.span[0] : u.span[1]] == u.text
    assert [[(_clean(view, u), u.name, u.role) for u in units] for _, units in found] == _golden(seed)


# ── sweeps over every sample ──


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_labelled_note_is_found_and_spans_hold(seed: str, g: Grammar) -> None:
    source = _seed(seed)
    view = normalize(source, g)
    found = extract_unit_groups(view, g)
    offsets = {o for o, _ in found}
    for m in regex.finditer(r"[(\[][ ]*(?:责任单位|牵头单位|责任部门)[ ]*:", view.text):
        assert m.start() in offsets, view.text[m.start() : m.start() + 40]
    for _, units in found:
        assert units
        for u in units:
            assert source[u.span[0] : u.span[1]] == u.text
            assert u.name and u.role in (R, L, C)


def test_samples_004_false_positives(g: Grammar) -> None:
    """samples/004 read note by note: 321 notes, and every unit name is agency-like or known."""
    view = normalize(_seed("004"), g)
    found = extract_unit_groups(view, g)
    assert len(found) == 321
    like = g.rule("units.agency_like").pattern
    for _, units in found:
        for u in units:
            assert like.match(u.name) or u.canonical, u.text


def test_prefilter_is_a_superset(monkeypatch: pytest.MonkeyPatch, g: Grammar) -> None:
    """G6/G31: the same groups with the anchor prefilter on and off."""
    views = [normalize(_seed(s), g) for s in ("000", "001", "003", "004")]
    on = [extract_unit_groups(v, g) for v in views]
    monkeypatch.setattr(Rule, "may_match", lambda self, text: True)
    off = [extract_unit_groups(v, g) for v in views]
    assert on == off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # constructed on the issue-15 wording 列第一位者为牵头单位，下同 (provincial 省… notes as in Sichuan 2022)
            "一、加强统筹。（责任单位：省发展改革委、省财政厅，列第一位者为牵头单位，下同）\n"
            "二、强化保障。（责任单位：省科技厅、省教育厅）\n三、优化服务。（牵头单位：省商务厅；配合单位：省财政厅）",
            [[("省发展改革委", "lead"), ("省财政厅", "responsible")], [("省科技厅", "lead"), ("省教育厅", "responsible")],
             [("省商务厅", "lead"), ("省财政厅", "cooperating")]],
            id="first-leads-in-note",
        ),
        pytest.param(  # constructed on the issue-15 wording 排在第一位的部门为牵头部门 (municipal 市… notes as in Jinan 0125)
            "注：排在第一位的部门为牵头部门。\n1.推进建设。（市发展改革委、市财政局）",
            [[("市发展改革委", "lead"), ("市财政局", "responsible")]],
            id="first-leads-stated-once",
        ),
        pytest.param(  # without the rule the first unit keeps the default role (devcorpus 0125 line 4)
            "（责任单位：市科技局、市发展改革委、市工业和信息化局）",
            [[("市科技局", "responsible"), ("市发展改革委", "responsible"), ("市工业和信息化局", "responsible")]],
            id="no-rule-no-lead",
        ),
    ],
)
def test_first_unit_leads_by_stated_rule(text: str, expected: list[list[tuple[str, str]]]) -> None:
    g = load_grammar()
    got = [[(u.name, u.role) for u in units] for _, units in extract_unit_groups(normalize(text, g), g)]
    assert got == expected


def test_canonical_memo_gives_what_the_lookup_gives() -> None:
    # the (name, jurisdiction) memo of canonical names returns what a fresh lookup returns, also
    # for a miss (None) and once it is cleared at its size bound
    from sztext.extract import units as units_module

    g = load_grammar()
    _, lexicon = units_module._compiled(g)
    names = ["市发展改革委", "市市场和质量监管委", "市局", "财政部"]
    fresh = [units_module._canonical_on(n, lexicon, None, "深圳市") for n in names]
    assert fresh[:3] == ["深圳市发展和改革委员会", "深圳市市场监督管理局", None]
    lexicon.memo.clear()
    assert [units_module._canonical(n, lexicon, None, "深圳市") for n in names] == fresh
    assert [units_module._canonical(n, lexicon, None, "深圳市") for n in names] == fresh  # from the memo
    assert lexicon.memo[("市局", "深圳市")] is None
