"""XML law records (sztext.load.record) and the header fields read from their promulgation history.

The records are cut from real Taiwan law-database records of two issuers (devcorpus 0438 國家安全局,
0442 總統), keeping their element layout: the database's own fields, the wrapped 沿革 entries, the
<條號>/<條文內容> pairs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sztext
from sztext.load import load_bytes
from sztext.load.record import looks_like_record, record_to_text
from sztext.load.stream import open_text_stream

# devcorpus 0438 (國家安全局), first two articles and the last
NSB = """<法規>
<法規性質>命令</法規性質>
<法規名稱>國家情報工作獎勵辦法</法規名稱>
<法規網址>https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0020150</法規網址>
<法規類別>總統＞國家安全會議＞情報工作目</法規類別>
<最新異動日期>20170517</最新異動日期>
<生效日期>
</生效日期>
<附件>
  <檔案>
    <檔案名稱><![CDATA[附表國家情報工作獎勵基準表.PDF]]></檔案名稱>
  </檔案>
</附件>
<沿革內容><![CDATA[1.中華民國九十九年九月七日國家安全局（099） 允恆字第 0044054  號
  令訂定發布全文 11 條；並自發布日施行
2.中華民國一百零二年九月十四日國家安全局（102） 修惠字第 0011266 
  號令修正發布第 1  條條文]]></沿革內容>
<法規內容>
  <條文>
    <條號>第 1 條</條號>
    <條文內容><![CDATA[本辦法依國家情報工作法（以下簡稱本法）第二十七條第二項規定訂定之。]]></條文內容>
  </條文>
  <條文>
    <條號>第 5 條</條號>
    <條文內容><![CDATA[第二條之機關（構）、人員從事情報相關工作具有下列事蹟之一者，得視其實際成效，核予獎勵：
一、蒐獲攸關國家安全或重大利益之情資，著有貢獻。]]></條文內容>
  </條文>
  <條文>
    <條號>第 11 條</條號>
    <條文內容><![CDATA[本辦法自發布日施行。]]></條文內容>
  </條文>
</法規內容>
</法規>
"""

# devcorpus 0442 (總統, a statute), the first two history entries and three articles
PRESIDENT = """<法規>
<法規性質>法律</法規性質>
<法規名稱>地方民意代表費用支給及村里長事務補助費補助條例</法規名稱>
<生效日期>20250101</生效日期>
<沿革內容><![CDATA[1.中華民國八十九年一月二十六日總統（89）華總一義字第 8900021160
  號令制定公布全文 10 條；並自公布日起施行
2.中華民國九十五年五月十七日總統華總一義字第 09500069801  號令修
  正公布第 6  條條文]]></沿革內容>
<法規內容>
  <條文>
    <條號>第 1 條</條號>
    <條文內容><![CDATA[地方民意代表費用之支給及村（里）長事務補助費之補助，依本條例行之。]]></條文內容>
  </條文>
  <條文>
    <條號>第 7-1 條</條號>
    <條文內容><![CDATA[村（里）長之事務補助費，每月新臺幣五萬五千元。]]></條文內容>
  </條文>
  <條文>
    <條號>第 10 條</條號>
    <條文內容><![CDATA[本條例自公布日施行。]]></條文內容>
  </條文>
