"""The researcher tables (documents, measures, units, amounts, citations) and sztext.tables():
stable unique ids, every amount exactly once, pandas-friendly dtypes, real values from samples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import sztext
from sztext.export.rows import COLUMNS, TABLES, table_rows

pd = pytest.importorskip("pandas")

REPO = Path(__file__).parents[1]
SAMPLES = sorted((REPO / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def notices() -> list[sztext.Notice]:
    return [n for f in SAMPLES for n in sztext.parse_file(f)]


def test_ids_are_unique_and_amounts_appear_once(notices: list[sztext.Notice]) -> None:
    t = sztext.tables(notices)
    assert sorted(t) == sorted(TABLES)
    for name, key in (("documents", "doc_id"), ("measures", "measure_id"), ("units", "unit_id"), ("amounts", "amount_id"), ("citations", "citation_id")):
        assert t[name][key].is_unique, name
        assert list(t[name].columns[: len(COLUMNS[name])]) == list(COLUMNS[name])
    assert len(t["amounts"]) == sum(len(n.amounts) for n in notices)  # none lost, none twice
    known = set(t["measures"]["measure_id"])
    assert set(t["amounts"]["measure_id"].dropna()) <= known and set(t["units"]["measure_id"]) <= known


def test_ids_are_stable_across_runs(notices: list[sztext.Notice]) -> None:
    again = [n for f in SAMPLES for n in sztext.parse_file(f)]
    assert [r["measure_id"] for n in notices for r in table_rows(n)["measures"]] == [
        r["measure_id"] for n in again for r in table_rows(n)["measures"]
    ]


def test_a_restarted_list_gets_distinct_ids(notices: list[sztext.Notice]) -> None:
    # samples/004 has documents whose lists restart (1. 2. 3. under two headings, attachments):
    # the repeated node paths get ~2, ~3 … and every id of a document is unique
    ids_per_doc = [[r["measure_id"] for r in table_rows(n)["measures"]] for n in notices]
    assert any(i.endswith("~2") for ids in ids_per_doc for i in ids)
    assert all(len(ids) == len(set(ids)) for ids in ids_per_doc)


def test_real_values_and_dtypes(notices: list[sztext.Notice]) -> None:
    t = sztext.tables(notices)
    amounts = t["amounts"]
    # samples/004: 最高补贴额为10万元 → max 100000 CNY, on its measure
    row = amounts[(amounts["text"] == "10万元") & (amounts["qualifier"] == "max")].iloc[0]
    assert row["value"] == Decimal("100000") and row["value_float"] == 100000.0 and row["currency"] == "CNY"
    assert isinstance(row["measure_id"], str) and "#" in row["measure_id"]
    docs = t["documents"]
    assert str(docs["signed_date"].dtype).startswith("datetime64")
    shenzhen = docs[docs["doc_number"] == "深府规〔2024〕6号"].iloc[0]
    assert shenzhen["doc_type"] == "通知" and shenzhen["issuer"] == "深圳市人民政府"
    units = t["units"]
    assert set(units["role"].dropna()) <= {"lead", "responsible", "cooperating"} and len(units) > 100


def test_presets_name_columns_as_researchers_do(notices: list[sztext.Notice]) -> None:
    t = sztext.tables(notices, preset="pkulaw")
    assert list(t["documents_pkulaw"].columns) == ["doc_id", "标题", "发布部门", "发文字号", "发布日期", "实施日期", "时效性", "效力级别"]
    assert t["documents_pkulaw"]["时效性"].isna().all()  # never guessed
    g = sztext.tables(notices, preset="gbt33480")["documents_gbt33480"]
    assert "成文日期" in g.columns and "主送机关" in g.columns
    with pytest.raises(ValueError):
        sztext.tables(notices, preset="nope")


def test_a_pivot_of_money_by_issuer_and_year(notices: list[sztext.Notice]) -> None:
    # the cookbook's workflow: exact one-off CNY amounts, summed per issuer and year
    t = sztext.tables(notices)
    money = t["amounts"].merge(t["documents"][["doc_id", "issuer", "signed_date"]], on="doc_id")
    exact = money[(money["currency"] == "CNY") & (money["qualifier"] == "exact") & money["per"].isna()]
    pivot = exact.pivot_table(index="issuer", columns=exact["signed_date"].dt.year, values="value_float", aggfunc="sum")
    assert pivot.shape[0] >= 1 and (pivot.fillna(0) >= 0).all().all()


def test_the_documents_table_carries_the_gbt9704_elements() -> None:
    # a 请示 laid out as GB/T 9704-2012 prints it (份号, 密级★保密期限, 紧急程度 above the 版头; the 版记
    # line 印发机关 + 印发日期), the same layout tests/unit/assemble/test_header_marks3.py reads
    text = (
        "000001\n机密★1年\n特急\n山东省人民政府办公厅文件\n鲁政办字〔2021〕12号　　签发人：张三\n"
        "山东省人民政府办公厅关于某某事项的请示\n省政府：\n为做好某某工作，现请示如下。\n妥否，请批示。\n"
        "山东省人民政府办公厅\n2021年3月4日\n山东省人民政府办公厅　　　　2021年3月5日印发\n"
    )
    n = sztext.parse_archive(text)[0]
    doc = sztext.tables([n])["documents"].iloc[0]
    assert (doc["copy_number"], doc["secrecy"], doc["secrecy_period"], doc["urgency"]) == ("000001", "机密", "1年", "特急")
    assert doc["signer"] == "张三"
    assert doc["printed_by"] == "山东省人民政府办公厅" and str(doc["printed_date"].date()) == "2021-03-05"
    g = sztext.tables([n], preset="gbt33480")["documents_gbt33480"].iloc[0]
    assert (g["份号"], g["密级"], g["保密期限"], g["紧急程度"]) == ("000001", "机密", "1年", "特急")
