"""The matching view and its offset map (normalize stage, G16).

Cases come from the pinyin glosses of samples/000 and samples/001 (``營商環(huán)境``), the page
furniture of samples/004 (``【字体：大中小 】``) and hand-made edits at the boundaries. Mojibake
repair is tested in test_mojibake.py; here a replacement edit is passed in by hand.
"""

from __future__ import annotations

import pytest

import sztext
from sztext.normalize import Edit, TextView, normalize, view_table

GLOSSED = "營商環(huán)境"  # 營0 商1 環2 (3 … )8 境9


@pytest.fixture(scope="module")
def glossed(grammar: sztext.Grammar) -> TextView:
    return normalize(GLOSSED, grammar)


def test_gloss_is_removed_from_clean_and_view(glossed: TextView) -> None:
    assert glossed.source == GLOSSED
    assert glossed.clean == "營商環境"
    assert glossed.text == "营商环境"
    assert glossed.edits == (Edit(3, 9, "", "pinyin", "noise.pinyin_gloss"),)


@pytest.mark.parametrize(
    ("view_range", "span", "text", "clean"),
    [
        pytest.param((0, 2), (0, 2), "營商", "營商", id="before-the-gloss"),
        pytest.param((0, 3), (0, 3), "營商環", "營商環", id="ends-at-the-glossed-char: gloss stays outside"),
        pytest.param((3, 4), (9, 10), "境", "境", id="after-the-gloss"),
        pytest.param((2, 4), (2, 10), "環(huán)境", "環境", id="across-the-gloss"),
        pytest.param((0, 4), (0, 10), GLOSSED, "營商環境", id="whole"),
    ],
)
def test_value_spans_around_a_gloss(glossed: TextView, view_range: tuple[int, int], span: tuple[int, int], text: str, clean: str) -> None:
    value = glossed.value(*view_range)
    assert value.span == span
    assert value.text == text == GLOSSED[span[0] : span[1]]
    assert value.clean == clean


@pytest.mark.parametrize(
    ("pos", "start", "end"),
    [
        pytest.param(0, 0, 0, id="0"),
        pytest.param(2, 2, 2, id="2-before-edit"),
        pytest.param(3, 9, 3, id="3-at-deletion: start after it, end before it"),
        pytest.param(4, 10, 10, id="4-end-of-text"),
    ],
)
def test_to_source_at_a_deletion(glossed: TextView, pos: int, start: int, end: int) -> None:
    assert glossed.to_source_start(pos) == start
    assert glossed.to_source_end(pos) == end


@pytest.mark.parametrize(
    ("source_pos", "view_pos"),
    [(0, 0), (2, 2), (3, 3), (5, 3), (8, 3), (9, 3), (10, 4)],
    ids=lambda v: str(v),
)
def test_to_view_at_a_deletion(glossed: TextView, source_pos: int, view_pos: int) -> None:
    assert glossed.to_view(source_pos) == view_pos


def test_span_of_an_empty_range(glossed: TextView) -> None:
    assert glossed.span(3, 3) == (9, 9)
    assert glossed.value(3, 3).text == ""


# --- a replacement edit (a mojibake repair, passed in by hand) ------------------------------

# A stand-in for a garbled run: four characters no noise or mojibake rule touches, so the only
# edit is the one passed in. ab 0-1, □□□□ 2-5 repaired to （一）, cd 6-7.
MOJIBAKE = "ab□□□□cd"


@pytest.fixture(scope="module")
def repaired(grammar: sztext.Grammar) -> TextView:
    return normalize(MOJIBAKE, grammar, extra_edits=[Edit(2, 6, "（一）", "mojibake", "test.repair")])


def test_replacement_in_clean_and_view(repaired: TextView, grammar: sztext.Grammar) -> None:
    assert normalize(MOJIBAKE, grammar).edits == ()
    assert repaired.clean == "ab（一）cd"
    assert repaired.text == "ab(一)cd"


@pytest.mark.parametrize(
    ("pos", "start", "end"),
    [
        pytest.param(2, 2, 2, id="2-at-replacement-start"),
        pytest.param(3, 2, 6, id="3-inside: whole edit"),
        pytest.param(4, 2, 6, id="4-inside: whole edit"),
        pytest.param(5, 6, 6, id="5-at-replacement-end"),
        pytest.param(6, 7, 7, id="6-after"),
    ],
)
def test_to_source_at_a_replacement(repaired: TextView, pos: int, start: int, end: int) -> None:
    assert repaired.to_source_start(pos) == start
    assert repaired.to_source_end(pos) == end


@pytest.mark.parametrize(
    ("view_range", "text", "clean"),
    [
        pytest.param((2, 5), "□□□□", "（一）", id="the-repair"),
        pytest.param((3, 4), "□□□□", "一", id="part-of-the-repair: the whole edit"),
        pytest.param((1, 6), "b□□□□c", "b（一）c", id="across"),
    ],
)
def test_values_over_a_replacement(repaired: TextView, view_range: tuple[int, int], text: str, clean: str) -> None:
    value = repaired.value(*view_range)
    assert value.text == text == MOJIBAKE[value.span[0] : value.span[1]]
    assert value.clean == clean


