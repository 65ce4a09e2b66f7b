"""Document numbers (发文字号) and citations: example tables.

Rows marked (sample) come from samples/ and shared/corpus, checked by reading; the others
evaluate shapes named in issue 3 and issue 9.
"""

from __future__ import annotations

import pytest

import sztext
from sztext.extract import extract_citations, extract_doc_numbers
from sztext.normalize import normalize

G = sztext.load_grammar()

NUMBERS = [
    ("深府规〔2024〕6号", "深府规〔2024〕6号", "深府规", 2024, 6),  # sample 004 l.119
    ("a.png深府办函〔2022〕71号", "深府办函〔2022〕71号", "深府办函", 2022, 71),  # sample 004 l.1899
    ("（國發〔2015〕32號）", "國發〔2015〕32號", "國發", 2015, 32),  # sample 003 l.2
    ("国办发明电〔2018〕15号", "国办发明电〔2018〕15号", "国办发明电", 2018, 15),  # corpus 0005
    ("穗人社规字〔2019〕6号", "穗人社规字〔2019〕6号", "穗人社规", 2019, 6),
    # single-line OCR: the 版头 runs into the code, which starts after the organ's name
    ("山东省交通运输厅鲁交城市函（2020）39号关于商请会签", "鲁交城市函（2020）39号", "鲁交城市函", 2020, 39),  # devcorpus 0188
    ("中国华电集团有限公司山东公司中国华电鲁函〔2021〕52号关于", "中国华电鲁函〔2021〕52号", "中国华电鲁函", 2021, 52),  # devcorpus 0222
    ("国家电网有限公司乡村振兴工作办公室国网乡振办〔2022〕8号关于", "国网乡振办〔2022〕8号", "国网乡振办", 2022, 8),  # devcorpus 0226
    # a joint office's code with the second organ in brackets (省委保密办 and 省国家保密局, devcorpus 0210)
    ("中共山东省委保密委员会办公室山东省国家保密局鲁密办(局)函〔2021〕5号关于", "鲁密办(局)函〔2021〕5号", "鲁密办(局)函", 2021, 5),
    # the same shape from 淄博 (市委保密委员会办公室、市保密局), a 收文处理单 quoted in a public repository
    ("来文文号：淄密办（局）发〔2011〕2号", "淄密办（局）发〔2011〕2号", "淄密办（局）发", 2011, 2),
    ("卫医发〔1994〕第27号", "卫医发〔1994〕第27号", "卫医发", 1994, 27),
    ("劳社部发[2008]3号", "劳社部发[2008]3号", "劳社部发", 2008, 3),  # corpus 0038
    ("医保办函〔2025〕82 号", "医保办函〔2025〕82号", "医保办函", 2025, 82),  # corpus 0039
    ("深圳市人民政府令第310号", "深圳市人民政府令第310号", "深圳市人民政府令", None, 310),
    ("国令第707号", "国令第707号", "国令", None, 707),
    ("国务院令第746号", "国务院令第746号", "国务院令", None, 746),
    ("广州市人民政府令第179号", "广州市人民政府令第179号", "广州市人民政府令", None, 179),
    ("（2020 年 4 月 28 日深圳市人民政府令第328 号发布", "深圳市人民政府令第328号", "深圳市人民政府令", None, 328),  # sample 004 l.2735
]


@pytest.mark.parametrize(("text", "clean", "agency", "year", "serial"), NUMBERS, ids=[r[0] for r in NUMBERS])
def test_doc_number(text: str, clean: str, agency: str, year: int | None, serial: int) -> None:
    (found,) = extract_doc_numbers(normalize(text, G), G)
    assert (found.clean, found.agency, found.year, found.serial) == (clean, agency, year, serial)
    assert text[found.span[0] : found.span[1]] == found.text


@pytest.mark.parametrize("text", ["2024年6号台风", "〔2024〕", "第310号令", "按照本办法第五条规定"])
def test_not_a_doc_number(text: str) -> None:
    assert extract_doc_numbers(normalize(text, G), G) == []


CITATIONS = [
    (
        "根據《國務院關于開展營商環境創新試點工作的意見》(國發〔2021〕24號),制定",  # sample 001 l.6
        [("國務院關于開展營商環境創新試點工作的意見", "國發〔2021〕24號")],
    ),
    (
        "依据《中华人民共和国电子商务法》《“十四五”电子商务发展规划》和国家",  # sample 004 l.13
        [("中华人民共和国电子商务法", None), ("“十四五”电子商务发展规划", None)],
    ),
    (
        "按照《若干措施》（深府规〔2024〕6号）……落实《若干措施》要求",
        [("若干措施", "深府规〔2024〕6号"), ("若干措施", "深府规〔2024〕6号")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CITATIONS, ids=["with-number", "bare-titles", "bare-title-linked"])
def test_citations(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = extract_citations(normalize(text, G), G)
    assert [(c.title, c.doc_number) for c in found] == expected
    for c in found:
        assert text[c.span[0] : c.span[1]] == c.text
