"""Exports (issue 7): Markdown, CSV and Akoma Ntoso on every sample and corpus document;
the AKN output is checked structurally."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import sztext
from sztext.export.akn import AKN_NS, SZ_NS, to_akn
from sztext.export.markdown import to_markdown
from sztext.export.table import MEASURE_COLUMNS, csv_text, measure_rows

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = sorted((ROOT / "samples").glob("*.txt")) + (
    sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".txt")) if CORPUS.is_dir() else []
)
A = {"a": AKN_NS, "sz": SZ_NS}


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.name[:4])
def notices(request: pytest.FixtureRequest) -> list[sztext.Notice]:
    return sztext.parse_file(request.param)


def test_markdown_has_every_heading(notices: list[sztext.Notice]) -> None:
    for n in notices:
        md = to_markdown(n)
        assert md.startswith("# ")
        headed = [node for node in n.nodes() if node.kind != "paragraph"]
        assert md.count("\n#") >= len(headed)


def test_csv_has_a_row_per_measure(notices: list[sztext.Notice]) -> None:
    rows = [row for n in notices for row in measure_rows(n)]
    lines = csv_text(rows).splitlines()
    assert lines[0] == ",".join(MEASURE_COLUMNS)
    assert len(rows) == sum(1 for n in notices for _ in n.measures())


def test_akoma_ntoso_structure(notices: list[sztext.Notice]) -> None:
    for n in notices:
        root = etree.fromstring(to_akn(n))
        assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
        (doc,) = root.xpath("a:act|a:doc", namespaces=A)
        ident = doc.xpath("a:meta/a:identification", namespaces=A)[0]
        work = ident.xpath("a:FRBRWork/a:FRBRthis/@value", namespaces=A)[0]
        assert work.startswith("/akn/cn/")
        assert ident.xpath("a:FRBRExpression/a:FRBRlanguage/@language", namespaces=A) == ["zho"]
        if n.doc_number is not None:
            assert doc.xpath("a:preface//a:docNumber/text()", namespaces=A) == [n.doc_number.clean]
        if n.signed_date is not None and n.signed_date.value is not None:
            assert doc.xpath("a:preface//a:docDate/@date", namespaces=A) == [n.signed_date.value.isoformat()]
        quantities = doc.xpath(".//a:quantity/@normalized", namespaces=A)
        node_amounts = [a for node in n.nodes() for a in node.amounts]
        assert len(quantities) == len(node_amounts)
        prov = doc.xpath("a:meta/a:proprietary/sz:provenance", namespaces=A)[0]
        assert (int(prov.get("start")), int(prov.get("end"))) == n.source.span
        assert len(prov.xpath("sz:noise", namespaces=A)) == len(n.noise)
        numbered = [node for node in n.nodes() if node.kind != "paragraph"]
        assert len(doc.xpath(".//a:num", namespaces=A)) == len([x for x in numbered if x.marker])


def test_decree_is_an_act_with_articles() -> None:
    text = "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n"
    root = etree.fromstring(to_akn(sztext.parse(text)))
    assert root.xpath("a:act/a:body/a:chapter/a:article/a:num/text()", namespaces=A) == ["第一条", "第二条"]


def test_total_cny_adds_only_exact_one_off_amounts() -> None:
    """Issue 15: a cap, a threshold and a rate do not add up with a grant; max_cny still sees them.
    Forms of devcorpus 0170 (Jinan): 给予３０万元一次性奖励, 最高补助１００万元, 每人每月补贴1500元."""
    text = "一、对新认定企业给予30万元一次性奖励，另给予50万元补助，最高补助100万元。\n二、每人每月补贴1500元，投资5000万元以上的项目。\n"
    rows = list(measure_rows(sztext.parse(text)))
    assert [(r["total_cny"], r["max_cny"]) for r in rows] == [(800000, 1000000), (None, 50000000)]