</法規內容>
</法規>
"""


def test_record_detected_and_rendered_title_first() -> None:
    assert looks_like_record(NSB) and looks_like_record(PRESIDENT)
    assert not looks_like_record("<div><p>国务院关于…的通知</p></div>\n正文")
    text = record_to_text(NSB)
    assert text is not None
    lines = text.split("\n")
    assert lines[0] == "國家情報工作獎勵辦法"
    # the wrapped history entry is one line; the database's fields are left out
    assert lines[1] == "1.中華民國九十九年九月七日國家安全局（099） 允恆字第 0044054  號令訂定發布全文 11 條；並自發布日施行"
    assert "法規網址" not in text and "https://" not in text and "命令" not in text
    assert "第 1 條 本辦法依國家情報工作法" in text
    loaded = load_bytes(NSB.encode("utf-8"), "x_xml.txt")
    assert loaded.format == "xml" and loaded.text == text


@pytest.mark.parametrize(
    ("record", "title", "number", "issuer", "day", "articles"),
    [
        (NSB, "國家情報工作獎勵辦法", "（099）允恆字第0044054號", "國家安全局", dt.date(2010, 9, 7), ["第1條", "第5條", "第11條"]),
        (PRESIDENT, "地方民意代表費用支給及村里長事務補助費補助條例", "（89）華總一義字第8900021160號", "總統", dt.date(2000, 1, 26), ["第1條", "第7-1條", "第10條"]),
    ],
    ids=["nsb", "president"],
)
def test_history_note_fields(record: str, title: str, number: str, issuer: str, day: dt.date, articles: list[str]) -> None:
    n = _parse(record)
    assert n.title is not None and n.title.clean == title
    assert n.doc_number is not None and "".join(n.doc_number.clean.split()) == number
    assert n.doc_type == "令"
    assert [i.clean for i in n.issuers] == [issuer]
    assert n.published_date is not None and n.published_date.value == day
    assert n.effective is not None and n.effective.from_ == day
    assert ["".join((x.marker or "").split()) for x in n.body if x.marker and x.number is not None] == articles


def test_history_note_effective_date_of_the_era() -> None:
    # devcorpus 0439 (司法院): the first entry names its own effective date, 一百零三年一月一日
    record = (
        "<法規><法規名稱>司法院辦理補助駐法院家事服務中心辦法</法規名稱><沿革內容><![CDATA[1.中華民國一百零二年十二月三十日司法院院台廳少家三字第 102003482\n"
        "  5 號令訂定發布全文 13 條；並自一百零三年一月一日施行]]></沿革內容><法規內容><條文><條號>第 1 條</條號>"
        "<條文內容><![CDATA[本辦法依少年及家事法院組織法第十九條之一第二項規定訂定之。]]></條文內容></條文></法規內容></法規>"
    )
    n = _parse(record)
    assert [i.clean for i in n.issuers] == ["司法院"]
    assert n.doc_number is not None and "".join(n.doc_number.clean.split()) == "院台廳少家三字第1020034825號"
    assert n.published_date is not None and n.published_date.value == dt.date(2013, 12, 30)
    assert n.effective is not None and n.effective.from_ == dt.date(2014, 1, 1)


def _parse(record: str) -> sztext.Notice:
    text = record_to_text(record)
    assert text is not None
    notice = sztext.parse(text)
    return notice


@pytest.mark.parametrize(
    "joined",
    [
        NSB.strip() + PRESIDENT.strip(),  # </法規><法規>: a database's export run together
        NSB + "\n" + PRESIDENT,
        '<?xml version="1.0" encoding="utf-8"?>\n<LAWS>\n' + NSB + PRESIDENT + "</LAWS>\n",  # a wrapper of records
    ],
    ids=["glued", "newline", "wrapper"],
)
def test_records_joined_are_one_text_each(joined: str) -> None:
    # 國家安全局's 辦法 and 總統's 條例, each record its own text with its title first, in order
    text = record_to_text(joined)
    one, two = record_to_text(NSB), record_to_text(PRESIDENT)
    assert text is not None and one is not None and two is not None
    assert text == one + "\n" + two
    notices = sztext.parse_archive(text)
    assert [n.title.clean if n.title else None for n in notices] == ["國家情報工作獎勵辦法", "地方民意代表費用支給及村里長事務補助費補助條例"]


def test_joined_pieces_that_are_not_records_are_left_as_they_are() -> None:
    assert record_to_text(NSB.strip() + "<法規>未完") is None


@pytest.mark.parametrize("record", [NSB, PRESIDENT], ids=["國家安全局", "總統"])
def test_a_record_file_is_loaded_whole_never_streamed(record: str, tmp_path: Path) -> None:
    # a streamed chunk would reach the pipeline as raw XML: the record is loaded whole and rendered
    path = tmp_path / "record.txt"
    path.write_text(record, encoding="utf-8")
    assert open_text_stream(path) is None
    plain = tmp_path / "plain.txt"
    plain.write_text(record_to_text(record) or "", encoding="utf-8")
    assert open_text_stream(plain) is not None


@pytest.mark.parametrize("record", [NSB, PRESIDENT], ids=["國家安全局", "總統"])
def test_a_record_given_as_text_gives_the_file_record(record: str, tmp_path: Path) -> None:
    path = tmp_path / "record.txt"
    path.write_text(record, encoding="utf-8")
    from_file, from_text = sztext.parse_file(path)[0], sztext.parse(record)
    assert from_file.title is not None and from_text.title == from_file.title
    assert from_text.model_dump(exclude={"source", "warnings"}) == from_file.model_dump(exclude={"source", "warnings"})
