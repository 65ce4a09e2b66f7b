"""GB/T 9704 elements read where printed, null where not (issue 14): 紧急程度 (urgency), 附注 (note)
and the 版记's 印发机关/印发日期 (printed_by, printed_date). Each from real files of two or more
issuers (shared/corpus, devcorpus tuned part); values keep their spans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sztext

SHARED = Path(__file__).resolve().parents[4] / "shared"


def _first(path: str) -> sztext.Notice:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside this checkout")
    notice = sztext.parse_file(next(SHARED.glob(path)))[0]
    for v in (notice.urgency, notice.note, notice.printed_by, notice.printed_date):
        if v is not None:
            assert notice.source_text[v.span[0] : v.span[1]] == v.text
    return notice


@pytest.mark.parametrize(
    ("path", "urgency"),
    [
        # …签发盖章于国安等级特急·明电鲁政办发明电〔2021〕1号… (山东省人民政府办公厅)
        ("devcorpus/docs/0191_*", "特急"),
        # 中共山东省委办公厅发电等级特急，明电鲁办发电（2020）164号… (中共山东省委办公厅)
        ("devcorpus/docs/0215_*", "特急"),
        # no 紧急程度 printed (国务院, gov.cn)
        ("corpus/0001_*", None),
    ],
)
def test_urgency(path: str, urgency: str | None) -> None:
    n = _first(path)
    assert (n.urgency.clean if n.urgency else None) == urgency


@pytest.mark.parametrize(
    ("path", "note"),
    [
        ("corpus/0001_*", "（此件公开发布）"),  # 国务院
        ("corpus/0002_*", "（此件公开发布）"),  # 国务院办公厅
        ("corpus/0034_*", "(此件主动公开)"),  # 山东省市场监督管理局, OCR
        ("devcorpus/docs/0194_*", None),  # 中共山东省委 山东省人民政府: no 附注
    ],
)
def test_note(path: str, note: str | None) -> None:
    n = _first(path)
    assert (n.note.text if n.note else None) == note


@pytest.mark.parametrize(
    ("path", "printed_by", "printed_date"),
    [
        # 山东省人民政府办公厅2020年12月10日印发 (北大法宝 export)
        ("devcorpus/docs/0120_*", "山东省人民政府办公厅", dt.date(2020, 12, 10)),
        # 济南市工业和信息化局办公室              2022年3月10日印发
        ("devcorpus/docs/0144_*", "济南市工业和信息化局办公室", dt.date(2022, 3, 10)),
        # …龙岩市工业和信息化局2022年5月26日龙岩市工业和信息化局2022年5月26日印发 (run-on OCR)
        ("devcorpus/docs/0220_*", "龙岩市工业和信息化局", dt.date(2022, 5, 26)),
        # no 版记 printed (国务院, gov.cn)
        ("corpus/0001_*", None, None),
    ],
)
def test_printed(path: str, printed_by: str | None, printed_date: dt.date | None) -> None:
    n = _first(path)
    assert (n.printed_by.clean if n.printed_by else None) == printed_by
    assert (n.printed_date.value if n.printed_date else None) == printed_date


def test_printed_date_is_the_effective_date_of_自印发之日起() -> None:
    # the 版记 line of devcorpus 0120 under a cover notice: 印发 is its date, not the signing date
    text = (
        "山东省人民政府办公厅关于印发某某办法的通知\n各市人民政府：\n现将《某某办法》印发给你们，请认真贯彻执行。本办法自印发之日起施行。\n"
        "山东省人民政府办公厅\n2020年12月7日\n山东省人民政府办公厅2020年12月10日印发\n"
    )
    n = sztext.parse(text)
    assert n.printed_date is not None and n.printed_date.value == dt.date(2020, 12, 10)
    assert n.signed_date is not None and n.signed_date.value == dt.date(2020, 12, 7)
    assert n.effective is not None and n.effective.on_issue and n.effective.from_ == dt.date(2020, 12, 10)
