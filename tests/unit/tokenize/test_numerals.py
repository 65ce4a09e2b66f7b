"""Marker numbers read without cn2an give exactly cn2an's reading (sztext.tokenize._small_cn)."""

from __future__ import annotations

import itertools

import cn2an

from sztext.tokenize import _small_cn, numeral_value

DIGITS = "一二三四五六七八九"
SMALL = [*DIGITS, "十", *("十" + y for y in DIGITS), *(x + "十" for x in DIGITS), *(x + "十" + y for x in DIGITS for y in DIGITS)]


def test_small_numerals_read_as_cn2an_reads_them() -> None:
    for token in SMALL:
        assert _small_cn(token) == cn2an.cn2an(token, "smart"), token


def test_other_tokens_are_left_to_cn2an() -> None:
    alphabet = "一二三四五六七八九十百千零〇两"
    for n in range(1, 4):
        for chars in itertools.product(alphabet, repeat=n):
            token = "".join(chars)
            if token not in SMALL:
                assert _small_cn(token) is None, token


def test_numeral_value_is_unchanged() -> None:
    for token in [*SMALL, "一百", "一百零一", "二〇", "十十", "两", "〇"]:
        try:
            value = cn2an.cn2an(token.replace("〇", "零"), "smart")
            expected = int(value) if value == int(value) else None
        except (ValueError, KeyError, IndexError, TypeError):
            expected = None
        assert numeral_value(token, "cn") == expected, token
