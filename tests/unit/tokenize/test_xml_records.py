"""Law-database XML records (issue 15, "Measures"; law.moj.gov.tw exports in the devcorpus) given
to ``sztext.parse`` as a str are rendered as ``parse_file`` renders them (sztext.load.record, issue
13: one path): each article is a line opening with its <條號> (第 N 條) and its items open lines of
the 條文內容; the amendment history 沿革內容 (1. 2. …) is read by the header as the record's
promulgation notes, not as its outline. Excerpts of real records, lines cut."""

from __future__ import annotations

from pathlib import Path

import sztext

from shared_fixtures import outline

# devcorpus 0438 (國家安全局, 國家情報工作獎勵辦法): the history, then articles 1 and 4 (shortened)
REC_0438 = (
    "<法規>\n"
    "<法規名稱>國家情報工作獎勵辦法</法規名稱>\n"
    "<沿革內容><![CDATA[1.中華民國九十九年九月七日國家安全局（099） 允恆字第 0044054  號\n"
    "  令訂定發布全文 11 條；並自發布日施行\n"
    "2.中華民國一百零二年九月十四日國家安全局（102） 修惠字第 0011266 \n"
    "  號令修正發布第 1  條條文\n"
    "3.中華民國一百零六年五月十七日國家安全局（106） 浩民字第 0004618\n"
    "  號令修正發布全文 11 條；並自發布日施行]]></沿革內容>\n"
    "<法規內容>\n"
    "  <條文>\n"
    "    <條號>第 1 條</條號>\n"
    "    <條文內容><![CDATA[本辦法依國家情報工作法（以下簡稱本法）第二十七條第二項規定訂定之。]]></條文內容>\n"
    "  </條文>\n"
    "  <條文>\n"
    "    <條號>第 4 條</條號>\n"
    "    <條文內容><![CDATA[本辦法獎勵種類如下：\n"
    "一、獎狀、獎盃或獎牌。\n"
    "二、行政獎勵。\n"
    "三、獎金，並得與第一款併同獎勵。]]></條文內容>\n"
    "  </條文>\n"
    "</法規內容>\n"
    "</法規>\n"
)

# devcorpus 0441 (不當黨產處理委員會, 檢舉政黨及其附隨組織不當取得財產獎勵辦法): article 2 with its items
REC_0441 = (
    "<法規內容>\n"
    "  <條文>\n"
    "    <條號>第 2 條</條號>\n"
    "    <條文內容><![CDATA[向不當黨產處理委員會（以下簡稱本會）提供政黨、附隨組織或其受託管理人之財產所在者，依本辦法發給獎金。\n"
    "下列人員非本辦法之獎勵對象，不適用獎勵規定：\n"
    "一、本會所屬人員。\n"
    "二、前款人員之配偶、前配偶、四親等內之血親或三親等內之姻親。]]></條文內容>\n"
    "  </條文>\n"
    "</法規內容>\n"
)


def _numbered(text: str) -> list[tuple[int, str, str]]:
    return [(d, k, line.strip()[:12]) for d, k, line in outline(sztext.parse(text))]


def test_articles_of_a_record_and_no_history_entry() -> None:
    assert _numbered(REC_0438) == [
        (0, "article", "第 1 條 本辦法依國家"),
        (0, "article", "第 4 條 本辦法獎勵種"),
        (1, "section", "一、獎狀、獎盃或獎牌。"),
        (1, "section", "二、行政獎勵。"),
        (1, "section", "三、獎金，並得與第一款併"),
    ]


def test_items_under_a_record_article() -> None:
    assert _numbered(REC_0441) == [
        (0, "article", "第 2 條 向不當黨產處"),
        (1, "section", "一、本會所屬人員。"),
        (1, "section", "二、前款人員之配偶、前配"),
    ]


def test_a_record_given_as_text_is_parsed_as_the_file_is(tmp_path: Path) -> None:
    # one path for records: parse(str) renders the record as the loader does for parse_file
    path = tmp_path / "record.xml.txt"
    path.write_text(REC_0438, encoding="utf-8")
    from_file = sztext.parse_file(path)[0]
    from_text = sztext.parse(REC_0438)
    assert from_text.title is not None and from_text.title.text == "國家情報工作獎勵辦法"
    assert from_text.title == from_file.title
    assert from_text.model_dump(exclude={"source"}) == from_file.model_dump(exclude={"source"})