@pytest.mark.parametrize(("source_pos", "view_pos"), [(2, 2), (4, 2), (6, 5), (7, 6)], ids=lambda v: str(v))
def test_to_view_at_a_replacement(repaired: TextView, source_pos: int, view_pos: int) -> None:
    assert repaired.to_view(source_pos) == view_pos


# --- deletions at the ends of the text ------------------------------------------------------


def test_deletion_at_the_start(grammar: sztext.Grammar) -> None:
    view = normalize("\u200b深圳", grammar)
    assert view.text == "深圳"
    assert view.value(0, 2).span == (1, 3)
    assert view.to_source_start(0) == 1


def test_deletion_at_the_end(grammar: sztext.Grammar) -> None:
    view = normalize("深圳\x00", grammar)
    assert view.text == "深圳"
    assert view.value(0, 2).span == (0, 2)
    assert view.to_source_start(2) == 3  # a document end maps past the trailing noise


# --- the 1:1 character mapping --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "view"),
    [
        pytest.param("國務院關於印發", "国务院关于印发", id="traditional"),
        pytest.param("（一）１２３ＡＢＣ：", "(一)123ABC:", id="full-width"),
        pytest.param("深府规〔2024〕6号【】［］", "深府规[2024]6号[][]", id="brackets"),
        pytest.param("\u3000\u3000第一条\t为了", "  第一条 为了", id="spaces-and-tab"),
        pytest.param("二○○九年", "二〇〇九年", id="circle-as-zero"),
    ],
)
def test_mapping_keeps_length(grammar: sztext.Grammar, source: str, view: str) -> None:
    v = normalize(source, grammar)
    assert v.edits == ()
    assert v.clean == source  # clean stays in the document's own script and forms
    assert v.text == view
    assert len(v.text) == len(source)
    assert all(v.to_source_start(i) == i for i in range(len(source) + 1))


def test_view_table_is_one_to_one(grammar: sztext.Grammar) -> None:
    table = view_table(grammar)
    assert table[ord("環")] == "环"
    assert all(isinstance(k, int) and isinstance(v, str) and len(v) == 1 for k, v in table.items())
    assert view_table(grammar) is table  # built once per grammar


# --- the noise report -----------------------------------------------------------------------

PAGE = "信息提供日期：2018-07-16 【字体：大中小 】\n營商環(huán)境\x00優(yōu)化"


def test_noise_report(grammar: sztext.Grammar) -> None:
    view = normalize(PAGE, grammar)
    report = [(n.kind, n.text, n.span, n.repaired) for n in view.noise()]
    widget = PAGE.index("【")
    gloss = PAGE.index("(huán)")
    nul = PAGE.index("\x00")
    gloss2 = PAGE.index("(yōu)")
    assert report == [
        ("page_furniture", "【字体：大中小 】", (widget, widget + 9), None),
        ("pinyin", "(huán)", (gloss, gloss + 6), None),
        ("control", "\x00", (nul, nul + 1), None),
        ("pinyin", "(yōu)", (gloss2, gloss2 + 5), None),
    ]
    assert all(PAGE[s:e] == text for _, text, (s, e), _ in report)
    assert view.clean == "信息提供日期：2018-07-16 \n營商環境優化"


@pytest.mark.parametrize(
    ("start", "end", "kinds"),
    [
        pytest.param(0, None, ["page_furniture", "pinyin", "control", "pinyin"], id="all"),
        pytest.param(PAGE.index("\n"), None, ["pinyin", "control", "pinyin"], id="from-line-2"),
        pytest.param(0, PAGE.index("\n"), ["page_furniture"], id="line-1"),
        pytest.param(PAGE.index("\x00") + 1, None, ["pinyin"], id="after-nul"),
    ],
)
def test_noise_report_of_a_range(grammar: sztext.Grammar, start: int, end: int | None, kinds: list[str]) -> None:
    assert [n.kind for n in normalize(PAGE, grammar).noise(start, end)] == kinds


def test_repaired_text_is_reported(repaired: TextView) -> None:
    (noise,) = repaired.noise()
    assert (noise.kind, noise.text, noise.span, noise.repaired) == ("mojibake", "□□□□", (2, 6), "（一）")


@pytest.mark.parametrize(
    "text",
    ["政府和社會資本合作(PPP)", "人工智能(AI)", "（2018—2035年）", "（责任单位:市财政局）"],
)
def test_real_parentheses_are_not_noise(grammar: sztext.Grammar, text: str) -> None:
    assert normalize(text, grammar).noise() == []


def test_notice_reports_the_noise_of_its_document(grammar: sztext.Grammar) -> None:
    notice = sztext.parse("深圳市人民政府關于優(yōu)化營商環(huán)境的通知\n各區人民政府：\n現印發。\n", grammar=grammar)
    assert [(n.kind, n.text) for n in notice.noise] == [("pinyin", "(yōu)"), ("pinyin", "(huán)")]
    notice.verify()
    assert notice.title is not None and notice.title.clean == "深圳市人民政府關于優化營商環境的通知"
