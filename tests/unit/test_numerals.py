"""The one Chinese-numeral reader (sztext.numerals): each reading is exactly the one its stage had
before it moved here (the old readers are kept below as references, calling cn2an directly), and
the stages read real strings through it."""

from __future__ import annotations

import itertools
from decimal import Decimal

import cn2an
import pytest

from sztext import load_grammar, numerals
from sztext.extract.dates import extract_dates
from sztext.extract.docnumber import extract_doc_numbers
from sztext.extract.money import extract_amounts
from sztext.normalize import normalize
from sztext.segment import DocumentRange
from sztext.tokenize import numeral_value, tokenize

G = load_grammar()
DIGITS = "一二三四五六七八九"
SMALL = [*DIGITS, "十", *("十" + y for y in DIGITS), *(x + "十" for x in DIGITS), *(x + "十" + y for x in DIGITS for y in DIGITS)]
ALPHABET = "一二三四五六七八九十百千万零〇两壹贰拾佰仟1"
# every token of 1–3 characters of the alphabet, and longer ones that stand in real texts
TOKENS = [
    *("".join(c) for n in range(1, 4) for c in itertools.product(ALPHABET, repeat=n)),
    "二〇二一", "二〇〇四", "一九九二", "一百零五", "一百二十一", "两千", "壹万", "壹仟玖佰", "壹拾万零叁仟肆佰伍拾叁", "一百二十万",
]


# --- the readers as they were (tokenize._cn_numeral, money._cn2an_integer, dates._cn2an_int, mojibake._NUMBERS)


def old_marker(token: str) -> int | None:
    try:
        value = cn2an.cn2an(token.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if value == int(value) else None


def old_integer(text: str) -> int | str:
    try:
        result = cn2an.cn2an(text, "smart")
    except Exception as exc:
        return type(exc).__name__
    return result if isinstance(result, int) else "ValueError"


def old_date(text: str) -> int | None | str:
    if text.isascii():
        return int(text) if text.isdigit() else None
    try:
        value = cn2an.cn2an(text, "normal")
    except ValueError:
        return None
    except Exception as exc:
        return type(exc).__name__
    return value if isinstance(value, int) else None


def _old_cn(n: int) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens - 1] + "十")
    return head + (DIGITS[units - 1] if units else "")


OLD_SEQUENCE = {_old_cn(n): n for n in range(1, 100)}


def _outcome(read: object, text: str) -> object:
    try:
        return read(text)  # type: ignore[operator]
    except Exception as exc:
        return type(exc).__name__


def test_small_numerals_read_as_cn2an_reads_them() -> None:
    for token in SMALL:
        assert numerals.small_number(token) == cn2an.cn2an(token, "smart"), token


def test_other_tokens_are_left_to_cn2an() -> None:
    for n in range(1, 4):
        for chars in itertools.product("一二三四五六七八九十百千零〇两", repeat=n):
            token = "".join(chars)
            if token not in SMALL:
                assert numerals.small_number(token) is None, token


def test_every_reader_reads_as_before() -> None:
    for token in TOKENS:
        assert numerals.marker_number(token) == old_marker(token), token
        assert numeral_value(token, "cn") == old_marker(token), token
        assert _outcome(numerals.integer, token) == old_integer(token), token
        assert _outcome(numerals.date_number, token) == old_date(token), token
        assert numerals.sequence_number(token) == OLD_SEQUENCE.get(token), token
    assert all(numerals.write_small(n) == _old_cn(n) for n in range(1, 100))


@pytest.mark.parametrize(
    ("read", "text", "value"),
    [
        (numerals.date_number, "二〇二一", 2021),
        (numerals.date_number, "二〇〇四", 2004),  # 二〇〇四年十二月十七日 (devcorpus 0009)
        (numerals.date_number, "一九九二", 1992),  # 一九九二年十二月十八日 (devcorpus 0420)
        (numerals.date_number, "十二", 12),
        (numerals.date_number, "07", 7),
        (numerals.marker_number, "十二", 12),
        (numerals.marker_number, "一百零五", 105),
        (numerals.marker_number, "一百二十一", 121),  # 第一百二十一条 (devcorpus 0285)
        (numerals.integer, "两千", 2000),  # 处以二百元以上两千元以下罚款 (devcorpus 0401)
        (numerals.integer, "壹万", 10000),
        (numerals.integer, "壹仟玖佰", 1900),  # 税额共计壹仟玖佰圆整 (tests/unit/extract/test_money.py)
        (numerals.sequence_number, "二十三", 23),
    ],
)
def test_real_numerals(read: object, text: str, value: int) -> None:
    assert read(text) == value  # type: ignore[operator]


def test_what_is_not_a_number() -> None:
    assert numerals.date_number("十十") is None
    assert numerals.marker_number("十十") is None
    assert numerals.sequence_number("一十") is None  # markers write 十, never 一十
    with pytest.raises(ValueError):
        numerals.integer("十十")


def test_the_stages_read_through_it() -> None:
    # dates: 二〇〇四年十二月十七日 (devcorpus 0009), 一九九二年十二月十八日 (0420)
    view = normalize("二〇〇四年十二月十七日\n一九九二年十二月十八日杭州市人民政府", G)
    assert [str(d.value) for d in extract_dates(view, G)] == ["2004-12-17", "1992-12-18"]
    # money: 处以二百元以上两千元以下罚款 (devcorpus 0401), a range
    view = normalize("经营性的，处以二百元以上两千元以下罚款。", G)
    assert [(a.text, a.low, a.high) for a in extract_amounts(view, G)] == [("二百元以上两千元以下", Decimal(200), Decimal(2000))]
    # headings: 第一百零一条 国务院专利行政部门 (devcorpus 0285)
    view = normalize("第一百零一条 国务院专利行政部门\n第一百零二条 按照专利合作条约\n", G)
    assert [b.number for b in tokenize(view, DocumentRange(0, len(view.text)), G) if b.style] == [101, 102]
    # 文号: 国发〔2019〕5号 (devcorpus 0001)
    found = extract_doc_numbers(normalize("国发〔2019〕5号", G), G)
    assert [(d.year, d.serial) for d in found] == [(2019, 5)]
