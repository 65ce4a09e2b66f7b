"""A user grammar is an overlay on the shipped one: a directory holding only what it adds (a city's
agency lexicon, a heading style) is merged onto the shipped files, with no Python change."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.errors import GrammarError

from shared_fixtures import HANGZHOU, outline

# a heading style the shipped grammar lacks: 第一部分 / 第二部分 (parts of a plan); ${cn} is the
# shipped headings.toml's fragment, which an overlay file may use without repeating it
PARTS = """\
version = 1
description = "Overlay: 第X部分 parts of a plan."

[[rule]]
id = "headings.part_bufen"
pattern = '^[ ]*(?P<marker>第(?P<num>${cn})部分)(?=[ ]|$)'
anchors = ["部分"]
tags = { kind = "part", numeral = "cn" }
examples = [
  { text = "第一部分 总体要求", groups = { marker = "第一部分", num = "一" } },
  { text = "第二部分 重点任务", groups = { num = "二" } },
]
counterexamples = ["第一部分内容已完成"]
"""

# a short notice written the way Hangzhou's 市政府办公厅 writes them (杭政办函 numbers, 各区、县（市）)
NOTICE = (
    "杭州市人民政府办公厅关于印发杭州市促进商贸流通业发展若干措施的通知\n"
    "杭政办函〔2021〕12号\n"
    "各区、县（市）人民政府，市政府各部门、各直属单位：\n"
    "《杭州市促进商贸流通业发展若干措施》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
    "杭州市人民政府办公厅\n"
    "2021年3月1日\n"
    "杭州市促进商贸流通业发展若干措施\n"
    "第一部分 总体要求\n"
    "坚持稳中求进工作总基调，推动商贸流通业高质量发展。\n"
    "第二部分 重点任务\n"
    "一、支持商贸企业发展\n"
    "对年度销售额增长的企业给予奖励。（责任单位：市财政局、市商务局）\n"
    "二、完善商贸流通网络\n"
    "支持建设城乡配送中心。（责任单位：市发改委）\n"
)


@pytest.fixture()
def overlay(tmp_path: Path) -> Path:
    directory = tmp_path / "my_grammar"
    (directory / "agencies").mkdir(parents=True)
    (directory / "agencies" / "hangzhou.toml").write_text(HANGZHOU, encoding="utf-8")
    (directory / "headings.toml").write_text(PARTS, encoding="utf-8")
    return directory




def _units(notice: sztext.Notice) -> list[tuple[str, str | None]]:
    return [(u.name, u.canonical) for node in notice.nodes() for group in node.unit_groups for u in group]


def test_the_shipped_grammar_knows_neither_hangzhou_nor_parts() -> None:
    notice = sztext.parse(NOTICE)
    # the place is known from grammars/places.toml, but it has no lexicon: no canonical names
    assert notice.jurisdiction is not None and notice.jurisdiction.name == "杭州市"
    assert _units(notice) == [("市财政局", None), ("市商务局", None), ("市发改委", None)]
    assert [k for _, k, _ in outline(notice)] == ["section", "section"]


def test_an_overlay_adds_a_city_and_a_heading_style(overlay: Path) -> None:
    notice = sztext.parse(NOTICE, options=sztext.Options(grammar_dir=str(overlay)))
    assert notice.jurisdiction is not None and notice.jurisdiction.name == "杭州市"
    assert _units(notice) == [("市财政局", "杭州市财政局"), ("市商务局", "杭州市商务局"), ("市发改委", "杭州市发展和改革委员会")]
    assert outline(notice) == [
        (0, "part", "第一部分 总体要求"),
        (0, "part", "第二部分 重点任务"),
        (1, "section", "一、支持商贸企业发展"),
        (1, "section", "二、完善商贸流通网络"),
    ]
    # the rest of the shipped grammar is all there: 文号, title, issuer, date
    assert notice.doc_number is not None and notice.doc_number.clean == "杭政办函〔2021〕12号"
    assert notice.signed_date is not None and str(notice.signed_date.value) == "2021-03-01"


def test_merge_semantics(overlay: Path) -> None:
    shipped = sztext.load_grammar()
    g = sztext.load_grammar(overlay)
    assert g.digest != shipped.digest
    # a new rule is appended after the shipped rules of its file, in file order
    ids = [r.id for r in g.rules_of("headings")]
    assert ids == [r.id for r in shipped.rules_of("headings")] + ["headings.part_bufen"]
    assert g.headings.line[-1].id == "headings.part_bufen"
    # other files are the shipped ones
    assert g.rules_of("money") == shipped.rules_of("money")
    assert set(g.jurisdictions) == set(shipped.jurisdictions) | {"杭州市"}
    # a rule with a shipped id replaces the shipped rule where it stands
    replaced = PARTS.replace("headings.part_bufen", "headings.case").replace("部分)", "部分)[ ]*[:：]?")
    (overlay / "headings.toml").write_text(replaced, encoding="utf-8")
    g2 = sztext.load_grammar(overlay)
    assert [r.id for r in g2.rules_of("headings")] == [r.id for r in shipped.rules_of("headings")]
    assert "部分" in g2.rule("headings.case").pattern.pattern
    # a table of the same name replaces the shipped table whole; a new table is added
    (overlay / "doctypes.toml").write_text(
        'version = 1\ndescription = "overlay"\n[table.extra]\n"纪要" = "纪要"\n', encoding="utf-8"
    )
    g3 = sztext.load_grammar(overlay)
    assert g3.table("doctypes", "extra") == {"纪要": "纪要"}
    assert g3.table("doctypes", "title_suffix") == shipped.table("doctypes", "title_suffix")


def test_an_agency_file_of_a_shipped_name_replaces_it(overlay: Path) -> None:
    (overlay / "agencies" / "hangzhou.toml").unlink()
    shenzhen = (sztext.grammar.default_grammar_dir() / "agencies" / "shenzhen.toml").read_text(encoding="utf-8")
    start = shenzhen.index("[[agency]]")
    (overlay / "agencies" / "shenzhen.toml").write_text(shenzhen[:start] + '[[agency]]\ncanonical = "深圳市财政局"\naliases = ["市财政局"]\n', encoding="utf-8")
    g = sztext.load_grammar(overlay)
    assert sorted(a.canonical for a in g.agencies if a.jurisdiction == "深圳市") == ["深圳市财政局"]


def test_an_overlay_error_names_the_overlay_file(overlay: Path) -> None:
    (overlay / "headings.toml").write_text(PARTS.replace("${cn}", "${nope}"), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"my_grammar/headings\.toml \(rule headings\.part_bufen\): \[pattern\] unknown fragment"):
        sztext.load_grammar(overlay)
